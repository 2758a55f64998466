package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exercise file that does not compile is one line for the student, and the other exercises still run.
 * Docs: docs/exercises.md#the-student-workflow
 */
class NotCompiledTest {
    private static final Exercise EX05 = ExerciseCatalog.byId("ex05").orElseThrow();

    @Test
    @DisplayName("The build's list of files that did not compile names each exercise with javac's first error")
    void reportNamesTheExercise(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("exercises-compile.txt");
        assertThat(ExerciseRun.notCompiled(report)).as("no report: everything compiled").isEmpty();
        Files.writeString(report, EX05.stubPath() + ":27: illegal start of expression\n");
        assertThat(ExerciseRun.notCompiled(report)).containsOnlyKeys("ex05")
                .containsValue(EX05.stubPath() + ":27: illegal start of expression");
    }

    @Test
    @DisplayName("An exercise that does not compile fails with that line and runs no test; the table says why")
    void failsWithTheLineAndRunsNothing() {
        var outcome = ExerciseRun.run(getClass().getClassLoader(), List.of(EX05),
                java.util.Map.of("ex05", EX05.stubPath() + ":27: illegal start of expression"));
        var r = outcome.result(EX05);
        assertThat(r.status()).as("ex05's status when it does not compile: %s", r.message())
                .isEqualTo(ExerciseResult.Status.FAIL);
        assertThat(r.message()).isEqualTo("does not compile: " + EX05.stubPath() + ":27: illegal start of expression");
        assertThat(ProgressTable.render(outcome.results())).contains("why:  does not compile: " + EX05.stubPath()
                + ":27: illegal start of expression");
    }
}
