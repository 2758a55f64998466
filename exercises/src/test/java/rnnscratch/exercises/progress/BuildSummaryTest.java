package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line of mvn test tells the student where they stand. Docs: docs/exercises.md */
class BuildSummaryTest {
    @Test
    @DisplayName("Before any check of the student's code, the last line points to the watch mode")
    void notCheckedYet(@TempDir Path dir) throws IOException {
        assertThat(BuildSummary.line(dir.resolve("progress.json"))).startsWith("Your exercises (exercises/): not "
                + "checked yet. Start with the watch mode, mvn -q test-compile exec:java@watch");
    }

    @Test
    @DisplayName("After a check, the last line counts the passing exercises and names the next one")
    void countsAndNext(@TempDir Path dir) throws IOException {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            results.add(new ExerciseResult(e, e.id().compareTo("ex02") <= 0 ? ExerciseResult.Status.PASS
                    : ExerciseResult.Status.FAIL, 1, 0, "Exercise: not yet"));
        }
        Path file = dir.resolve("progress.json");
        Files.writeString(file, ProgressJson.write("student", results));
        assertThat(BuildSummary.line(file)).startsWith("Your exercises (exercises/): 2 of " + results.size()
                + " passed when last checked (").contains("; next: ex03, " + results.get(2).exercise().docs());
    }

    @Test
    @DisplayName("An exercise's tests asked of the default build (-Dtest=Ex09RnnStepTest, or -Dgroups=ex09 without "
            + "-Pexercises) get a line saying they tested solutions/, and the command that tests the student's code")
    void exerciseTestsAskedOfTheDefaultBuild() {
        assertThat(BuildSummary.notYours("Ex09RnnStepTest", "${groups}")).hasValue("Note: -Dtest=Ex09RnnStepTest ran "
                + "ex09's tests against solutions/ (the reference answers), not against your exercises/. To test "
                + "yours: mvn test -Pexercises -Dgroups=ex09");
        assertThat(BuildSummary.notYours("${test}", "ex09,ex10")).get().asString()
                .startsWith("Note: -Dgroups=ex09,ex10 does not pick exercises in this build: it ran every exercise's "
                        + "tests against solutions/")
                .endsWith("mvn test -Pexercises -Dgroups=ex09,ex10");
        assertThat(BuildSummary.notYours("rnnscratch.exercises.Ex10*,Ex11GradClippingTest#workedExample", ""))
                .get().asString().contains("ran ex10,ex11's tests");
    }

    @Test
    @DisplayName("A library test asked with -Dtest, or no -Dtest at all, adds no line")
    void libraryTestsAddNoLine() {
        assertThat(BuildSummary.notYours("${test}", "${groups}")).isEmpty();
        assertThat(BuildSummary.notYours("MatMulTest", "")).isEmpty();
        assertThat(BuildSummary.notYours("RnnTest,Ex99Test", "")).isEmpty();
    }
}
