package rnnscratch.rnn;

import java.util.Random;

/**
 * The book's {@code RNNModelScratch}: the parameters plus the two things the training loop asks of a model —
 * a forward pass over a minibatch of token ids, and a fresh state.
 *
 * <p>As in the book, the model is built from functions ({@link RnnFunctions}): {@code get_params} draws its
 * weights, {@code init_rnn_state} makes a fresh state and {@code rnn} runs the steps. The constructors without
 * functions use this library's ({@link RnnFunctions#library()}).
 *
 * <p>Docs: docs/rnn.md
 */
public final class RNNModelScratch {
    private final int vocabSize;
    private final int numHiddens;
    private final RnnParams params;
    private final RnnFunctions functions;

    /** A model with the book's random initial parameters ({@link RnnParams#getParams}). */
    public RNNModelScratch(int vocabSize, int numHiddens, Random rng) {
        this(vocabSize, numHiddens, rng, RnnFunctions.library());
    }

    /**
     * The book's {@code RNNModelScratch(vocab_size, num_hiddens, device, get_params, init_state, forward_fn)}: the
     * parameters come from {@code functions.getParams()}, and the model runs on {@code functions}.
     */
    public RNNModelScratch(int vocabSize, int numHiddens, Random rng, RnnFunctions functions) {
        this(functions.getParams().getParams(vocabSize, numHiddens, rng), functions);
    }

    /** A model around given parameters (a checkpoint, or a golden test's initial values). */
    public RNNModelScratch(RnnParams params) {
        this(params, RnnFunctions.library());
    }

    /** A model around given parameters that runs on {@code functions}. */
    public RNNModelScratch(RnnParams params, RnnFunctions functions) {
        this.vocabSize = params.vocabSize();
        this.numHiddens = params.numHiddens();
        this.params = params;
        this.functions = functions;
    }

    /**
     * {@code net(X, state)}: one-hot of {@code Xᵀ}, then {@code rnn}.
     *
     * @param x token ids, {@code int[batch][T]}
     * @param state {@code H_0}, {@code double[batch][H]}
     * @return outputs {@code double[T·batch][V]} (time-major) and the final state {@code double[batch][H]}
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
        var inputs = functions.oneHot().oneHot(functions.transpose().transpose(x), vocabSize);
        return functions.rnn().rnn(inputs, state, params);
    }

    /** {@code begin_state}: a zero state {@code double[batchSize][H]}, for a minibatch of that many sequences. */
    public RnnState beginState(int batchSize) {
        return functions.initRnnState().initRnnState(batchSize, numHiddens);
    }

    /** The parameters, in the book's order through {@link RnnParams#list()}. */
    public RnnParams params() {
        return params;
    }

    /** The functions this model runs on. */
    public RnnFunctions functions() {
        return functions;
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
