package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.exercises.progress.ExerciseRun;

/**
 * What your RNN says before it trains: a mistyped flag at once, and the table of whose code runs each part and why.
 * Docs: docs/exercises.md#your-rnn
 */
class YourRnnBeforeTrainingTest {
    @Test
    @DisplayName("A mistyped flag is one line naming the flag it meant and where the flags are, before any test runs")
    void aMistypedFlagIsOneLineAtOnce() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = YourRnn.run(List.of("--epoch", "3"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as("exit code of your-rnn --epoch 3; stderr: %s", err.toString(StandardCharsets.UTF_8))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing ran: no parts table").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("your-rnn: unknown flag --epoch for train: did you "
                + "mean --epochs? (see: java -jar target/rnn-scratch.jar train --help, or docs/command-line.md#train)"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("An exercise file that does not compile is named in its part's row with javac's line, and the "
            + "library's code runs for that part")
    void notCompiledIsSaid() {
        var ex09 = ExerciseCatalog.byId("ex09").orElseThrow();
        String error = ex09.stubPath() + ":48: ';' expected";
        var outcome = ExerciseRun.run(getClass().getClassLoader(), List.of(ex09), Map.of("ex09", error));
        String row = YourRnn.partsTable(List.of(ex09), outcome, List.of()).lines()
                .filter(l -> l.contains(" ex09 ")).findFirst().orElseThrow();
        assertThat(row).contains("library's").contains("does not compile: " + error + ": the library's runs until it does")
                .doesNotContain("tests fail");
    }
}
