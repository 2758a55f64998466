package rnnscratch.rnn;

import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.catRows;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.tanh;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * The book's {@code rnn} function: the recurrence over the time steps of a minibatch.
 *
 * <p>For each time step {@code t}, with {@code X_t: double[batch][V]} (one-hot) and {@code H: double[batch][H]}:
 * <pre>
 *   H_t = tanh(X_t · W_xh + H_{t−1} · W_hh + b_h)      double[batch][H]
 *   Y_t = H_t · W_hq + b_q                               double[batch][V]
 * </pre>
 * The outputs of all steps are concatenated along rows, time-major ({@code torch.cat(outputs, dim=0)}): row
 * {@code t·batch + b} is step {@code t} of sequence {@code b}, {@code double[t·batch][V]} in all.
 *
 * <p>Docs: docs/rnn.md
 */
public final class Rnn {
    private Rnn() {}

    /** The outputs of all steps, {@code double[steps·batch][V]}, and the state after the last step. */
    public record Output(Tensor outputs, RnnState state) {}

    /**
     * Runs the RNN over {@code inputs}, starting from {@code state}.
     *
     * @param inputs one {@code double[batch][V]} per time step (see {@link OneHot})
     */
    public static Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        Tensor W_xh = params.W_xh();
        Tensor W_hh = params.W_hh();
        Tensor b_h = params.b_h();
        Tensor W_hq = params.W_hq();
        Tensor b_q = params.b_q();
        Tensor H = state.H();
        var outputs = new ArrayList<Tensor>(inputs.size());
        for (Tensor X : inputs) {
            H = tanh(addBias(add(mm(X, W_xh), mm(H, W_hh)), b_h));
            Tensor Y = addBias(mm(H, W_hq), b_q);
            outputs.add(Y);
        }
        return new Output(catRows(outputs), new RnnState(H));
    }
}
