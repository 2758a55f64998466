package rnnscratch.cli;

import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Sgd;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.train.PredictCh8;
import rnnscratch.train.TrainCh8;

/**
 * The code a {@code train} run is made of, by the book's names: the model's functions ({@code get_params},
 * {@code init_rnn_state}, the one-hot of {@code X.T}, {@code rnn}), the {@code sgd} of the hand-written updater,
 * {@code train_epoch_ch8} and {@code predict_ch8}. {@link #library()} is this library's; the exercises' "your RNN"
 * run passes a student's parts wherever they pass their exercise. The training functions themselves call none of
 * these through this record: it only says what {@link TrainCommand} builds the model, the updater and the
 * {@code train_ch8} options from.
 *
 * <p>Docs: docs/exercises.md#your-rnn
 *
 * @param model         the model's functions, which {@code RNNModelScratch} runs on
 * @param sgd           the book's {@code sgd(params, lr, batch_size)}, for the hand-written updater
 * @param trainEpochCh8 one epoch of training
 * @param predictCh8    the book's greedy character-level {@code predict_ch8}
 */
public record Parts(RnnFunctions model, SgdFn sgd, TrainCh8.TrainEpochCh8 trainEpochCh8, PredictCh8.Fn predictCh8) {
    /** The book's {@code sgd}: {@code param ← param − lr·grad / batchSize}, then the gradients set to zero. */
    @FunctionalInterface
    public interface SgdFn {
        /** Updates every parameter in place and zeroes its gradient. */
        void sgd(List<Tensor> params, double lr, int batchSize);
    }

    /** This library's code. */
    public static Parts library() {
        return new Parts(RnnFunctions.library(), Sgd::sgd, TrainCh8::trainEpochCh8, PredictCh8::predictCh8);
    }
}
