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
 *   O_t = H_t · W_hq + b_q                               double[batch][V]   (the book's Y inside rnn)
 * </pre>
 * The outputs of all steps are concatenated along rows, time-major ({@code torch.cat(outputs, dim=0)}): row
 * {@code t·batch + b} is step {@code t} of sequence {@code b}, {@code double[T·batch][V]} in all ({@code T} steps).
 *
 * <p>Docs: docs/rnn.md
 */
public final class Rnn {
    private Rnn() {}

    /**
     * What {@code rnn} returns: the book's {@code (torch.cat(outputs, dim=0), (H,))}, plus, for looking inside, the
     * hidden state of every step.
     *
     * @param outputs      the outputs of all steps, {@code double[T·batch][V]}, time-major
     * @param state        the state after the last step
     * @param hiddenStates {@code H_1 … H_T}, each {@code double[batch][H]}, as computed (on the tape); empty when the
     *                     function that made this output does not report them
     */
    public record Output(Tensor outputs, RnnState state, List<Tensor> hiddenStates) {
        public Output {
            hiddenStates = List.copyOf(hiddenStates);
        }

        /** The book's pair: outputs and the last state, without the steps' hidden states. */
        public Output(Tensor outputs, RnnState state) {
            this(outputs, state, List.of());
        }
    }

    /**
     * The book's {@code rnn(inputs, state, params)}: for each step {@code H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h)},
     * {@code O_t = H_t·W_hq + b_q}.
     *
     * @param inputs one {@code double[batch][V]} per time step, {@code T} in all (see {@link OneHot})
     * @param state  {@code H_0}, {@code double[batch][H]}
     * @return the outputs {@code double[T·batch][V]} (time-major), the last state {@code double[batch][H]}, and
     *         {@code H_1 … H_T}
     */
    public static Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        Tensor W_xh = params.W_xh();
        Tensor W_hh = params.W_hh();
        Tensor b_h = params.b_h();
        Tensor W_hq = params.W_hq();
        Tensor b_q = params.b_q();
        Tensor H = state.H();
        var outputs = new ArrayList<Tensor>(inputs.size());
        var hiddenStates = new ArrayList<Tensor>(inputs.size());
        for (Tensor X : inputs) {
            H = tanh(addBias(add(mm(X, W_xh), mm(H, W_hh)), b_h));
            Tensor Y = addBias(mm(H, W_hq), b_q);
            outputs.add(Y);
            hiddenStates.add(H);
        }
        return new Output(catRows(outputs), new RnnState(H), hiddenStates);
    }
}
