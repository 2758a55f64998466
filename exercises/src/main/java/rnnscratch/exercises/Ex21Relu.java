package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.*;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * Exercise 21 — ReLU instead of tanh (修正线性单元), d2l 8.5's exercise 6: "Replace the activation function used in
 * this section with ReLU and repeat the experiments in this section. Do we still need gradient clipping? Why?"
 *
 * <p>The book's {@code rnn} with ReLU as the activation:
 * <pre>
 *   H_t = ReLU(X_t·W_xh + H_{t−1}·W_hh + b_h),   ReLU(a) = max(a, 0)      double[batch][H]
 *   Y_t = H_t·W_hq + b_q                                                   double[batch][V]
 * </pre>
 * built from the autograd's operations so that gradients flow through it, returning the outputs stacked time-major,
 * the last state and every step's {@code H_t} (the run report's gradients through time are theirs).
 *
 * <p>And one step of backpropagation through time through that layer, by hand: the share of {@code ∂ℓ/∂H_t} that
 * reaches the state before it,
 * <pre>
 *   ∂ℓ/∂H_{t−1} += (H̄_t ⊙ [H_t > 0]) · W_hhᵀ                            double[batch][H]
 * </pre>
 * where {@code [H_t > 0]} is 1 where the unit is active and 0 elsewhere (ReLU's derivative, read from the saved
 * output as tanh's {@code 1 − H_t²} is). Compare with tanh's factor: never above 1, and near 0 where a unit saturates.
 *
 * <p>Docs: docs/bptt.md#exercises
 */
public final class Ex21Relu {
    private Ex21Relu() {}

    /** The loop of {@code rnn} with ReLU: outputs {@code double[steps·batch][V]}, the last state, every {@code H_t}. */
    public static Rnn.Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        throw new UnsupportedOperationException("Exercise 21 (ReLU instead of tanh): write rnn, the book's loop over the time steps with ReLU as the activation — read docs/bptt.md#exercises");
    }

    /**
     * One step back: what {@code dH = ∂ℓ/∂H_t} sends to {@code H_{t−1}} through {@code H_t = ReLU(… + H_{t−1}·W_hh
     * + …)}, given the saved {@code H = H_t}; {@code double[batch][H]}.
     */
    public static double[][] backOneStep(double[][] dH, double[][] H, double[][] W_hh) {
        throw new UnsupportedOperationException("Exercise 21 (ReLU instead of tanh): write backOneStep, the gradient that one ReLU step sends back to the state before it — read docs/bptt.md#exercises");
    }
}
