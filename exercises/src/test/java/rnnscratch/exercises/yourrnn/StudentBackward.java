package rnnscratch.exercises.yourrnn;

import static rnnscratch.exercises.yourrnn.Guards.call;
import static rnnscratch.exercises.yourrnn.Guards.exercise;
import static rnnscratch.exercises.yourrnn.Guards.requireFinite;

import java.util.List;
import rnnscratch.exercises.Ex19Bptt;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RnnParams;

/**
 * Exercise 19 inside "your RNN": the student's backward pass, guarded like every other part ({@link Guards}), for
 * {@link StudentLoop}. With it, training runs the forward pass on plain matrices ({@code Bptt.forward}) and takes
 * every gradient from the student's {@code bptt}: no tape is recorded.
 *
 * <p>Docs: docs/exercises.md#your-rnn, docs/bptt.md
 */
final class StudentBackward {
    private StudentBackward() {}

    /** What your RNN says after a run that trained with the student's backward pass. */
    static final String NO_AUTOGRAD = "This run had no autograd: training's forward pass ran on plain matrices "
            + "(Bptt.forward) and every gradient came from your bptt (ex19); the tape recorded nothing.";

    /** The part's name in the parts table. */
    static final String PART_NAME = "l.backward(): BPTT by hand, no autograd";

    /** The student's {@code Ex19Bptt.bptt}, guarded, as the training loop's backward pass. */
    static Bptt.BackwardFn bptt() {
        return StudentBackward::bptt;
    }

    private static Bptt.Gradients bptt(Bptt.Forward f, RnnParams params) {
        Bptt.Gradients g = call("ex19", "bptt", () -> Ex19Bptt.bptt(f, params));
        if (g == null) {
            throw new StudentCodeFailed(exercise("ex19"), "bptt returned null");
        }
        int v = params.vocabSize();
        int h = params.numHiddens();
        List<double[][]> grads = g.list();
        int[][] shapes = {{v, h}, {h, h}, {1, h}, {h, v}, {1, v}};
        for (int i = 0; i < shapes.length; i++) {
            requireShape(RnnParams.NAMES.get(i) + "'s gradient", grads.get(i), shapes[i][0], shapes[i][1]);
            requireFinite("ex19", "bptt's gradient of " + RnnParams.NAMES.get(i), grads.get(i));
        }
        if (g.H().size() != f.steps()) {
            throw new StudentCodeFailed(exercise("ex19"), "bptt returned " + g.H().size() + " gradients of hidden "
                    + "states for " + f.steps() + " steps; the report needs ∂ℓ/∂H_t for every t = 1 … T");
        }
        return g;
    }

    private static void requireShape(String what, double[][] m, int rows, int cols) {
        if (m == null || m.length != rows || m[0].length != cols) {
            throw new StudentCodeFailed(exercise("ex19"), "bptt's " + what + " is " + (m == null ? "null"
                    : m.length + "x" + m[0].length) + "; the parameter is " + rows + "x" + cols);
        }
    }
}
