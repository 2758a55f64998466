package rnnscratch.tools;

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
 * The exercises' stubs, made from the reference answers: one file, the JDK alone, run as a source-file program
 * ({@code java tools/rnnscratch/tools/Stubs.java …}) by teachers and by the build.
 *
 * <p>In {@code solutions/src/main/java} every region
 * <pre>
 *     // BEGIN SOLUTION
 *     … the answer …
 *     // END SOLUTION
 *     // STUB: throw new UnsupportedOperationException("Exercise 07 (…): write …, … — read docs/…#exercises");
 * </pre>
 * becomes, in the stub, the code of its {@code // STUB:} line at the same indentation; a region with no
 * {@code // STUB:} line after it is simply dropped. Everything else is copied as it is.
 *
 * <pre>
 *  java tools/rnnscratch/tools/Stubs.java              teachers: write the stubs into exercises/; a file that holds a student's code
 *                                     ({@link #studentCode}) is listed and kept
 *  java tools/rnnscratch/tools/Stubs.java force        the same, overwriting those files too
 *  java tools/rnnscratch/tools/Stubs.java check        write nothing; exit 1 unless every stub is exactly what solutions/ gives
 *                                     (.ci/run, on the teacher's clean tree)
 *  java tools/rnnscratch/tools/Stubs.java compile      the build: compile the student's exercises/ into target/classes, each file that
 *                                     does not compile replaced by its untouched stub and named in one line
 * </pre>
 * The default build's test checks only what a student cannot change without breaking the tests — the declarations
 * each exercise file must keep ({@link #contractDifferences}) — so that a student's answers never turn it red.
 *
 * <p>Docs: docs/exercises.md#for-teachers-regenerating-the-stubs
 */
public final class Stubs {
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

    private Stubs() {}

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
     * @param args a mode — none (write), {@code force}, {@code check} or {@code compile} — and optionally
     *             {@code root=} the repository root (default: the current directory); for {@code compile} also
     *             {@code classes=} the library's classes, where the exercises' classes go too, and {@code report=}
     *             the file that lists the exercise files that did not compile
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(arg(args, "root", "")).toAbsolutePath();
        String mode = args.length > 0 && !args[0].contains("=") ? args[0] : "write";
        if (!Files.isDirectory(root.resolve(SOLUTIONS))) {
            System.err.println("stubs: no " + SOLUTIONS + " under " + root + ": run it from the repository root");
            System.exit(2);
        }
        switch (mode) {
            case "write", "force" -> {
                var result = write(root, mode.equals("force"));
                result.written().forEach(p -> System.out.println("wrote   " + p));
                result.refused().forEach((p, code) -> System.out.println("KEPT    " + p + " — it holds code the stub "
                        + "does not have (" + code.get(0) + (code.size() > 1 ? ", and " + (code.size() - 1)
                        + " more line(s)" : "") + ")"));
                System.out.println(generate(root).size() + " stubs, " + result.written().size() + " file(s) written"
                        + (result.refused().isEmpty() ? "" : ", " + result.refused().size() + " kept because they "
                                + "hold a student's code: move that work elsewhere first, or run "
                                + "java tools/rnnscratch/tools/Stubs.java force to overwrite it"));
                System.exit(result.refused().isEmpty() ? 0 : 1);
            }
            case "check" -> {
                var problems = differences(root);
                problems.forEach(p -> System.err.println("stubs: " + p));
                System.out.println(problems.isEmpty() ? "stubs: all " + generate(root).size()
                        + " stubs are up to date" : "stubs: " + problems.size()
                        + " stub(s) are not what solutions/ gives");
                System.exit(problems.isEmpty() ? 0 : 1);
            }
            case "compile" -> {
                Path classes = root.resolve(arg(args, "classes", "target/classes"));
                Path report = root.resolve(arg(args, "report", "target/exercises-compile.txt"));
                var failed = compileExercises(root, classes);
                Files.createDirectories(report.getParent());
                Files.writeString(report, String.join("", failed.stream().map(l -> l + "\n").toList()),
                        StandardCharsets.UTF_8);
                for (String f : failed) {
                    System.out.println("exercises: " + f + " — until it compiles, its untouched stub stands in "
                            + "(the watch mode shows the whole error)");
                }
            }
            default -> {
                System.err.println("stubs: unknown mode '" + mode + "': use none (write the stubs), force, check or "
                        + "compile");
                System.exit(2);
            }
        }
    }

    /**
     * Compiles the student's exercise files into {@code classes} (which holds the library): all together when they
     * compile, else file by file, and for each file that does not compile, its stub made from {@code solutions/}
     * instead — so that the tests, the watch mode and "your RNN" always find every exercise class, and one broken
     * file never stops the others.
     *
     * @return one line per exercise file that did not compile, its first error as
     *         {@code "exercises/src/main/java/rnnscratch/exercises/Ex09RnnStep.java:12: ';' expected"}, in path order;
     *         empty when all compile
     */
    public static List<String> compileExercises(Path root, Path classes) throws IOException {
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler: use a JDK 17 or newer, not a JRE");
        }
        Path scratch = Files.createTempDirectory("exercises");
        try {
            var stubs = generate(root);
            Path dir = root.resolve(EXERCISES);
            var files = javaFiles(dir);
            if (compile(javac, files.stream().map(dir::resolve).toList(), classes, scratch, root).isEmpty()) {
                copyTree(scratch, classes);
                return List.of();
            }
            var failed = new ArrayList<String>();
            Path stubDir = scratch.resolve("stub-sources");
            for (Path rel : files) {
                Path out = scratch.resolve("one-" + rel.toString().replace('/', '_').replace('\\', '_'));
                var errors = compile(javac, List.of(dir.resolve(rel)), classes, out, root);
                if (errors.isEmpty()) {
                    copyTree(out, classes);
                    continue;
                }
                failed.add(errors.get(0));
                if (stubs.containsKey(rel)) {
                    Path stub = stubDir.resolve(rel);
                    Files.createDirectories(stub.getParent());
                    Files.writeString(stub, stubs.get(rel), StandardCharsets.UTF_8);
                    var stubErrors = compile(javac, List.of(stub), classes, out, root);
                    if (!stubErrors.isEmpty()) {
                        throw new IllegalStateException("the stub of " + rel + " does not compile: " + stubErrors);
                    }
                    copyTree(out, classes);
                }
            }
            return failed;
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * javac's errors for {@code sources}, each as "path/File.java:LINE: message" with the path relative to
     * {@code base}; empty when they compiled into {@code out}.
     */
    private static List<String> compile(javax.tools.JavaCompiler javac, List<Path> sources, Path classes, Path out,
            Path base) throws IOException {
        Files.createDirectories(out);
        var diagnostics = new javax.tools.DiagnosticCollector<javax.tools.JavaFileObject>();
        try (var fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            var units = fm.getJavaFileObjectsFromPaths(sources);
            // The exercises' folder as source path: a file alone still finds a helper class of the student's beside it
            // (read, not written: -implicit:none).
            var options = List.of("-d", out.toString(), "-classpath", classes.toString(), "-sourcepath",
                    base.resolve(EXERCISES).toString(),
                    "-implicit:none", "-proc:none", "--release", "17", "-encoding", "UTF-8", "-nowarn");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
            var errors = new ArrayList<String>();
            for (var d : diagnostics.getDiagnostics()) {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    String file = d.getSource() == null ? "" : base.relativize(Path.of(d.getSource().toUri()))
                            + ":" + d.getLineNumber() + ": ";
                    errors.add(file + d.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            return ok && errors.isEmpty() ? List.of() : errors.isEmpty() ? List.of("javac failed") : errors;
        }
    }

    /**
     * Copies the class files under {@code from} into {@code to}, leaving alone every one whose bytes are already
     * there: an unchanged exercise keeps its file's time, so Maven does not recompile the tests that use it.
     */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.filter(q -> q.toString().endsWith(".class")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isRegularFile(target) && Files.mismatch(p, target) == -1) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String arg(String[] args, String key, String fallback) {
        for (String a : args) {
            if (a.startsWith(key + "=")) {
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
