package rnnscratch.tools;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

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
 *  java tools/rnnscratch/tools/Stubs.java              teachers: write the stubs into exercises/; a file that holds a student's work
 *                                     (code or comments, {@link #studentCode}) is listed and kept
 *  java tools/rnnscratch/tools/Stubs.java force        the same, overwriting those files too
 *  java tools/rnnscratch/tools/Stubs.java check        write nothing; exit 1 unless every stub is exactly what solutions/ gives
 *                                     (.ci/run, on the teacher's clean tree)
 *  java tools/rnnscratch/tools/Stubs.java compile      the build: compile the student's exercises/ into target/classes, each file that
 *                                     does not compile, no longer declares what its tests call, or is missing
 *                                     replaced by its untouched stub and named in one line
 * </pre>
 * The declarations each exercise file must keep, because its tests call them ({@link #contractBreak}), are checked
 * by the build's {@code compile} mode, which puts the stub in the place of a file that breaks them, so that nothing
 * a student writes turns the build red.
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
     * The lines of {@code file} that are a student's work, which {@link #write} never overwrites unasked: statements
     * and comments — {@code //} lines and {@code /* … *}{@code /} blocks, such as notes or an attempt commented out —
     * that the stub does not have. Not a student's: blank lines, imports, lines that only open or close a block, a
     * stub's {@code throw}, and Javadoc ({@code /** … *}{@code /}), which is the teacher's and changes when a solution's
     * does. Empty for an untouched stub, also one older than its solution. Each as "line N: code".
     */
    public static List<String> studentCode(String file, String stub) {
        var inStub = new HashSet<String>();
        stub.lines().map(String::strip).forEach(inStub::add);
        var code = new ArrayList<String>();
        var lines = file.lines().toList();
        boolean inJavadoc = false;
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (inJavadoc) {
                inJavadoc = !l.contains("*/");
                continue;
            }
            if (l.startsWith("/**")) {
                inJavadoc = !l.contains("*/");
                continue;
            }
            boolean comment = inComment || l.startsWith("/*") || l.startsWith("//");
            if (inComment || l.startsWith("/*")) {
                inComment = !l.contains("*/");
            }
            String text = l.replaceAll("^(/\\*+|//+|\\*+/?)\\s*|\\s*\\*+/$", "");
            if (l.isEmpty() || text.isEmpty() || inStub.contains(l) || STUB_THROW.matcher(l).matches()
                    || (!comment && NOT_A_STATEMENT.matcher(l).matches())) {
                continue;
            }
            code.add("line " + (i + 1) + ": " + l);
        }
        return code;
    }

    /**
     * The declarations of a Java source that an exercise's tests call, as javac reads them, each with the line of the
     * source that starts it: the package; every type (its kind, name and type parameters); every method, constructor
     * and field that is not private, with what a caller depends on — access, {@code static}, type parameters, types,
     * name and {@code throws}; for a record, its components. Parameter names, {@code final}, annotations, comments
     * and the layout (a brace on its own line, a signature wrapped over two lines) do not count. Keys read
     * {@code "Ex10Perplexity: public static double perplexity(double[], int[])"}; in source order.
     *
     * @return empty when the source does not parse (javac then names the error)
     */
    static Map<String, String> contract(String source) {
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler: use a JDK 17 or newer, not a JRE");
        }
        var file = new SimpleJavaFileObject(java.net.URI.create("string:///Contract.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var errors = new java.util.concurrent.atomic.AtomicBoolean();
        var task = (JavacTask) javac.getTask(null, null, d -> errors.compareAndSet(false,
                d.getKind() == Diagnostic.Kind.ERROR), List.of("-proc:none"), null, List.of(file));
        var found = new LinkedHashMap<String, String>();
        try {
            var positions = Trees.instance(task).getSourcePositions();
            var lines = source.split("\n", -1);
            for (var unit : task.parse()) {
                Function<Tree, String> lineOf = t -> {
                    long at = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, t));
                    return at >= 1 && at <= lines.length ? lines[(int) at - 1].strip() : "";
                };
                Function<Tree, String> textOf = t -> {
                    long from = positions.getStartPosition(unit, t);
                    long to = positions.getEndPosition(unit, t);
                    return from >= 0 && to >= from && to <= source.length() ? source.substring((int) from, (int) to)
                            : "";
                };
                if (unit.getPackageName() != null) {
                    found.put("package " + unit.getPackageName(), lineOf.apply(unit.getPackage()));
                }
                for (var type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c) {
                        declarations(c, "", lineOf, textOf, found);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors.get() ? Map.of() : found;
    }

    private static void declarations(ClassTree c, String outer, Function<Tree, String> lineOf,
            Function<Tree, String> textOf, Map<String, String> found) {
        if (c.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
            return;
        }
        String name = outer + c.getSimpleName();
        String kind = c.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        found.put(name + ": " + callerModifiers(c.getModifiers()) + kind + " " + c.getSimpleName()
                + typeParameters(c.getTypeParameters()), lineOf.apply(c));
        for (var member : c.getMembers()) {
            if (member instanceof ClassTree inner) {
                declarations(inner, name + ".", lineOf, textOf, found);
            } else if (member instanceof MethodTree m
                    && !m.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                // javac prints a varargs parameter as an array; a caller of f(int... x) may write f(1, 2)
                var params = m.getParameters().stream().map(v -> type(v.getType())
                        + (textOf.apply(v).contains("...") ? "..." : "")).toList();
                var checked = m.getThrows().stream().map(Stubs::type).filter(t -> !UNCHECKED.contains(t)
                        && !t.endsWith("Error")).toList();
                found.put(name + ": " + callerModifiers(m.getModifiers()) + typeParameters(m.getTypeParameters())
                        + (m.getReturnType() == null ? "" : type(m.getReturnType()) + " ") + m.getName() + "("
                        + String.join(", ", params) + ")" + (checked.isEmpty() ? "" : " throws "
                        + String.join(", ", checked)), lineOf.apply(m));
            } else if (member instanceof VariableTree v
                    && !v.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                found.put(name + ": " + callerModifiers(v.getModifiers()) + type(v.getType()) + " " + v.getName(),
                        lineOf.apply(v));
            }
        }
    }

    /** Exceptions a caller need not catch, which a {@code throws} clause may name or not. */
    private static final List<String> UNCHECKED = List.of("RuntimeException", "IllegalArgumentException",
            "IllegalStateException", "UnsupportedOperationException", "ArithmeticException", "IndexOutOfBoundsException",
            "ArrayIndexOutOfBoundsException", "NullPointerException", "ClassCastException", "NumberFormatException",
            "UncheckedIOException", "NoSuchElementException", "ConcurrentModificationException");

    /**
     * A type as a caller sees it, however it is written: qualified or not ({@code java.util.List<Tensor>} is
     * {@code List<Tensor>}, {@code Ex01SequenceProbability.Joint} is {@code Joint}).
     */
    private static String type(Tree t) {
        return t.toString().replaceAll("\\b(?:[A-Za-z_$][\\w$]*\\.)+(?=[A-Za-z_$])", "").replaceAll("\\s+", "");
    }

    /** The modifiers a caller depends on: access and {@code static}; not {@code final}, not annotations. */
    private static String callerModifiers(ModifiersTree modifiers) {
        var out = new StringBuilder();
        for (var m : List.of(Modifier.PUBLIC, Modifier.PROTECTED,
                Modifier.STATIC)) {
            if (modifiers.getFlags().contains(m)) {
                out.append(m).append(' ');
            }
        }
        return out.toString();
    }

    private static String typeParameters(List<? extends TypeParameterTree> ps) {
        return ps.isEmpty() ? "" : "<" + String.join(", ", ps.stream().map(Object::toString).toList()) + "> ";
    }

    /**
     * What an exercise file breaks of its stub's contract ({@link #contract}), as one line for a student that starts
     * with the file and the line, as javac's errors do:
     * {@code "exercises/…/Ex10Perplexity.java:12: perplexity is not declared as its exercise gives it, `public
     * static double perplexity(double[] meanLosses, int[] tokenCounts) {` (its tests call it so) — git diff …"};
     * empty when it keeps it, or when the file does not parse (javac's error says more).
     *
     * @param rel the file, relative to {@link #EXERCISES}
     */
    public static Optional<String> contractBreak(Path rel, String file, String stub) {
        var have = contract(file);
        if (have.isEmpty()) {
            return Optional.empty();
        }
        for (var wanted : contract(stub).entrySet()) {
            if (!have.containsKey(wanted.getKey())) {
                String key = wanted.getKey();
                String name = key.replaceAll("\\(.*", "").replaceAll(".*[ .]", "");
                int line = lineNaming(file, name);
                return Optional.of(EXERCISES.resolve(rel) + ":" + line + ": " + name + " is not declared "
                        + "as its exercise gives it, `" + wanted.getValue() + "` (its tests call it so; `git diff "
                        + EXERCISES.resolve(rel) + "` shows what changed)");
            }
        }
        return Optional.empty();
    }

    /** The first line of {@code file} (from 1) that names {@code name} as a word; 1 if none does. */
    private static int lineNaming(String file, String name) {
        var word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        var lines = file.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("*") && !l.startsWith("/") && word.matcher(l).find()) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * Every exercise file in {@code exercises/} that does not keep its stub's contract ({@link #contractBreak}), or is
     * missing, one line each; empty when all keep it. The build does not fail on these: its {@code compile} mode puts
     * the untouched stub in the place of such a file and names it in one line, so that the exercises' tests always
     * compile and a student's work never turns {@code mvn test} red.
     */
    public static List<String> contractDifferences(Path root) {
        var problems = new ArrayList<String>();
        for (var e : generate(root).entrySet()) {
            Path file = root.resolve(EXERCISES).resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add(missing(e.getKey()));
            } else {
                contractBreak(e.getKey(), read(file), e.getValue()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static String missing(Path rel) {
        return EXERCISES.resolve(rel) + ":1: the file is missing (restore it with git checkout -- "
                + EXERCISES.resolve(rel) + "; the stub of an exercise new in solutions/ is written by "
                + "java tools/rnnscratch/tools/Stubs.java)";
    }

    /**
     * The last line of {@code check}: all up to date, or how many stubs are not and the command that writes them.
     *
     * @param problems the lines of {@link #differences}
     * @param stubs    how many stubs the solutions give
     */
    public static String checkSummary(List<String> problems, int stubs) {
        return problems.isEmpty() ? "stubs: all " + stubs + " stubs are up to date"
                : "stubs: " + problems.size() + " stub(s) are not what solutions/ gives: write them with "
                        + "java tools/rnnscratch/tools/Stubs.java (it keeps a student's work), then commit them";
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
     * a student's code ({@link #studentCode}) unless {@code force}. Line endings do not make a difference: a stub is
     * written with its solution's, CRLF in a Windows checkout. Deletes nothing: a file in {@code exercises/}
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
            boolean crlf = readAsIs(root.resolve(SOLUTIONS).resolve(e.getKey())).contains("\r\n");
            try {
                Files.writeString(tmp, crlf ? e.getValue().replace("\n", "\r\n") : e.getValue(),
                        StandardCharsets.UTF_8);
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
                result.refused().forEach((p, code) -> System.out.println("KEPT    " + p + " — it holds work the stub "
                        + "does not have (" + code.get(0) + (code.size() > 1 ? ", and " + (code.size() - 1)
                        + " more line(s)" : "") + ")"));
                System.out.println(generate(root).size() + " stubs, " + result.written().size() + " file(s) written"
                        + (result.refused().isEmpty() ? "" : ", " + result.refused().size() + " kept because they "
                                + "hold a student's work: move that work elsewhere first, or run "
                                + "java tools/rnnscratch/tools/Stubs.java force to overwrite it"));
                System.exit(result.refused().isEmpty() ? 0 : 1);
            }
            case "check" -> {
                var problems = differences(root);
                problems.forEach(p -> System.err.println("stubs: " + p));
                System.out.println(checkSummary(problems, generate(root).size()));
                System.exit(problems.isEmpty() ? 0 : 1);
            }
            case "compile" -> {
                Path classes = root.resolve(arg(args, "classes", "target/classes"));
                Path report = root.resolve(arg(args, "report", "target/exercises-compile.txt"));
                var failed = compileExercises(root, classes);
                Files.createDirectories(report.getParent());
                Files.writeString(report, String.join("", failed.stream().map(l -> l + "\n").toList()),
                        StandardCharsets.UTF_8);
                var stubbed = generate(root).keySet().stream().map(r -> EXERCISES.resolve(r) + ":").toList();
                for (String f : failed) {
                    System.out.println("exercises: " + f + (stubbed.stream().anyMatch(f::startsWith)
                            ? " — until then, its untouched stub stands in (the watch mode shows the whole error)"
                            : " — until then, it is left out"));
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
     * compile, else file by file. In the place of a file that does not compile, that no longer declares what its
     * exercise gives ({@link #contractBreak}: its tests would not compile) or that is missing, its stub made from
     * {@code solutions/} is compiled instead — so that the tests, the watch mode and "your RNN" always find every
     * exercise class as its tests call it, and one broken file never stops the others or turns the build red.
     *
     * @return one line per exercise file whose stub stands in, starting with the file and a line as javac's errors
     *         do ({@code "exercises/src/main/java/rnnscratch/exercises/Ex09RnnStep.java:12: ';' expected"}), in path
     *         order; empty when all compile as given
     */
    public static List<String> compileExercises(Path root, Path classes) throws IOException {
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java has no compiler: use a JDK 17 or newer, not a JRE");
        }
        Path scratch = Files.createTempDirectory("exercises");
        try {
            var stubs = generate(root);
            Path dir = root.resolve(EXERCISES);
            Path stubDir = scratch.resolve("stub-sources");
            var failed = new TreeMap<Path, String>();
            var sources = new TreeMap<Path, Path>(); // each exercise file, or the stub that stands in for it
            var exerciseNames = stubs.keySet().stream().map(r -> r.getFileName().toString()).toList();
            for (Path rel : javaFiles(dir)) {
                if (!stubs.containsKey(rel) && exerciseNames.contains(rel.getFileName().toString())) {
                    // a copy of an exercise in another folder (a backup) would declare its class a second time
                    failed.put(rel, EXERCISES.resolve(rel) + ":1: declares a class of the same name as an exercise "
                            + "file does (a copy?): move it out of " + EXERCISES);
                    continue;
                }
                var broken = stubs.containsKey(rel)
                        ? contractBreak(rel, read(dir.resolve(rel)), stubs.get(rel))
                        : Optional.<String>empty();
                broken.ifPresent(line -> failed.put(rel, line));
                sources.put(rel, broken.isPresent() ? writeStub(stubDir, rel, stubs.get(rel)) : dir.resolve(rel));
            }
            for (var e : stubs.entrySet()) {
                if (!sources.containsKey(e.getKey())) {
                    failed.put(e.getKey(), missing(e.getKey()));
                    sources.put(e.getKey(), writeStub(stubDir, e.getKey(), e.getValue()));
                }
            }
            if (compile(javac, List.copyOf(sources.values()), classes, scratch.resolve("all"), root).isEmpty()) {
                copyTree(scratch.resolve("all"), classes);
                return List.copyOf(failed.values());
            }
            for (var e : sources.entrySet()) {
                Path rel = e.getKey();
                Path out = scratch.resolve("one-" + rel.toString().replace('/', '_').replace('\\', '_'));
                var errors = compile(javac, List.of(e.getValue()), classes, out, root);
                if (errors.isEmpty()) {
                    copyTree(out, classes);
                    continue;
                }
                if (failed.containsKey(rel)) { // a stub stands in already: the teacher's to fix
                    throw new IllegalStateException("the stub of " + rel + " does not compile: " + errors);
                }
                String own = EXERCISES.resolve(rel) + ":";
                failed.put(rel, errors.stream().filter(err -> err.startsWith(own)).findFirst()
                        .orElse(own + "1: it uses a file that does not compile (" + errors.get(0) + ")"));
                if (!stubs.containsKey(rel)) { // a student's own extra file: it just stays out
                    continue;
                }
                Path stub = writeStub(stubDir, rel, stubs.get(rel));
                Path stubOut = scratch.resolve("stub-" + rel.toString().replace('/', '_').replace('\\', '_'));
                var stubErrors = compile(javac, List.of(stub), classes, stubOut, root);
                if (!stubErrors.isEmpty()) {
                    throw new IllegalStateException("the stub of " + rel + " does not compile: " + stubErrors);
                }
                copyTree(stubOut, classes);
            }
            return List.copyOf(failed.values());
        } finally {
            deleteTree(scratch);
        }
    }

    private static Path writeStub(Path stubDir, Path rel, String stub) throws IOException {
        Path file = stubDir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, stub, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * javac's errors for {@code sources}, each as "path/File.java:LINE: message" with the path relative to
     * {@code base}; empty when they compiled into {@code out}.
     */
    private static List<String> compile(JavaCompiler javac, List<Path> sources, Path classes, Path out,
            Path base) throws IOException {
        Files.createDirectories(out);
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
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
                if (d.getKind() == Diagnostic.Kind.ERROR) {
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
            // regular files only: an editor's lock file (.#Ex13Sgd.java, a dangling link) is not a source
            return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).map(dir::relativize)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file's text with Windows line endings read as {@code \n}: a checkout made with git's
     * {@code core.autocrlf=true}, or a file saved by a Windows editor, is the same text as the repository's.
     */
    private static String read(Path file) {
        return readAsIs(file).replace("\r\n", "\n");
    }

    private static String readAsIs(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
