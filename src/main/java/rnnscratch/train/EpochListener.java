package rnnscratch.train;

/**
 * What {@link TrainCh8#trainCh8} tells the outside world while it runs, so that the command line, plots, logs and
 * reports can follow training without changing the loop (the book's {@code Animator} plays this part).
 *
 * <p>Docs: docs/training.md
 */
public interface EpochListener {
    /** Called after every epoch. */
    void epochEnded(EpochStats stats);

    /**
     * Called every {@code sampleEvery} epochs of {@link Ch8Options} (the book: 10) and after the last, with the sample
     * {@code predictCh8(samplePrefix, numPreds)}.
     */
    default void sample(int epoch, String text) {}

    /** Called once at the end with the book's summary figures. */
    default void finished(TrainResult result) {}

    /**
     * Polled before each minibatch: return true to stop cleanly after the current one (Ctrl-C); the epoch in progress
     * is then not counted.
     */
    default boolean stopRequested() {
        return false;
    }

    /** Called after every minibatch's update (the loss, the gradient norm before clipping, …). */
    default void minibatchEnded(MinibatchStats stats) {}

    /**
     * Called, before {@link #minibatchEnded}, by an epoch whose backward pass is written by hand
     * ({@link TrainByHand}): {@code ∂ℓ/∂H_t} for {@code t = 1 … T}, each {@code double[batch][H]} — what the run
     * report reads on the tape through a hook on each hidden state ({@code Tensor.registerHook}).
     */
    default void hiddenStateGradients(java.util.List<double[][]> gradients) {}

    /** A listener that ignores everything. */
    static EpochListener none() {
        return stats -> {};
    }

    /** Both listeners, {@code first} told first: a stop is requested when either requests it. */
    static EpochListener both(EpochListener first, EpochListener second) {
        return new EpochListener() {
            @Override
            public void epochEnded(EpochStats stats) {
                first.epochEnded(stats);
                second.epochEnded(stats);
            }

            @Override
            public void sample(int epoch, String text) {
                first.sample(epoch, text);
                second.sample(epoch, text);
            }

            @Override
            public void finished(TrainResult result) {
                first.finished(result);
                second.finished(result);
            }

            @Override
            public boolean stopRequested() {
                return first.stopRequested() || second.stopRequested();
            }

            @Override
            public void minibatchEnded(MinibatchStats stats) {
                first.minibatchEnded(stats);
                second.minibatchEnded(stats);
            }

            @Override
            public void hiddenStateGradients(java.util.List<double[][]> gradients) {
                first.hiddenStateGradients(gradients);
                second.hiddenStateGradients(gradients);
            }
        };
    }
}
