package rnnscratch.train;

import java.util.List;
import java.util.Optional;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Vocab;

/**
 * Every function the book's training code calls, as values: the model's ({@link RnnFunctions}) and the training
 * loop's — perplexity, {@code grad_clipping}, the state a minibatch starts from, {@code sgd} and
 * {@code predict_ch8}. {@link #library()} is this library's code; the exercises' "your RNN" run fills the record
 * with a student's answers wherever they pass their exercise, and {@link TrainCh8} runs whatever it is given.
 *
 * <p>Docs: docs/training.md#the-functions-training-calls
 *
 * @param model             the model's functions: {@code get_params}, {@code init_rnn_state}, one-hot, {@code rnn}
 * @param perplexity        {@code exp(Σ loss·n / Σ n)} over the minibatches of an epoch ({@link Perplexity})
 * @param gradClipping      the book's {@code grad_clipping} ({@link GradClipping})
 * @param stateForMinibatch the state a minibatch starts from: fresh zeros, or the previous state detached
 *                          ({@link TrainCh8#stateForMinibatch})
 * @param sgd               the book's {@code sgd}, the hand-written updater ({@link Sgd})
 * @param predictCh8        the book's {@code predict_ch8}, for the samples during training and the final predictions
 *                          ({@link PredictCh8})
 * @param backward          a minibatch's forward pass, loss and {@code l.backward()}: the autograd's tape
 *                          ({@link Backward#AUTOGRAD}) or backpropagation through time by hand
 *                          ({@link Backward#MANUAL})
 */
public record Ch8Functions(RnnFunctions model, PerplexityFn perplexity, GradClippingFn gradClipping,
        StateForMinibatch stateForMinibatch, SgdFn sgd, PredictCh8Fn predictCh8, Backward backward) {

    /** The functions with the autograd's backward pass ({@link Backward#AUTOGRAD}), the book's. */
    public Ch8Functions(RnnFunctions model, PerplexityFn perplexity, GradClippingFn gradClipping,
            StateForMinibatch stateForMinibatch, SgdFn sgd, PredictCh8Fn predictCh8) {
        this(model, perplexity, gradClipping, stateForMinibatch, sgd, predictCh8, Backward.AUTOGRAD);
    }

    /** Perplexity from each minibatch's mean loss and its number of tokens. */
    @FunctionalInterface
    public interface PerplexityFn {
        /** @return {@code exp(Σ meanLosses[i]·tokenCounts[i] / Σ tokenCounts[i])} */
        double perplexity(double[] meanLosses, int[] tokenCounts);
    }

    /** The book's {@code grad_clipping}. */
    @FunctionalInterface
    public interface GradClippingFn {
        /** Clips in place to a global norm of at most {@code theta}; @return the norm before clipping */
        double gradClipping(List<Tensor> params, double theta);
    }

    /** The start of each minibatch in {@code train_epoch_ch8}: a zero state or the previous one, detached. */
    @FunctionalInterface
    public interface StateForMinibatch {
        /** @return zeros {@code double[batchSize][numHiddens]} or {@code previous}, detached */
        RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, int batchSize,
                int numHiddens);
    }

    /** The book's {@code sgd}. */
    @FunctionalInterface
    public interface SgdFn {
        /** {@code param ← param − lr·grad / batchSize}, in place, then zero the gradients. */
        void sgd(List<Tensor> params, double lr, int batchSize);
    }

    /** The book's {@code predict_ch8}. */
    @FunctionalInterface
    public interface PredictCh8Fn {
        /** @return the prefix followed by {@code numPreds} predicted tokens */
        String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab);
    }

    /** This library's functions. */
    public static Ch8Functions library() {
        return new Ch8Functions(RnnFunctions.library(), Perplexity::perplexity, GradClipping::gradClipping,
                TrainCh8::stateForMinibatch, Sgd::sgd, PredictCh8::predictCh8, Backward.AUTOGRAD);
    }

    /** The same functions with another {@code predict_ch8} (word tokens, or sampling instead of greedy). */
    public Ch8Functions withPredictCh8(PredictCh8Fn predict) {
        return new Ch8Functions(model, perplexity, gradClipping, stateForMinibatch, sgd, predict, backward);
    }

    /** The same functions with another backward pass ({@code train --backward manual}: {@link Backward#MANUAL}). */
    public Ch8Functions withBackward(Backward other) {
        return new Ch8Functions(model, perplexity, gradClipping, stateForMinibatch, sgd, predictCh8, other);
    }
}
