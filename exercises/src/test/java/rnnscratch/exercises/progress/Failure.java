package rnnscratch.exercises.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One failing exercise test, as a student should read it: its sentence (the test's {@code @DisplayName}), what went
 * wrong in one line, expected against actual, and for a property the shrunk counterexample and the command that
 * replays it. No stack trace: where the student's own code threw, the line of their file is named instead.
 *
 * <p>Docs: docs/exercises.md
 *
 * @param sentence       the test's sentence
 * @param stub           true when the exercise's untouched stub threw its "Exercise NN (…)" message
 * @param message        the failed assertion's description, the stub's message, or what the code threw; whole,
 *                       however long (the first line of a message over several lines)
 * @param details        expected against actual, at most a few lines (possibly none), each value shortened to its
 *                       first 200 characters
 * @param counterexample the smallest counterexample of a property ({@code ""} for a worked example)
 * @param replay         the command that replays the property ({@code ""} when there is none)
 */
public record Failure(String sentence, boolean stub, String message, List<String> details, String counterexample,
        String replay) {
    /** A value (expected, actual) longer than this is shortened; a message never is. */
    private static final int VALUE_WIDTH = 200;
    private static final int MAX_DETAIL_LINES = 3;
    private static final Pattern STUB = Pattern.compile("(?s)Exercise \\d\\d \\(.*");
    private static final Pattern STUDENT_CLASS = Pattern.compile("rnnscratch\\.exercises\\.Ex\\d\\d[A-Za-z0-9]*(\\$.*)?");

    /** Copies the details. */
    public Failure {
        details = List.copyOf(details);
    }

    /** True for the message of an untouched stub: {@code Exercise NN (short title): …}. */
    public static boolean isStubMessage(String m) {
        return m != null && STUB.matcher(m).matches();
    }

    /** Reads a test's throwable: a stub, a property falsified by QuickTheories, an assertion, or an exception. */
    public static Failure of(String sentence, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && isStubMessage(c.getMessage())) {
                return new Failure(sentence, true, firstLine(c.getMessage()), List.of(), "", "");
            }
        }
        String text = t.getMessage() == null ? "" : t.getMessage();
        if (text.startsWith("Property falsified")) {
            String example = lineAfter(text, "Smallest counterexample (shrunk): ");
            String replay = between(lineAfter(text, "Seed: "), "replay with: ", ")");
            if (t.getCause() != null) {
                var inner = of(sentence, t.getCause());
                return new Failure(sentence, false, inner.message(), inner.details(), example, replay);
            }
            return new Failure(sentence, false, firstLine(text), List.of(), example, replay);
        }
        if (t instanceof AssertionError) {
            return assertion(sentence, text);
        }
        return new Failure(sentence, false, thrown(t), List.of(), "", "");
    }

    /** The failure as a few indented lines: the sentence, then the rest indented below it. */
    public List<String> lines(String indent) {
        var out = new ArrayList<String>();
        out.add(indent + "✗ " + sentence);
        String more = indent + "    ";
        out.add(more + message);
        details.forEach(d -> out.add(more + d));
        if (!counterexample.isEmpty()) {
            out.add(more + "smallest counterexample: " + counterexample
                    + (replay.isEmpty() ? "" : "    replay: " + replay));
        }
        return out;
    }

    /** AssertJ's "[description] \nExpecting …" or a plain assertion message. */
    private static Failure assertion(String sentence, String text) {
        String description = "";
        String rest = text;
        if (text.startsWith("[")) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (depth == 0) {
                    description = text.substring(1, i).strip();
                    rest = text.substring(i + 1);
                    break;
                }
            }
        }
        var lines = rest.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (description.isEmpty()) {
            description = lines.isEmpty() ? "the assertion failed" : lines.get(0);
            lines = lines.isEmpty() ? lines : lines.subList(1, lines.size());
        }
        return new Failure(sentence, false, firstLine(description), details(lines), "", "");
    }

    /**
     * Expected against actual in short lines: AssertJ puts each value on its own line under a label ("Expecting
     * actual:", "to be less than:"), so a label and the value after it share a line here.
     */
    private static List<String> details(List<String> lines) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith("when comparing") || l.startsWith("at ")) {
                break;
            }
            boolean label = l.endsWith(":") || l.startsWith("expected:") || l.startsWith("but was:")
                    || l.startsWith("Expecting") || l.startsWith("to ") || l.startsWith("by less than");
            if (label && current.length() > 0) {
                out.add(cut(current.toString()));
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(l);
        }
        if (current.length() > 0) {
            out.add(cut(current.toString()));
        }
        // "Expecting actual: 3.0" and "to be close to: 4.0" read best as one line when they are short
        var joined = new ArrayList<String>();
        for (String l : out) {
            int last = joined.size() - 1;
            if (last >= 0 && joined.get(last).length() + l.length() < 100 && l.startsWith("to ")) {
                joined.set(last, joined.get(last) + " " + l);
            } else {
                joined.add(l);
            }
        }
        return joined.size() <= MAX_DETAIL_LINES ? joined : joined.subList(0, MAX_DETAIL_LINES);
    }

    /** "your code threw X: message (Ex07OneHot.java:25)", naming the first line of the student's code it passed. */
    public static String thrown(Throwable t) {
        String where = "";
        for (StackTraceElement f : t.getStackTrace()) {
            if (STUDENT_CLASS.matcher(f.getClassName()).matches() && !f.getClassName().contains("Test")) {
                where = " (at " + f.getFileName() + ":" + f.getLineNumber() + ")";
                break;
            }
        }
        String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
        return "your code threw " + t.getClass().getSimpleName() + message + where;
    }

    private static String lineAfter(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElse("");
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        if (i < 0) {
            return "";
        }
        int j = s.lastIndexOf(to);
        return (j > i ? s.substring(i + from.length(), j) : s.substring(i + from.length())).strip();
    }

    static String firstLine(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    /** A long value (an array of minibatches, say) shortened to its start; only details are, never a message. */
    private static String cut(String s) {
        return s.length() <= VALUE_WIDTH ? s : s.substring(0, VALUE_WIDTH - 1) + "…";
    }
}
