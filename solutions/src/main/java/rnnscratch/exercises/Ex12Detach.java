package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.mul;

import java.util.Optional;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;

/**
 * Exercise 12 — the detach example and the state between minibatches ({@code detach}).
 *
 * <p>The notes' example: let {@code y = x·x}, {@code f = y·x} and {@code g = y.detach()·x}. Then {@code f = x³}
 * and {@code ∂f/∂x = 3x² = 12} at {@code x = 2}, but {@code g} sees {@code y} as a constant, so
 * {@code ∂g/∂x = y = x² = 4}: {@code detach} cuts the gradient's path. Compute both with the library's autograd
 * ({@code Tensor.param}, {@code Ops.mul}, {@code detach()}, {@code backward()}, {@code grad()}).
 *
 * <p>The training loop uses it between minibatches ({@code train_epoch_ch8}): with random minibatches (or at the
 * first one) the state starts from zeros, since those sequences do not continue the previous ones; with sequential
 * minibatches the state is kept — same values — but detached, so the next loss sends no gradient back into the
 * minibatches before.
 *
 * <p>Shapes: {@code x} is a scalar ({@code double[1][1]}); the state {@code double[batch][H]}.
 *
 * <p>Docs: docs/training.md#exercises
 */
public final class Ex12Detach {
    private Ex12Detach() {}

    /** {@code {∂f/∂x, ∂g/∂x}} at {@code x}, computed by back-propagation. */
    public static double[] detachExample(double x) {
        // BEGIN SOLUTION
        Tensor xt = Tensor.param(new double[][] {{x}});
        Tensor y = mul(xt, xt);
        Tensor f = mul(y, xt);
        f.backward();
        double gradF = xt.grad()[0][0];
        xt.zeroGrad();
        Tensor g = mul(y.detach(), xt);
        g.backward();
        double gradG = xt.grad()[0][0];
        return new double[] {gradF, gradG};
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 12 (detach): read docs/training.md#exercises — start from Tensor x = Tensor.param(new double[][] {{x}}), y = mul(x, x), f = mul(y, x); f.backward(); then x.grad()");
    }

    /**
     * The state a minibatch starts from: zeros ({@code double[batchSize][numHiddens]}) when there is no previous
     * state or minibatches are random; otherwise the previous state, detached.
     */
    public static RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, int batchSize,
            int numHiddens) {
        // BEGIN SOLUTION
        if (previous.isEmpty() || useRandomIter) {
            return new RnnState(Tensor.constant(Mat.zeros(batchSize, numHiddens)));
        }
        previous.get().detachInPlace();
        return previous.get();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 12 (detach): read docs/training.md#exercises — start from a zero state when previous.isEmpty() || useRandomIter; otherwise detach the previous state (detachInPlace) and return it");
    }
}
