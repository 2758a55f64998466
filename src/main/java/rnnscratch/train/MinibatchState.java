package rnnscratch.train;

import java.util.Optional;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;

/**
 * The state each minibatch of {@code train_epoch_ch8} starts from: zeros, or the previous minibatch's state with its
 * history cut off (detach). Its own file, so that the page explaining the training loop can link the loop
 * ({@link TrainCh8}) without showing exercise ex12's answer.
 *
 * <p>Docs: docs/training.md#after-ex12-passes-the-librarys-version
 */
public final class MinibatchState {
    private MinibatchState() {}

    /**
     * The state a minibatch starts from, the first branch of {@code train_epoch_ch8}: {@code if state is None or
     * use_random_iter: state = net.begin_state(X.shape[0])}, the model's zero state {@code double[batchSize][H]};
     * {@code else: for s in state: s.detach_()}, the previous state, detached in place, so that no gradient flows back
     * into the previous minibatch (exercise ex12 writes it, with {@code batchSize, numHiddens} in place of
     * {@code net, batchSize}).
     *
     * @param previous      the state the previous minibatch ended with; empty before the first minibatch
     * @param useRandomIter whether the minibatches are drawn at random (then each starts from zeros)
     * @param batchSize     the rows of this minibatch
     */
    public static RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, RNNModelScratch net,
            int batchSize) {
        if (previous.isEmpty() || useRandomIter) {
            return net.beginState(batchSize);
        }
        previous.get().detachInPlace();
        return previous.get();
    }
}
