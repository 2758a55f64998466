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
import org.junit.jupiter.api.Test;

/**
 * The architecture, checked on the source files themselves (plain Java reading {@code src/main/java}, no library):
 * the arrows between packages point one way, {@code cli → train → rnn → autograd → tensor}; {@code text} and
 * {@code io} use no other package; plotting, benchmarking and checkpoints live beside {@code cli}, not in it; the
 * backward rules leave their loops to {@code Mat}; and only {@code cli} speaks of {@code --flags}.
 *
 * <p>Docs: docs/README.md (the layout is in the repository's README.md)
 */
@DisplayName("The architecture: packages depend one way, and each job lives in its own package")
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/rnnscratch");

    /**
     * Which packages of the project each package may use. {@code UserException}, in the root package, is shared by
     * all: it is how any package reports a problem the user can fix. A new package needs its row here.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("tensor", Set.of()),
            Map.entry("autograd", Set.of("tensor")),
            Map.entry("optim", Set.of("autograd", "tensor")),
            Map.entry("rnn", Set.of("autograd", "tensor")),
            Map.entry("train", Set.of("optim", "rnn", "autograd", "tensor", "text")),
            Map.entry("seq", Set.of("optim", "autograd", "tensor")),
            Map.entry("text", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("plot", Set.of("io", "train")),
            Map.entry("checkpoint", Set.of("io", "rnn", "autograd", "tensor", "text")),
            Map.entry("bench", Set.of("report", "train", "optim", "rnn", "autograd", "tensor", "text")),
            Map.entry("report", Set.of("plot", "train", "rnn", "autograd", "tensor", "text", "io")),
            Map.entry("cli", Set.of("train", "optim", "rnn", "autograd", "tensor", "text", "io", "seq", "plot", "bench",
                    "checkpoint", "report")));

    /** Files outside {@code cli} whose strings may hold {@code --words} that are not this program's flags. */
    private static final Map<String, String> OTHER_PROGRAMS_FLAGS = Map.of(
            "bench/ReferenceRunner.java", "the command line of the book's script d2l_rnn.py, which it runs");

    /** {@code rnnscratch.<package>.<Class>} in code: an import or a fully qualified name. */
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("\\brnnscratch\\.([a-z]\\w*)\\.[A-Z]");

    @Test
    @DisplayName("Every package uses only the packages its row allows: nothing points up or sideways against "
            + "cli → train → rnn → autograd → tensor")
    void importsPointOneWay() {
        var wrong = new ArrayList<String>();
        for (Path file : mainSources()) {
            String pkg = packageOf(file);
            assertThat(MAY_USE).as("%s is in package %s, which has no row in MAY_USE: add one", file, pkg)
                    .containsKey(pkg);
            for (String used : packagesUsedBy(file)) {
                if (!used.equals(pkg) && !MAY_USE.get(pkg).contains(used)) {
                    wrong.add(MAIN.relativize(file) + " uses " + used);
                }
            }
        }
        assertThat(wrong).as("uses against the architecture; what each package may use: %s", MAY_USE).isEmpty();
    }

    @Test
    @DisplayName("text and io use no other package of the project, and rnn uses neither text nor cli")
    void textIoAndRnnStayApart() {
        for (Path file : mainSources()) {
            String pkg = packageOf(file);
            Set<String> used = packagesUsedBy(file);
            used.remove(pkg);
            if (pkg.equals("text") || pkg.equals("io")) {
                assertThat(used).as("%s may use no other package of the project", file).isEmpty();
            }
            if (pkg.equals("rnn")) {
                assertThat(used).as("%s: the model knows no text and no command line", file)
                        .doesNotContain("text", "cli");
            }
        }
    }

    @Test
    @DisplayName("The library does not use the exercises: exercises and solutions use the library, never the reverse")
    void theLibraryDoesNotUseTheExercises() {
        for (Path file : mainSources()) {
            assertThat(packagesUsedBy(file)).as("%s", file).doesNotContain("exercises");
        }
    }

    @Test
    @DisplayName("No plotting or benchmarking file is left in cli: it holds the commands, flags, progress and Ctrl-C")
    void cliHoldsNoPlottingOrBenchmarking() {
        for (Path file : sourcesOf("cli")) {
            String name = file.getFileName().toString();
            String code = code(file);
            assertThat(name).as("a plotting or measuring class belongs in plot or bench")
                    .doesNotContainPattern("(Plot|Chart|Axis|Bench|Runner)\\.java$");
            assertThat(code).as("%s draws: drawing belongs in the plot package", name)
                    .doesNotContain("java.awt").doesNotContain("javax.imageio").doesNotContain("<svg");
            assertThat(code).as("%s times code: measuring belongs in the bench package", name)
                    .doesNotContain("KernelBench").doesNotContain("TrainingBench");
        }
        assertThat(sourcesOf("plot")).as("the plot package").isNotEmpty();
        assertThat(sourcesOf("bench")).as("the bench package").isNotEmpty();
        assertThat(sourcesOf("checkpoint")).as("the checkpoint package").isNotEmpty();
    }

    @Test
    @DisplayName("No backward rule loops over elements: there is no for or while loop in autograd/Ops.java")
    void opsHaveNoLoops() {
        String ops = code(MAIN.resolve("autograd/Ops.java"));
        assertThat(ops).as("Ops.java: an element loop belongs in Mat, a loop over parents in the tape's helper")
                .doesNotContainPattern("\\bfor\\s*\\(").doesNotContainPattern("\\bwhile\\s*\\(");
    }

    @Test
    @DisplayName("No string outside cli names a --flag: the library states problems, the command line gives advice")
    void onlyCliSpeaksOfFlags() {
        var flags = new ArrayList<String>();
        for (Path file : mainSources()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            if (packageOf(file).equals("cli") || OTHER_PROGRAMS_FLAGS.containsKey(relative)) {
                continue;
            }
            for (String literal : stringLiterals(file)) {
                if (Pattern.compile("--[a-z]").matcher(literal).find()) {
                    flags.add(relative + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(flags).as("strings naming a flag outside cli; state the problem instead and let cli's Advice "
                + "name the flag").isEmpty();
    }

    // ----- reading the sources ------------------------------------------------------------------------------------

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sourcesOf(String pkg) {
        return mainSources().stream().filter(f -> packageOf(f).equals(pkg)).toList();
    }

    /** The package below {@code rnnscratch}, or {@code ""} for the root package. */
    private static String packageOf(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    /** The project packages a file refers to in its code (comments left out); the root package is not listed. */
    private static Set<String> packagesUsedBy(Path file) {
        var used = new TreeSet<String>();
        Matcher m = PROJECT_REFERENCE.matcher(code(file).replaceFirst("package [\\w.]+;", ""));
        while (m.find()) {
            used.add(m.group(1));
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
