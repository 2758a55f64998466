package rnnscratch.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Write first, then read": on a docs page with exercises, the notes' Python, the mathematics and the shapes come
 * first; then the section {@code ## Exercises} with one {@code ### Write it: exNN — <title>} per exercise; and only
 * after that, under a heading {@code ## After exNN passes: the library's version} (several ids allowed), the Java
 * that the exercise asks for. {@link #problems} finds where a page breaks that order. Docs: docs/exercises.md
 *
 * <p>A fenced code block <em>shows the answer</em> of an exercise when, compared without white space, it holds
 * <ul>
 *   <li>a statement of the reference answer (the code between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}
 *       in {@code solutions/}) or of the library's own version of it (the bodies of the library methods the
 *       exercise re-implements), at least {@value #MIN_LINE} characters long — not an import, a brace, a comment or
 *       a header ending in {@code {} (a signature, {@code for}, {@code if}), and not one that another exercise of
 *       the same page shares;</li>
 *   <li>or the definition of a method of that name: {@code … gradClipping(List<Tensor> params, double theta) {}.</li>
 * </ul>
 */
final class WriteFirst {
    private WriteFirst() {}

    /** Shorter lines ({@code return norm;}, {@code p.zeroGrad();}) say too little to count as the answer. */
    static final int MIN_LINE = 25;

    private static final Pattern FENCE = Pattern.compile("^\\s*```");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXERCISE_ID = Pattern.compile("\\bex\\d\\d\\b");

    /**
     * What shows one exercise's answer.
     *
     * @param id      {@code ex09}
     * @param lines   the statements of the reference answer and of the library's version, white space removed
     * @param methods the names of the methods the exercise asks for and of the library's versions
     */
    record Answer(String id, Set<String> lines, Set<String> methods) {
        /**
         * @param solutionSource the solution file's text
         * @param libraryBodies  the bodies of the library methods it re-implements
         * @param libraryNames   their names
         */
        static Answer of(String id, String solutionSource, List<String> libraryBodies, List<String> libraryNames) {
            var lines = new LinkedHashSet<String>();
            var methods = new LinkedHashSet<String>(libraryNames);
            boolean inside = false;
            String method = "";
            for (String raw : solutionSource.split("\n")) {
                String line = raw.strip();
                Matcher m = DECLARATION.matcher(line);
                if (!inside && m.find()) {
                    method = m.group(1);
                }
                if (line.equals("// BEGIN SOLUTION")) {
                    inside = true;
                    methods.add(method);
                } else if (line.equals("// END SOLUTION")) {
                    inside = false;
                } else if (inside) {
                    statement(line).ifPresent(lines::add);
                }
            }
            for (String body : libraryBodies) {
                body.lines().map(String::strip).map(WriteFirst::statement).flatMap(Optional::stream).forEach(lines::add);
            }
            return new Answer(id, lines, methods);
        }

        /** The piece of {@code code} that shows this answer, if any: a statement, or a method's definition. */
        Optional<String> shownIn(String code) {
            String squeezed = squeeze(code);
            for (String l : lines) {
                if (squeezed.contains(l)) {
                    return Optional.of(l);
                }
            }
            for (String name : methods) {
                Matcher d = Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(name) + "\\s*\\([^;{]*\\)\\s*(?:throws[^{;]*)?\\{")
                        .matcher(code);
                if (d.find()) {
                    return Optional.of("the definition of " + name + "(…)");
                }
            }
            return Optional.empty();
        }
    }

    /** A method declaration's name in a line of Java: {@code public static Tensor rnnStep(} gives rnnStep. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:public|private|protected|static|final|\\s)+[\\w<>\\[\\],.? ]+\\s+(\\w+)\\s*\\(");

    /** A line of code as a fingerprint: white space removed, comment cut off; empty when it says too little. */
    static Optional<String> statement(String line) {
        String code = line.replaceFirst("\\s//.*$", "").strip();
        if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("import ")
                || code.startsWith("@") || code.endsWith("{") || code.matches("[{}();,\\s]*")) {
            return Optional.empty();
        }
        String squeezed = squeeze(code);
        return squeezed.length() >= MIN_LINE ? Optional.of(squeezed) : Optional.empty();
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** A fenced code block: the line of its opening fence (from 1), the {@code ##} heading above it, its text. */
    record Block(int line, String section, String text) {}

    /** A heading: its line (from 1), its level (2 for {@code ##}) and its text. */
    record Heading(int line, int level, String text) {}

    /** The headings and fenced blocks of a page, in order. */
    static List<Object> parse(String markdown) {
        var parts = new ArrayList<Object>();
        String section = "";
        var lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).find()) {
                int start = i;
                var text = new StringBuilder();
                for (i++; i < lines.length && !FENCE.matcher(lines[i]).find(); i++) {
                    text.append(lines[i]).append('\n');
                }
                parts.add(new Block(start + 1, section, text.toString()));
                continue;
            }
            Matcher h = HEADING.matcher(lines[i]);
            if (h.matches()) {
                var heading = new Heading(i + 1, h.group(1).length(), h.group(2));
                if (heading.level() <= 2) {
                    section = heading.text();
                }
                parts.add(heading);
            }
        }
        return parts;
    }

    /** The watch mode's command, which every "Write it" subsection gives. */
    static final String WATCH = "mvn -q test-compile exec:java@watch";

    /** The text from the heading at {@code line} to the next heading. */
    private static String subsection(String markdown, List<Object> parts, int line) {
        int end = parts.stream().filter(p -> p instanceof Heading h && h.line() > line).mapToInt(p -> ((Heading) p).line())
                .findFirst().orElse(Integer.MAX_VALUE);
        var lines = markdown.split("\n", -1);
        return String.join("\n", java.util.Arrays.asList(lines).subList(line, Math.min(end - 1, lines.length)));
    }

    /** True for an "After" heading that names {@code id}: {@code ## After ex12 and ex14 pass: the library's version}. */
    static boolean isAfter(Heading h, String id) {
        return h.level() == 2 && h.text().startsWith("After ") && idsIn(h.text()).contains(id);
    }

    private static Set<String> idsIn(String text) {
        var ids = new LinkedHashSet<String>();
        Matcher m = EXERCISE_ID.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /**
     * The answers without the statements two of them share ({@code var batches = new ArrayList<Minibatch>(n);} in
     * both partitionings, say): such a line names neither exercise.
     */
    static List<Answer> withoutSharedLines(List<Answer> answers) {
        var result = new ArrayList<Answer>();
        for (Answer a : answers) {
            var lines = new LinkedHashSet<>(a.lines());
            for (Answer other : answers) {
                if (other != a) {
                    lines.removeAll(other.lines());
                }
            }
            result.add(new Answer(a.id(), lines, a.methods()));
        }
        return result;
    }

    /**
     * Where {@code markdown} (the page {@code page}) breaks "write first, then read" for the exercises
     * {@code answers}, one sentence each; empty when it keeps it.
     */
    static List<String> problems(String page, String markdown, List<Answer> answers) {
        var problems = new ArrayList<String>();
        var parts = parse(markdown);
        answers = withoutSharedLines(answers);
        int exercises = -1;
        for (Object p : parts) {
            if (p instanceof Heading h && h.level() == 2 && h.text().equals("Exercises")) {
                exercises = h.line();
                break;
            }
        }
        if (exercises < 0) {
            problems.add(page + " has exercises but no '## Exercises' heading (stubs link to #exercises)");
        }
        for (Answer a : answers) {
            int writeIt = -1;
            int after = -1;
            String afterHeading = "After " + a.id() + " passes: the library's version";
            String section = "";
            for (Object p : parts) {
                if (p instanceof Heading h) {
                    if (h.level() <= 2) {
                        section = h.text();
                    }
                    if (h.level() == 3 && h.text().startsWith("Write it: " + a.id() + " — ")
                            && section.equals("Exercises") && writeIt < 0) {
                        writeIt = h.line();
                    }
                    if (isAfter(h, a.id()) && after < 0) {
                        after = h.line();
                        afterHeading = h.text();
                    }
                }
            }
            if (writeIt < 0) {
                problems.add(page + " has no '### Write it: " + a.id() + " — <title>' inside its '## Exercises' "
                        + "section");
            }
            if (writeIt > 0) {
                String task = subsection(markdown, parts, writeIt);
                for (String command : List.of(WATCH, "mvn test -Pexercises -Dgroups=" + a.id())) {
                    if (!task.contains(command)) {
                        problems.add(page + ":" + writeIt + ": '### Write it: " + a.id() + "' does not give the "
                                + "command `" + command + "`");
                    }
                }
            }
            if (after < 0) {
                problems.add(page + " has no '## After " + a.id() + " passes: the library's version' heading");
            } else if (writeIt > after) {
                problems.add(page + ":" + after + ": the heading '## After … " + a.id() + " …' comes before '### Write "
                        + "it: " + a.id() + "' (line " + writeIt + "); the student writes first, then reads");
            }
            for (Object p : parts) {
                if (p instanceof Block b) {
                    var shown = a.shownIn(b.text());
                    if (shown.isEmpty()) {
                        continue;
                    }
                    boolean underAfter = b.section().startsWith("After ") && idsIn(b.section()).contains(a.id());
                    if (!underAfter || (writeIt > 0 && b.line() < writeIt)) {
                        problems.add(page + ":" + b.line() + ": this code block shows " + a.id() + "'s answer ("
                                + shown.get() + ") under '## " + b.section() + "'; move it below '## " + afterHeading
                                + "', after '### Write it: " + a.id() + "'");
                    }
                }
            }
        }
        return problems;
    }
}
