package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;

/** What the "your RNN" run says when a student's part misbehaves. Docs: docs/exercises.md#your-rnn */
class GuardsTest {
    @Test
    @DisplayName("A student's function that throws stops the run with one line naming the exercise and its docs")
    void aThrowNamesTheExercise() {
        assertThatThrownBy(() -> Guards.call("ex09", "rnn", () -> {
            throw new ArrayIndexOutOfBoundsException("Index 28 out of bounds for length 28");
        })).isInstanceOf(StudentCodeFailed.class)
                .hasMessageStartingWith("Exercise 09 (")
                .hasMessageContaining("your rnn threw ArrayIndexOutOfBoundsException: Index 28 out of bounds")
                .hasMessageEndingWith("read docs/rnn.md#exercises")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("A value of the wrong shape stops the run with both shapes and what they mean")
    void aWrongShapeNamesBothShapes() {
        var outputs = Tensor.constant(new double[35][28]);
        assertThatThrownBy(() -> Guards.requireShape("ex09", "rnn's outputs", outputs, 1120, 28,
                "(steps·batch x V)"))
                .isInstanceOf(StudentCodeFailed.class)
                .hasMessageContaining("your rnn's outputs has shape (35x28); the model needs (1120x28) = (steps·batch x V)");
    }

    @Test
    @DisplayName("A number that is not finite stops the run before the library uses it")
    void aNonFiniteNumberStopsTheRun() {
        assertThatThrownBy(() -> Guards.requireFinite("ex10", "perplexity", Double.NaN))
                .isInstanceOf(StudentCodeFailed.class)
                .hasMessageContaining("Exercise 10").hasMessageContaining("your perplexity is NaN");
        assertThatThrownBy(() -> Guards.requireFinite("ex13", "sgd's updated parameters",
                new double[][] {{1, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(StudentCodeFailed.class)
                .hasMessageContaining("Exercise 13").hasMessageContaining("NaN or infinite");
    }
}
