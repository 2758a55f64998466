package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.*;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;

/**
 * Exercise 09 — one {@code rnn} time step and the loop over steps (隐状态更新), the notes' {@code rnn} function.
 *
 * <p>One step updates the hidden state from the input of this step and the state of the step before:
 * <pre>
 *   H_t = tanh(X_t · W_xh + H_{t−1} · W_hh + b_h)
 *   Y_t = H_t · W_hq + b_q
 * </pre>
 * The loop runs this over every time step, carrying {@code H}, and stacks the outputs time-major
 * ({@code torch.cat(outputs, dim=0)}: row {@code t·batch + b} is step {@code t} of sequence {@code b}). Build it from
 * the autograd's operations ({@link rnnscratch.autograd.Ops}) so that gradients flow back through it.
 *
 * <p>Shapes: {@code X_t: double[batch][V]}, {@code H: double[batch][H]}, outputs {@code double[steps·batch][V]}.
 *
 * <p>Docs: docs/rnn.md#exercises
 */
public final class Ex09RnnStep {
    private Ex09RnnStep() {}

    /** One step: the new hidden state {@code H_t = tanh(X·W_xh + H·W_hh + b_h)}, {@code double[batch][H]}. */
    public static Tensor rnnStep(Tensor x, Tensor h, RnnParams params) {
        // BEGIN SOLUTION
        return tanh(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 09 (rnn step and loop): write rnnStep, one update of the hidden state — read docs/rnn.md#exercises");
    }

    /** The loop: every step's output {@code Y_t = H_t·W_hq + b_q}, stacked time-major, and the last state. */
    public static Rnn.Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        // BEGIN SOLUTION
        Tensor h = state.H();
        var outputs = new ArrayList<Tensor>();
        for (Tensor x : inputs) {
            h = rnnStep(x, h, params);
            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));
        }
        return new Rnn.Output(catRows(outputs), new RnnState(h));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 09 (rnn step and loop): write rnn, the loop over the time steps that collects every output — read docs/rnn.md#exercises");
    }
}
