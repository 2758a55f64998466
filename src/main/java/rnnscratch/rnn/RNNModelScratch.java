package rnnscratch.rnn;

import java.util.Random;

/**
 * The book's {@code RNNModelScratch}: the parameters plus the two things the training loop asks of a model —
 * a forward pass over a minibatch of token ids, and a fresh state.
 *
 * <p>Docs: docs/rnn.md
 */
public final class RNNModelScratch {
    private final int vocabSize;
    private final int numHiddens;
    private final RnnParams params;

    /** A model with the book's random initial parameters ({@link RnnParams#getParams}). */
    public RNNModelScratch(int vocabSize, int numHiddens, Random rng) {
        this(RnnParams.getParams(vocabSize, numHiddens, rng));
    }

    /** A model around given parameters (a checkpoint, or a golden test's initial values). */
    public RNNModelScratch(RnnParams params) {
        this.vocabSize = params.vocabSize();
        this.numHiddens = params.numHiddens();
        this.params = params;
    }

    /**
     * {@code net(X, state)}: one-hot of {@code Xᵀ}, then {@link Rnn#rnn}.
     *
     * @param x token ids, {@code int[batch][t]}
     * @return outputs {@code double[t·batch][V]} (time-major) and the final state {@code double[batch][H]}
     */
    public Rnn.Output forward(int[][] x, RnnState state) {
        for (int[] row : x) {
            for (int id : row) {
                if (id < 0 || id >= vocabSize) {
                    throw new IllegalArgumentException(
                            "forward: token id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
                }
            }
        }
        return Rnn.rnn(OneHot.oneHot(OneHot.transpose(x), vocabSize), state, params);
    }

    /** {@code begin_state}: a zero state for a minibatch of {@code batchSize} sequences. */
    public RnnState beginState(int batchSize) {
        return RnnState.initRnnState(batchSize, numHiddens);
    }

    /** The parameters, in the book's order through {@link RnnParams#list()}. */
    public RnnParams params() {
        return params;
    }

    /** The vocabulary size {@code V}. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The number of hidden units {@code H}. */
    public int numHiddens() {
        return numHiddens;
    }
}
