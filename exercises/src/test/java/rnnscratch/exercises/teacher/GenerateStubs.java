package rnnscratch.exercises.teacher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * For teachers: makes the students' stubs in {@code exercises/src/main/java} from the reference answers in
 * {@code solutions/src/main/java}. Every region
 * <pre>
 *     // BEGIN SOLUTION
 *     … the answer …
 *     // END SOLUTION
 *     // STUB: throw new UnsupportedOperationException("Exercise 07 (…): write …, … — read docs/…#exercises");
 * </pre>
 * becomes the code of its {@code // STUB:} line, at the same indentation; a region with no {@code // STUB:} line
 * after it is simply dropped. Everything else is copied as it is.
 *
 * <p>It never overwrites a student's work: a file in {@code exercises/} that holds code the stub does not
 * ({@link #studentCode}) is listed and left alone, unless the teacher adds {@code force=true}. Run from the
 * repository root:
 * <pre>  mvn -q test-compile exec:java@stubs                  (writes the stubs; refuses files with a student's code)
 *  mvn -q test-compile exec:java@stubs -Dforce=true     (overwrites those too)
 *  mvn -q test-compile exec:java@stubs -Dcheck=true     (writes nothing; fails unless every stub is exactly up to date)</pre>
 * The default build checks only what a student cannot change without breaking the tests — the declarations each
 * exercise file must keep ({@link #contractDifferences}); {@code .ci/run} checks the committed stubs exactly
 * ({@link #differences}).
 *
 * <p>Docs: docs/exercises.md#for-teachers-regenerating-the-stubs
 */
public final class GenerateStubs {
    /** Where the reference answers are, relative to the repository root. */
    public static final Path SOLUTIONS = Path.of("solutions", "src", "main", "java");
    /** Where the stubs go, relative to the repository root. */
    public static final Path EXERCISES = Path.of("exercises", "src", "main", "java");

    private static final String BEGIN = "// BEGIN SOLUTION";
    private static final String END = "// END SOLUTION";
    private static final String STUB = "// STUB:";
    /** A stubbed body: the one line that throws until the student writes the method. */
    private static final Pattern STUB_THROW = Pattern.compile("throw new UnsupportedOperationException\\(\".*\"\\);");
    /** A declaration a student must keep: the exercise's tests call what it declares. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(package|public|protected|private|static|final|abstract|sealed|non-sealed|record|class|interface|enum)\\b.*");
    /** A line that only declares or closes something, never a student's statement. */
    private static final Pattern NOT_A_STATEMENT = Pattern.compile("(import|package)\\b.*|.*\\{|\\}.*|@.*");

    private GenerateStubs() {}

    /**
     * The stub of one solution file.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file and line of a marker out of place (a BEGIN inside a region,
     *                                  an END or STUB outside one, a region never closed)
     */
    public static String stub(String name, String source) {
        var out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int begin = -1;
        boolean afterEnd = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.strip();
            boolean last = i == lines.length - 1;
            if (code.equals(BEGIN)) {
                if (begin >= 0) {
                    throw misplaced(name, i, "BEGIN SOLUTION inside the region opened at line " + (begin + 1));
                }
                begin = i;
            } else if (code.equals(END)) {
                if (begin < 0) {
                    throw misplaced(name, i, "END SOLUTION without a BEGIN SOLUTION before it");
                }
                begin = -1;
                afterEnd = true;
                continue;
            } else if (code.startsWith(STUB)) {
                if (!afterEnd) {
                    throw misplaced(name, i, "a STUB line must come right after END SOLUTION");
                }
                String indent = line.substring(0, line.indexOf(STUB));
                out.append(indent).append(code.substring(STUB.length()).strip()).append(last ? "" : "\n");
            } else if (begin < 0) {
                out.append(line).append(last ? "" : "\n");
            }
            afterEnd = false;
        }
        if (begin >= 0) {
            throw misplaced(name, begin, "BEGIN SOLUTION is never closed by END SOLUTION");
        }
        return out.toString();
    }

    /** Every stub the solutions give, by path relative to {@link #EXERCISES}, in path order. */
    public static Map<Path, String> generate(Path root) {
        var stubs = new TreeMap<Path, String>();
        for (Path rel : javaFiles(root.resolve(SOLUTIONS))) {
            String source = read(root.resolve(SOLUTIONS).resolve(rel));
            stubs.put(rel, stub(SOLUTIONS.resolve(rel).toString(), source));
        }
        return stubs;
    }

    /**
     * The lines of {@code file} that are a student's code: statements (not blank, not a comment, not an import, not
     * a line that only opens or closes a block) that the stub does not have and that are not a stub's
     * {@code throw}. Empty for an untouched stub, also one older than its solution. Each as "line N: code".
     */
    public static List<String> studentCode(String file, String stub) {
        var inStub = new HashSet<String>();
        stub.lines().map(String::strip).forEach(inStub::add);
        var code = new ArrayList<String>();
        var lines = file.lines().toList();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (inComment) {
                inComment = !l.contains("*/");
                continue;
            }
            if (l.startsWith("/*")) {
                inComment = !l.contains("*/");
                continue;
            }
            if (l.isEmpty() || l.startsWith("//") || l.startsWith("*") || inStub.contains(l)
                    || STUB_THROW.matcher(l).matches() || NOT_A_STATEMENT.matcher(l).matches()) {
                continue;
            }
            code.add("line " + (i + 1) + ": " + l);
        }
        return code;
    }

    /**
     * The declarations of a stub that an exercise file must keep — the package, the class, every method and record
     * the exercise's tests call — stripped, in order.
     */
    static List<String> contract(String stub) {
        var lines = new ArrayList<String>();
        boolean inComment = false;
        for (String raw : stub.lines().toList()) {
            String l = raw.strip();
            if (inComment || l.startsWith("/*")) {
                inComment = !l.contains("*/");
                continue;
            }
            if (!l.startsWith("*") && !l.startsWith("//") && DECLARATION.matcher(l).matches()) {
                lines.add(l);
            }
        }
        return lines;
    }

    /**
     * What the default build checks, and all it checks: every exercise file still declares, in order, what its stub
     * declares ({@link #contract}). A student's bodies, comments, imports and helper methods never count; a changed
     * signature, or a stub older than a changed contract in {@code solutions/}, does. One line per problem, for a
     * student and a teacher alike.
     */
    public static List<String> contractDifferences(Path root) {
        var problems = new ArrayList<String>();
        for (var e : generate(root).entrySet()) {
            Path rel = EXERCISES.resolve(e.getKey());
            Path file = root.resolve(rel);
            if (!Files.exists(file)) {
                problems.add(rel + " is missing: restore it (git checkout -- " + rel + ")");
                continue;
            }
            var have = read(file).lines().map(String::strip).toList();
            int at = 0;
            for (String wanted : contract(e.getValue())) {
                int found = have.subList(at, have.size()).indexOf(wanted);
                if (found < 0) {
                    problems.add(rel + " no longer has the line `" + wanted + "` that its exercise gives (its "
                            + "tests call it as given): put it back as it was; `git diff " + rel
                            + "` shows what changed. (Teachers: the stub is older than " + SOLUTIONS.resolve(e.getKey())
                            + " — see docs/exercises.md#for-teachers-regenerating-the-stubs.)");
                    break;
                }
                at += found + 1;
            }
        }
        return problems;
    }

    /**
     * How the committed stubs differ from {@link #generate}: one line per file that is missing, different, or has
     * no solution; empty when they are exactly up to date. For a teacher's repository (its {@code exercises/} holds
     * untouched stubs); {@code .ci/run} runs it.
     */
    public static List<String> differences(Path root) {
        var wanted = generate(root);
        var problems = new ArrayList<String>();
        Path dir = root.resolve(EXERCISES);
        for (var e : wanted.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add(EXERCISES.resolve(e.getKey()) + " is missing");
            } else if (!read(file).equals(e.getValue())) {
                problems.add(EXERCISES.resolve(e.getKey()) + " differs from the stub made from "
                        + SOLUTIONS.resolve(e.getKey()));
            }
        }
        for (Path rel : javaFiles(dir)) {
            if (!wanted.containsKey(rel)) {
                problems.add(EXERCISES.resolve(rel) + " has no solution in " + SOLUTIONS);
            }
        }
        return problems;
    }

    /**
     * What {@link #write} did: the files written, and those left alone because they hold a student's code (in path
     * order, each with its lines of code).
     */
    public record Written(List<Path> written, Map<Path, List<String>> refused) {
        /** Copies. */
        public Written {
            written = List.copyOf(written);
            refused = java.util.Collections.unmodifiableMap(new TreeMap<>(refused));
        }
    }

    /**
     * Writes every stub that differs, each through a temporary file renamed into place, except over a file holding
     * a student's code ({@link #studentCode}) unless {@code force}. Deletes nothing: a file in {@code exercises/}
     * without a solution may be a student's helper.
     */
    public static Written write(Path root, boolean force) throws IOException {
        var written = new ArrayList<Path>();
        var refused = new TreeMap<Path, List<String>>();
        Path dir = root.resolve(EXERCISES);
        for (var e : generate(root).entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (Files.exists(file)) {
                String now = read(file);
                if (now.equals(e.getValue())) {
                    continue;
                }
                var code = studentCode(now, e.getValue());
                if (!code.isEmpty() && !force) {
                    refused.put(EXERCISES.resolve(e.getKey()), code);
                    continue;
                }
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(EXERCISES.resolve(e.getKey()));
        }
        return new Written(written, refused);
    }

    /**
     * @param args {@code root=} the repository root (default: the current directory); {@code force=true} to
     *             overwrite files that hold a student's code; {@code check=true} to write nothing and exit 1 unless
     *             every committed stub is exactly what the solutions give
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(arg(args, "root", "")).toAbsolutePath();
        if (!Files.isDirectory(root.resolve(SOLUTIONS))) {
            System.err.println("stubs: no " + SOLUTIONS + " under " + root + ": run it from the repository root");
            System.exit(2);
        }
        if (Boolean.parseBoolean(arg(args, "check", "false"))) {
            var problems = differences(root);
            problems.forEach(p -> System.err.println("stubs: " + p));
            System.out.println(problems.isEmpty() ? "stubs: all " + generate(root).size() + " stubs are up to date"
                    : "stubs: " + problems.size() + " stub(s) are not what solutions/ gives");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        var result = write(root, Boolean.parseBoolean(arg(args, "force", "false")));
        result.written().forEach(p -> System.out.println("wrote   " + p));
        result.refused().forEach((p, code) -> System.out.println("KEPT    " + p + " — it holds code the stub does "
                + "not have (" + code.get(0) + (code.size() > 1 ? ", and " + (code.size() - 1) + " more line(s)" : "")
                + ")"));
        System.out.println(generate(root).size() + " stubs, " + result.written().size() + " file(s) written"
                + (result.refused().isEmpty() ? "" : ", " + result.refused().size() + " kept because they hold a "
                        + "student's code: move that work elsewhere first, or add -Dforce=true to overwrite it"));
        if (!result.refused().isEmpty()) {
            System.exit(1);
        }
    }

    private static String arg(String[] args, String key, String fallback) {
        for (String a : args) {
            if (a.startsWith(key + "=") && !a.startsWith(key + "=${")) {
                return a.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    private static IllegalArgumentException misplaced(String name, int index, String what) {
        return new IllegalArgumentException(name + ":" + (index + 1) + ": " + what);
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(dir::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
