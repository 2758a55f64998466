package rnnscratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The architecture, checked on the source files themselves (plain Java reading the source folders, no library): the
 * arrows between packages point one way, {@code cli → train → rnn → autograd → tensor}; {@code text} and {@code io}
 * use no other package; the kernel room ({@code tensor.kernel}) is named only by {@code tensor}, {@code cli} and
 * {@code bench}; plotting, benchmarking and checkpoints live beside {@code cli}, not in it; the backward rules leave
 * their loops to {@code Mat}; only {@code cli} speaks of {@code --flags}; and {@code exercises/} and
 * {@code solutions/} use the library's model code, never the reverse.
 *
 * <p>A use of a package is any {@code rnnscratch.<package>.<Class>} in code, an import or a fully qualified name, and
 * any wildcard import {@code rnnscratch.<package>.*}. Each rule is a function of a source tree, so that
 * {@link PlantedViolations} can show, for every rule, that a copy of the sources with one violation planted fails it.
 *
 * <p>Docs: docs/README.md (the layout is in the repository's README.md)
 */
@DisplayName("The architecture: packages depend one way, and each job lives in its own package")
class ArchitectureTest {
    /** This repository's sources. */
    private static final Tree REPOSITORY = new Tree(Path.of("."));

    /**
     * Which packages of the project each package may use. {@code UserException}, in the root package, is shared by
     * all: it is how any package reports a problem the user can fix. A new package needs its row here.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("tensor", Set.of("tensor.kernel")),
            Map.entry("tensor.kernel", Set.of()),
            Map.entry("autograd", Set.of("tensor")),
            Map.entry("optim", Set.of("autograd", "tensor")),
            Map.entry("rnn", Set.of("autograd", "tensor")),
            Map.entry("train", Set.of("optim", "rnn", "autograd", "tensor", "text")),
            Map.entry("seq", Set.of("optim", "autograd", "tensor")),
            Map.entry("text", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("plot", Set.of("io", "train")),
            Map.entry("checkpoint", Set.of("io", "rnn", "autograd", "tensor", "text")),
            Map.entry("bench", Set.of("report", "train", "optim", "rnn", "autograd", "tensor", "tensor.kernel",
                    "text")),
            Map.entry("report", Set.of("plot", "train", "rnn", "autograd", "tensor", "text", "io")),
            Map.entry("cli", Set.of("train", "optim", "rnn", "autograd", "tensor", "tensor.kernel", "text", "io",
                    "seq", "plot", "bench", "checkpoint", "report")));

    /** What the exercises' stubs and the reference answers may use: the library's model code and its data. */
    static final Set<String> EXERCISES_MAY_USE = Set.of("tensor", "autograd", "optim", "rnn", "train", "text", "seq");

    /** The packages that may name the kernel room's classes: the tensor package in front of it, and cli and bench. */
    static final Set<String> KERNEL_NAMED_BY = Set.of("tensor", "tensor.kernel", "cli", "bench");

    /** Files outside {@code cli} whose strings may hold {@code --words} that are not this program's flags. */
    private static final Map<String, String> OTHER_PROGRAMS_FLAGS = Map.of(
            "bench/ReferenceRunner.java", "the command line of the book's script d2l_rnn.py, which it runs");

    /**
     * {@code rnnscratch.<package>.<Class>} or {@code rnnscratch.<package>.*} in code: group 1 is the package, dotted
     * below {@code rnnscratch} ({@code tensor.kernel}).
     */
    private static final Pattern PROJECT_REFERENCE =
            Pattern.compile("\\brnnscratch((?:\\.[a-z]\\w*)+)\\.(?:[A-Z]|\\*)");

    // ----- the rules ----------------------------------------------------------------------------------------------

    /** The source folders of one copy of the repository. */
    record Tree(Path root) {
        Path main() {
            return root.resolve("src/main/java/rnnscratch");
        }

        /**
         * The reference answers in {@code solutions/…}, and so the stubs, which are made from them ({@code .ci/run}
         * checks that the committed stubs are exactly that). A student's {@code exercises/} is theirs: what it
         * imports never turns the build red.
         */
        List<Path> exerciseRoots() {
            return List.of(root.resolve("solutions/src/main/java/rnnscratch"));
        }

        Path exerciseTests() {
            return root.resolve("exercises/src/test/java/rnnscratch");
        }
    }

    /** Rule 1: every library file uses only the packages its row of {@link #MAY_USE} allows. */
    static List<String> arrows(Tree tree) {
        var wrong = new ArrayList<String>();
        for (Path file : sources(tree.main())) {
            String pkg = packageOf(tree.main(), file);
            if (!MAY_USE.containsKey(pkg)) {
                wrong.add(file + " is in package " + pkg + ", which has no row in MAY_USE: add one");
                continue;
            }
            for (String used : packagesUsedBy(file)) {
                if (!used.equals(pkg) && !MAY_USE.get(pkg).contains(used)) {
                    wrong.add(tree.main().relativize(file) + " uses " + used);
                }
            }
        }
        return wrong;
    }

    /** Rule 2: text and io use no other package of the project, and rnn uses neither text nor cli. */
    static List<String> textIoAndRnnApart(Tree tree) {
        var wrong = new ArrayList<String>();
        for (Path file : sources(tree.main())) {
            String pkg = packageOf(tree.main(), file);
            Set<String> used = packagesUsedBy(file);
            used.remove(pkg);
            if ((pkg.equals("text") || pkg.equals("io")) && !used.isEmpty()) {
                wrong.add(tree.main().relativize(file) + " uses " + used);
            }
            if (pkg.equals("rnn") && (used.contains("text") || used.contains("cli"))) {
                wrong.add(tree.main().relativize(file) + ": the model knows no text and no command line");
            }
        }
        return wrong;
    }

    /** Rule 3: no library file uses the exercises. */
    static List<String> libraryUsesNoExercises(Tree tree) {
        return sources(tree.main()).stream().filter(f -> packagesUsedBy(f).stream().anyMatch(
                p -> p.equals("exercises") || p.startsWith("exercises."))).map(f -> tree.main().relativize(f) + "")
                .toList();
    }

    /** Rule 4: the exercises' stubs and the reference answers use only the library's model code. */
    static List<String> exercisesUseTheModelCode(Tree tree) {
        var wrong = new ArrayList<String>();
        for (Path root : tree.exerciseRoots()) {
            for (Path file : sources(root)) {
                for (String used : packagesUsedBy(file)) {
                    if (!used.startsWith("exercises") && !EXERCISES_MAY_USE.contains(used)) {
                        wrong.add(tree.root().relativize(file) + " uses " + used);
                    }
                }
            }
        }
        return wrong;
    }

    /** Rule 5: only tensor, cli and bench name the kernel room's classes, in the library and in solutions/. */
    static List<String> kernelRoomStaysBehindTensor(Tree tree) {
        var wrong = new ArrayList<String>();
        for (Path file : sources(tree.main())) {
            if (!KERNEL_NAMED_BY.contains(packageOf(tree.main(), file)) && packagesUsedBy(file).contains(
                    "tensor.kernel")) {
                wrong.add(tree.main().relativize(file) + " names the kernel room");
            }
        }
        var exerciseFiles = new ArrayList<Path>();
        tree.exerciseRoots().forEach(r -> exerciseFiles.addAll(sources(r)));
        exerciseFiles.addAll(sources(tree.exerciseTests()));
        for (Path file : exerciseFiles) {
            if (packagesUsedBy(file).contains("tensor.kernel")) {
                wrong.add(tree.root().relativize(file) + " names the kernel room");
            }
        }
        return wrong;
    }

    /** Rule 6: no plotting or benchmarking file in cli. */
    static List<String> cliHoldsNoPlottingOrBenchmarking(Tree tree) {
        var wrong = new ArrayList<String>();
        for (Path file : sources(tree.main())) {
            if (!packageOf(tree.main(), file).equals("cli")) {
                continue;
            }
            String name = file.getFileName().toString();
            String code = code(file);
            if (name.matches(".*(Plot|Chart|Axis|Bench|Runner)\\.java$")) {
                wrong.add(name + ": a plotting or measuring class belongs in plot or bench");
            }
            if (code.contains("java.awt") || code.contains("javax.imageio") || code.contains("<svg")) {
                wrong.add(name + " draws: drawing belongs in the plot package");
            }
            if (code.contains("KernelBench") || code.contains("TrainingBench")) {
                wrong.add(name + " times code: measuring belongs in the bench package");
            }
        }
        return wrong;
    }

    /** Rule 7: no for or while loop in autograd/Ops.java. */
    static List<String> opsHaveNoLoops(Tree tree) {
        String ops = code(tree.main().resolve("autograd/Ops.java"));
        return Pattern.compile("\\b(for|while)\\s*\\(").matcher(ops).find()
                ? List.of("autograd/Ops.java has a loop: an element loop belongs in Mat, a loop over parents in the "
                        + "tape's helper") : List.of();
    }

    /** Rule 8: no string outside cli names a --flag, in the library and in solutions/ (and so the stubs). */
    static List<String> onlyCliSpeaksOfFlags(Tree tree) {
        var flags = new ArrayList<String>();
        var files = new ArrayList<Path>(sources(tree.main()));
        tree.exerciseRoots().forEach(r -> files.addAll(sources(r)));
        for (Path file : files) {
            String relative = tree.main().relativize(file).toString().replace('\\', '/');
            if (file.startsWith(tree.main()) && (packageOf(tree.main(), file).equals("cli")
                    || OTHER_PROGRAMS_FLAGS.containsKey(relative))) {
                continue;
            }
            for (String literal : stringLiterals(file)) {
                if (Pattern.compile("--[a-z]").matcher(literal).find()) {
                    flags.add(tree.root().relativize(file) + ": \"" + literal + "\"");
                }
            }
        }
        return flags;
    }

    // ----- the rules on this repository ---------------------------------------------------------------------------

    @Test
    @DisplayName("Every package uses only the packages its row allows: nothing points up or sideways against "
            + "cli → train → rnn → autograd → tensor (a wildcard import counts as a use)")
    void importsPointOneWay() {
        assertThat(arrows(REPOSITORY)).as("uses against the architecture; what each package may use: %s", MAY_USE)
                .isEmpty();
    }

    @Test
    @DisplayName("text and io use no other package of the project, and rnn uses neither text nor cli")
    void textIoAndRnnStayApart() {
        assertThat(textIoAndRnnApart(REPOSITORY)).as("files of text, io or rnn that use a package they must not")
                .isEmpty();
    }

    @Test
    @DisplayName("The library does not use the exercises: exercises and solutions use the library, never the reverse")
    void theLibraryDoesNotUseTheExercises() {
        assertThat(libraryUsesNoExercises(REPOSITORY)).as("library files that use the exercises package").isEmpty();
    }

    @Test
    @DisplayName("The reference answers, and so the stubs made from them, use only the library's model code: tensor, "
            + "autograd, optim, rnn, train, text and seq")
    void exercisesUseOnlyTheModelCode() {
        assertThat(REPOSITORY.exerciseRoots()).as("solutions/ is read").allMatch(Files::isDirectory);
        assertThat(exercisesUseTheModelCode(REPOSITORY))
                .as("reference answers or stubs that use a package besides the model code").isEmpty();
    }

    @Test
    @DisplayName("Only tensor, cli and bench name the kernel room (tensor.kernel): autograd, rnn, train, seq and the "
            + "exercises call the products and Mat")
    void kernelRoomStaysBehindTheProducts() {
        assertThat(kernelRoomStaysBehindTensor(REPOSITORY))
                .as("files outside tensor, cli and bench that name tensor.kernel; call the products and Mat instead")
                .isEmpty();
    }

    @Test
    @DisplayName("No plotting or benchmarking file is left in cli: it holds the commands, flags, progress and Ctrl-C")
    void cliHoldsNoPlottingOrBenchmarking() {
        assertThat(cliHoldsNoPlottingOrBenchmarking(REPOSITORY))
                .as("cli files that draw or benchmark; they belong in plot or bench").isEmpty();
        for (String pkg : List.of("plot", "bench", "checkpoint")) {
            assertThat(sources(REPOSITORY.main().resolve(pkg))).as("the %s package", pkg).isNotEmpty();
        }
    }

    @Test
    @DisplayName("No backward rule loops over elements: there is no for or while loop in autograd/Ops.java")
    void opsHaveNoLoops() {
        assertThat(opsHaveNoLoops(REPOSITORY))
                .as("loops in autograd/Ops.java; a backward rule calls Mat's whole-matrix operations").isEmpty();
    }

    @Test
    @DisplayName("No string outside cli names a --flag, in the library and in solutions/: the library "
            + "states problems, the command line gives advice")
    void onlyCliSpeaksOfFlags() {
        assertThat(onlyCliSpeaksOfFlags(REPOSITORY)).as("strings naming a flag outside cli; state the problem instead "
                + "and let cli's Advice name the flag").isEmpty();
    }

    // ----- every rule fails on a copy with one violation planted --------------------------------------------------

    /** Each rule, run on a copy of the sources with one violation planted, reports that violation. */
    @Nested
    @DisplayName("Every rule fails when a violation is planted in a copy of the sources")
    class PlantedViolations {
        @TempDir
        Path copy;

        private Tree tree() {
            copyTree(REPOSITORY.main(), copy.resolve("src/main/java/rnnscratch"));
            copyTree(REPOSITORY.root().resolve("exercises/src/main/java/rnnscratch"),
                    copy.resolve("exercises/src/main/java/rnnscratch"));
            copyTree(REPOSITORY.root().resolve("solutions/src/main/java/rnnscratch"),
                    copy.resolve("solutions/src/main/java/rnnscratch"));
            copyTree(REPOSITORY.exerciseTests(), copy.resolve("exercises/src/test/java/rnnscratch"));
            var tree = new Tree(copy);
            assertThat(arrows(tree)).as("the copy, before planting, keeps the rules").isEmpty();
            return tree;
        }

        private static void plant(Path file, String source) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        @DisplayName("Rule 1 (the arrows) reports text importing rnnscratch.tensor.* and rnnscratch.cli.* (wildcards)")
        void wildcardImportsBreakTheArrows() {
            var tree = tree();
            plant(tree.main().resolve("text/Planted.java"), "package rnnscratch.text;\n\nimport rnnscratch.tensor.*;\n"
                    + "import rnnscratch.cli.*;\n\nfinal class Planted {}\n");
            assertThat(arrows(tree)).as("what rule 1 reports on the copy")
                    .containsExactlyInAnyOrder("text/Planted.java uses cli",
                    "text/Planted.java uses tensor");
        }

        @Test
        @DisplayName("Rule 1 (the arrows) reports tensor naming rnnscratch.autograd.Tensor in its code")
        void aFullyQualifiedNameBreaksTheArrows() {
            var tree = tree();
            plant(tree.main().resolve("tensor/Planted.java"), "package rnnscratch.tensor;\n\nfinal class Planted {\n"
                    + "    Object t = rnnscratch.autograd.Tensor.scalar(1);\n}\n");
            assertThat(arrows(tree)).as("what rule 1 reports on the copy")
                    .containsExactly("tensor/Planted.java uses autograd");
        }

        @Test
        @DisplayName("Rule 2 (text, io and rnn apart) reports rnn importing rnnscratch.text.Vocab")
        void rnnUsingText() {
            var tree = tree();
            plant(tree.main().resolve("rnn/Planted.java"), "package rnnscratch.rnn;\n\nimport rnnscratch.text.Vocab;"
                    + "\n\nfinal class Planted {\n    Vocab vocab;\n}\n");
            assertThat(textIoAndRnnApart(tree)).as("what rule 2 reports on the copy").containsExactly("rnn/Planted.java: the model knows no text and no "
                    + "command line");
        }

        @Test
        @DisplayName("Rule 3 (the library uses no exercise) reports train naming rnnscratch.exercises.Ex13Sgd")
        void libraryUsingAnExercise() {
            var tree = tree();
            plant(tree.main().resolve("train/Planted.java"), "package rnnscratch.train;\n\nfinal class Planted {\n"
                    + "    Class<?> c = rnnscratch.exercises.Ex13Sgd.class;\n}\n");
            assertThat(libraryUsesNoExercises(tree)).as("what rule 3 reports on the copy").containsExactly("train/Planted.java");
        }

        @Test
        @DisplayName("Rule 4 (exercises use the model code) reports a reference answer importing rnnscratch.cli.Main")
        void answerUsingTheCommandLine() {
            var tree = tree();
            plant(copy.resolve("solutions/src/main/java/rnnscratch/exercises/Planted.java"),
                    "package rnnscratch.exercises;\n\nimport rnnscratch.cli.Main;\n\nfinal class Planted {}\n");
            assertThat(exercisesUseTheModelCode(tree)).as("what rule 4 reports on the copy").containsExactly(
                    "solutions/src/main/java/rnnscratch/exercises/Planted.java uses cli");
        }

        @Test
        @DisplayName("Rule 5 (the kernel room) reports train naming Kernel, and a reference answer importing "
                + "rnnscratch.tensor.kernel.*")
        void namingTheKernelRoom() {
            var tree = tree();
            plant(tree.main().resolve("train/Planted.java"), "package rnnscratch.train;\n\n"
                    + "import rnnscratch.tensor.kernel.Kernel;\n\nfinal class Planted {\n    Kernel k;\n}\n");
            plant(copy.resolve("solutions/src/main/java/rnnscratch/exercises/Planted.java"),
                    "package rnnscratch.exercises;\n\nimport rnnscratch.tensor.kernel.*;\n\nfinal class Planted {}\n");
            assertThat(kernelRoomStaysBehindTensor(tree)).as("what rule 5 reports on the copy")
                    .containsExactlyInAnyOrder(
                    "train/Planted.java names the kernel room",
                    "solutions/src/main/java/rnnscratch/exercises/Planted.java names the kernel room");
        }

        @Test
        @DisplayName("Rule 6 (nothing of plot or bench in cli) reports a cli class drawing with java.awt")
        void drawingInCli() {
            var tree = tree();
            plant(tree.main().resolve("cli/Planted.java"), "package rnnscratch.cli;\n\nimport java.awt.Color;\n\n"
                    + "final class Planted {\n    Color c;\n}\n");
            assertThat(cliHoldsNoPlottingOrBenchmarking(tree)).as("what rule 6 reports on the copy").containsExactly("Planted.java draws: drawing belongs "
                    + "in the plot package");
        }

        @Test
        @DisplayName("Rule 7 (no loop in the backward rules) reports a for loop added to Ops.java")
        void loopInOps() throws IOException {
            var tree = tree();
            Path ops = tree.main().resolve("autograd/Ops.java");
            String source = Files.readString(ops);
            Files.writeString(ops, source.replace("private Ops() {}",
                    "private Ops() {\n        for (int i = 0; i < 1; i++) {\n        }\n    }"));
            assertThat(opsHaveNoLoops(tree)).as("what rule 7 reports on the copy: the one planted loop").hasSize(1);
        }

        @Test
        @DisplayName("Rule 8 (only cli speaks of flags) reports a message in train, and one in a reference answer, naming "
                + "--epochs")
        void flagOutsideCli() {
            var tree = tree();
            plant(tree.main().resolve("train/Planted.java"), "package rnnscratch.train;\n\nfinal class Planted {\n"
                    + "    String advice = \"use --epochs 10\";\n}\n");
            plant(copy.resolve("solutions/src/main/java/rnnscratch/exercises/Planted.java"),
                    "package rnnscratch.exercises;\n\nfinal class Planted {\n    String s = \"--epochs\";\n}\n");
            assertThat(onlyCliSpeaksOfFlags(tree)).as("what rule 8 reports on the copy").containsExactlyInAnyOrder(
                    "src/main/java/rnnscratch/train/Planted.java: \"use --epochs 10\"",
                    "solutions/src/main/java/rnnscratch/exercises/Planted.java: \"--epochs\"");
        }
    }

    // ----- reading the sources ------------------------------------------------------------------------------------

    private static List<Path> sources(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        for (Path file : sources(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The package below {@code rnnscratch}, dotted ({@code tensor.kernel}), or {@code ""} for the root package. */
    private static String packageOf(Path root, Path file) {
        Path dir = root.relativize(file).getParent();
        return dir == null ? "" : dir.toString().replace('\\', '/').replace('/', '.');
    }

    /**
     * The project packages a file refers to in its code (comments left out), including through wildcard imports; the
     * root package is not listed.
     */
    private static Set<String> packagesUsedBy(Path file) {
        var used = new TreeSet<String>();
        Matcher m = PROJECT_REFERENCE.matcher(code(file).replaceFirst("package [\\w.]+;", ""));
        while (m.find()) {
            used.add(m.group(1).substring(1));
        }
        return used;
    }

    private static String code(Path file) {
        return split(read(file)).code();
    }

    private static List<String> stringLiterals(Path file) {
        return split(read(file)).strings();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source file's code without its comments (string contents kept), and its string literals. */
    private record Source(String code, List<String> strings) {}

    /** Splits Java source into code and string literals, dropping comments; text blocks count as strings. */
    private static Source split(String src) {
        var code = new StringBuilder();
        var strings = new ArrayList<String>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i) < 0 ? src.length() : src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                code.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end;
                strings.add(src.substring(i + 3, end));
                code.append(src, i, Math.min(src.length(), end + 3));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    strings.add(src.substring(i + 1, Math.min(j, src.length())));
                }
                code.append(src, i, Math.min(src.length(), j + 1));
                i = j + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return new Source(code.toString(), strings);
    }
}
