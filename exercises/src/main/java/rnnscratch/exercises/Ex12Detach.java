package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.*;

import java.util.Optional;
import java.util.function.UnaryOperator;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;

/**
 * Exercise 12 — the detach example and the state between minibatches ({@code detach}).
 *
 * <p>The notes' example: let {@code y = x·x}, {@code f = y·x} and {@code g = y.detach()·x}. Then {@code f = x³}
 * and {@code ∂f/∂x = 3x² = 12} at {@code x = 2}, but {@code g} sees {@code y} as a constant, so
 * {@code ∂g/∂x = y = x² = 4}: {@code detach} cuts the gradient's path. Compute both by back-propagation with the
 * library's autograd — not with a formula: the tests give {@link #detachExample(UnaryOperator, double)} other functions {@code y(x)} built from {@code Ops},
 * whose derivatives you are not told, and only back-propagation finds them.
 *
 * <p>The training loop uses it between minibatches ({@code train_epoch_ch8}): with random minibatches (or at the
 * first one) the state starts from zeros, a constant that no gradient flows into, since those sequences do not
 * continue the previous ones; with sequential minibatches the state is kept — same values — but detached, so the next
 * loss sends no gradient back into the minibatches before.
 *
 * <p>Shapes: {@code x} is a scalar ({@code double[1][1]}); the state {@code double[batch][H]}.
 *
 * <p>Docs: docs/training.md#exercises
 */
public final class Ex12Detach {
    private Ex12Detach() {}

    /** The notes' example, {@code y = x·x}: {@code {∂f/∂x, ∂g/∂x}} at {@code x}, which are 12 and 4 at x = 2. */
    public static double[] detachExample(double x) {
        return detachExample(t -> mul(t, t), x);
    }

    /**
     * {@code {∂f/∂x, ∂g/∂x}} at {@code x} for {@code f = y(x)·x} and {@code g = y(x).detach()·x}, computed by
     * back-propagation; {@code y} builds its result from its argument with {@code Ops} (a 1×1 tensor in, a 1×1
     * tensor out).
     */
    public static double[] detachExample(UnaryOperator<Tensor> y, double x) {
        throw new UnsupportedOperationException("Exercise 12 (detach): write detachExample, ∂f/∂x and ∂g/∂x by back-propagation — read docs/training.md#exercises");
    }

    /**
     * The state a minibatch starts from: zeros ({@code double[batchSize][numHiddens]}, a constant) when there is no
     * previous state or minibatches are random; otherwise the previous state, detached.
     */
    public static RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, int batchSize,
            int numHiddens) {
        throw new UnsupportedOperationException("Exercise 12 (detach): write stateForMinibatch, the state a minibatch starts from — read docs/training.md#exercises");
    }
}
