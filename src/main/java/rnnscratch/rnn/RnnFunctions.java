package rnnscratch.rnn;

import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;

/**
 * The model's parts as functions, so that other code — a student's exercise answers — can be plugged into the book's
 * model. The book builds its model the same way: {@code RNNModelScratch(vocab_size, num_hiddens, device,
 * get_params, init_rnn_state, rnn)} takes the functions it calls.
 *
 * <p>{@link #library()} is this package's own code. {@link RNNModelScratch} calls, for a minibatch {@code X}
 * ({@code int[batch][T]}): {@code rnn(oneHot(transpose(X), V), state, params)}; for a fresh state:
 * {@code initRnnState(batch, H)}; and once, to draw its weights: {@code getParams(V, H, rng)}.
 *
 * <p>Docs: docs/rnn.md#the-model-as-functions
 *
 * @param transpose    {@code X.T}: {@code int[batch][T]} to {@code int[T][batch]} ({@link OneHot#transpose})
 * @param oneHot       {@code F.one_hot(X.T, V)}: one constant {@code double[batch][V]} per time step
 *                     ({@link OneHot#oneHot})
 * @param getParams    the book's {@code get_params} ({@link RnnParams#getParams})
 * @param initRnnState the book's {@code init_rnn_state} ({@link RnnState#initRnnState})
 * @param rnn          the book's {@code rnn}: the loop over the time steps ({@link Rnn#rnn})
 */
public record RnnFunctions(Transpose transpose, OneHotFn oneHot, GetParams getParams, InitRnnState initRnnState,
        RnnFn rnn) {

    /** {@code X.T}. */
    @FunctionalInterface
    public interface Transpose {
        /** @return {@code int[T][batch]} for {@code x: int[batch][T]} */
        int[][] transpose(int[][] x);
    }

    /** {@code F.one_hot(X.T, vocab_size)}. */
    @FunctionalInterface
    public interface OneHotFn {
        /** @return one constant tensor {@code double[batch][vocabSize]} per row of {@code xt: int[T][batch]} */
        List<Tensor> oneHot(int[][] xt, int vocabSize);
    }

    /** The book's {@code get_params}. */
    @FunctionalInterface
    public interface GetParams {
        /** @return the five parameters, weights drawn from {@code rng} in the order W_xh, W_hh, W_hq */
        RnnParams getParams(int vocabSize, int numHiddens, Random rng);
    }

    /** The book's {@code init_rnn_state}. */
    @FunctionalInterface
    public interface InitRnnState {
        /** @return a constant zero state {@code double[batchSize][numHiddens]} */
        RnnState initRnnState(int batchSize, int numHiddens);
    }

    /** The book's {@code rnn}. */
    @FunctionalInterface
    public interface RnnFn {
        /** @return the outputs of all steps, time-major {@code double[T·batch][V]}, and the last state */
        Rnn.Output rnn(List<Tensor> inputs, RnnState state, RnnParams params);
    }

    /** The same functions with another {@code rnn}. */
    public RnnFunctions withRnn(RnnFn other) {
        return new RnnFunctions(transpose, oneHot, getParams, initRnnState, other);
    }

    /** This library's functions: {@link OneHot}, {@link RnnParams#getParams}, {@link RnnState}, {@link Rnn#rnn}. */
    public static RnnFunctions library() {
        return new RnnFunctions(OneHot::transpose, OneHot::oneHot, RnnParams::getParams, RnnState::initRnnState,
                Rnn::rnn);
    }
}
