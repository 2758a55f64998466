package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The exercise catalog, the solutions, the stubs' messages and the tests agree. Docs: docs/exercises.md */
class CatalogMatchesSolutionsTest {
    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("The catalog lists ex01, ex02, … in order, exactly one entry per solution class")
    void oneEntryPerSolutionClass() throws IOException {
        var ids = ExerciseCatalog.ALL.stream().map(Exercise::id).toList();
        var expected = IntStream.rangeClosed(1, ids.size()).mapToObj(i -> String.format("ex%02d", i)).toList();
        assertThat(ids).as("exercise ids in order").isEqualTo(expected);
        assertThat(ids).as("the issue asks for at least 14 exercises").hasSizeGreaterThanOrEqualTo(14);
        List<String> classes;
        try (Stream<Path> files = Files.list(Path.of("solutions/src/main/java/rnnscratch/exercises"))) {
            classes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        var catalog = ExerciseCatalog.ALL.stream().map(Exercise::className).sorted().toList();
        assertThat(classes.stream().filter(c -> !catalog.contains(c)).toList())
                .as("solution classes with no entry in ExerciseCatalog: add one (docs/exercises.md, 'For teachers: "
                        + "adding an exercise', step 3)").isEmpty();
        assertThat(catalog.stream().filter(c -> !classes.contains(c)).toList())
                .as("ExerciseCatalog entries with no class in solutions/src/main/java/rnnscratch/exercises/")
                .isEmpty();
    }

    @Test
    @DisplayName("Every stub line throws one line naming its exercise, the method to write and its docs page")
    void stubMessagesNameExerciseMethodAndDocs() throws IOException {
        for (var e : ExerciseCatalog.ALL) {
            String source = read(e.solutionPath());
            var lines = source.lines().map(String::strip).toList();
            var stubs = lines.stream().filter(l -> l.startsWith("// STUB:")).toList();
            assertThat(stubs).as("%s has at least one // STUB: line", e.solutionPath()).isNotEmpty();
            assertThat(source.split("// BEGIN SOLUTION", -1).length - 1)
                    .as("%s: one BEGIN SOLUTION per STUB line", e.solutionPath()).isEqualTo(stubs.size());
            String method = "";
            for (String line : lines) {
                var m = java.util.regex.Pattern.compile("public static [\\w<>\\[\\]., ]+? (\\w+)\\(").matcher(line);
                if (m.find()) {
                    method = m.group(1);
                }
                if (line.startsWith("// STUB:")) {
                    assertThat(line).as("stub line of %s in %s", method, e.solutionPath())
                            .startsWith("// STUB: throw new UnsupportedOperationException(\"" + e.label() + " (")
                            .contains("): write " + method + ", ")
                            .endsWith(" — read " + e.docs() + "\");")
                            .doesNotContain("start from");
                }
            }
        }
    }

    @Test
    @DisplayName("Every exercise class names its docs page, and its test class has a worked example and properties")
    void javadocAndTestsAgree() throws IOException {
        for (var e : ExerciseCatalog.ALL) {
            String solution = read(e.solutionPath());
            requireText(solution, "Docs: " + e.docs(), e.solutionPath() + " names its docs page in a line 'Docs: "
                    + e.docs() + "'");
            requireText(solution, e.label() + " — ", e.solutionPath() + "'s Javadoc starts '" + e.label() + " — '");
            String test = read(e.testPath());
            requireText(test, "void workedExample()", e.testPath() + " has a worked example, void workedExample()");
            requireText(test, "rnnscratch.testing.Props", e.testPath() + " has properties, through "
                    + "rnnscratch.testing.Props");
        }
    }

    @Test
    @DisplayName("Every exercise test class carries @Tag(\"exercise\") and its own @Tag(\"exNN\"), also before its "
            + "exercise is in the catalog: untagged, plain mvn test would run it against the student's exercises/")
    void everyExerciseTestClassIsTagged() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.list(Path.of("exercises/src/test/java/rnnscratch/exercises"))) {
            tests = files.filter(f -> f.getFileName().toString().matches("Ex\\d\\d\\w*Test\\.java")).sorted()
                    .toList();
        }
        assertThat(tests).as("exercise test classes found").isNotEmpty();
        for (Path test : tests) {
            String text = Files.readString(test, StandardCharsets.UTF_8);
            String id = "ex" + test.getFileName().toString().substring(2, 4);
            requireText(text, "@Tag(\"exercise\")", test + " is tagged @Tag(\"exercise\"), which the default build "
                    + "runs against solutions/ only (docs/exercises.md, 'For teachers: adding an exercise', step 2)");
            requireText(text, "@Tag(\"" + id + "\")", test + " is tagged @Tag(\"" + id + "\"), which student mode's "
                    + "-Dgroups=" + id + " selects");
        }
    }

    /** One requirement, one message, without the whole file in it: what is required, and the text it lacks. */
    private static void requireText(String text, String needed, String requirement) {
        assertThat(text.contains(needed)).withFailMessage("required: %s; the file has no %s", requirement, needed)
                .isTrue();
    }
}
