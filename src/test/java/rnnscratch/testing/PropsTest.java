package rnnscratch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The failure message of a property names the command that replays it. Docs: docs/exercises.md */
class PropsTest {
    private static String inMode(String mode, java.util.function.Supplier<String> body) {
        String before = System.getProperty("exercises.mode");
        if (mode == null) {
            System.clearProperty("exercises.mode");
        } else {
            System.setProperty("exercises.mode", mode);
        }
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("exercises.mode");
            } else {
                System.setProperty("exercises.mode", before);
            }
        }
    }

    @Test
    @DisplayName("A falsified property's message names its own test class and method in the replay line")
    void replayNamesTheTest() {
        assertThatThrownBy(() -> Props.qt().forAll(integers().between(0, 9)).checkAssert(i -> assertThat(i)
                .isNegative()))
                .hasMessageContaining("Smallest counterexample (shrunk): 0")
                .hasMessageContaining("replay with: mvn test -Dqt.seed=" + Props.SEED
                        + " -Dtest=PropsTest#replayNamesTheTest)");
    }

    @Test
    @DisplayName("In student mode an exercise's property replays through the exercises profile, which tests your code")
    void studentModeReplaysTheExercise() {
        assertThat(inMode("student", () -> Props.replayCommand(7, "Ex09RnnStepTest#oneStepIsTheEquation")))
                .isEqualTo("mvn test -Pexercises -Dgroups=ex09 -Dqt.seed=7");
        assertThat(inMode("reference", () -> Props.replayCommand(7, "Ex09RnnStepTest#oneStepIsTheEquation")))
                .isEqualTo("mvn test -Dqt.seed=7 -Dtest=Ex09RnnStepTest#oneStepIsTheEquation");
        assertThat(inMode(null, () -> Props.replayCommand(7, "Ex09RnnStepTest#oneStepIsTheEquation")))
                .as("an IDE, which sets no mode, runs the student's code").isEqualTo(
                        "mvn test -Pexercises -Dgroups=ex09 -Dqt.seed=7");
        assertThat(inMode("student", () -> Props.replayCommand(7, "MatMulTest#x")))
                .as("a library test is no exercise").isEqualTo("mvn test -Dqt.seed=7 -Dtest=MatMulTest#x");
    }
}
