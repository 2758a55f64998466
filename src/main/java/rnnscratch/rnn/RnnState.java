package rnnscratch.rnn;

import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;

/**
 * The hidden state carried from one time step to the next, and from one minibatch to the next: the book's tuple
 * {@code (H,)}, with {@code H: double[batch][numHiddens]}.
 *
 * <p>Docs: docs/rnn.md
 */
public record RnnState(Tensor H) {
    /** The book's {@code init_rnn_state}: a zero state {@code double[batch][numHiddens]}. */
    public static RnnState initRnnState(int batchSize, int numHiddens) {
        return new RnnState(Tensor.constant(Mat.zeros(batchSize, numHiddens)));
    }

    /**
     * Cuts the state's history in place, the book's {@code for s in state: s.detach_()}: the next minibatch starts
     * from these values but sends no gradient back into the minibatch that computed them.
     */
    public void detachInPlace() {
        H.detachInPlace();
    }
}
