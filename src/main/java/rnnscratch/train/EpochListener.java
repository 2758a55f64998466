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

    /** Called every 10 epochs (and after the last) with {@code predictCh8(prefix, 50)}. */
    default void sample(int epoch, String text) {}

    /** Called once at the end with the book's summary figures. */
    default void finished(TrainResult result) {}

    /** Polled between minibatches: return true to stop cleanly after the current one (Ctrl-C). */
    default boolean stopRequested() {
        return false;
    }

    /** Called after every minibatch's update (the loss, the gradient norm before clipping, …). */
    default void minibatchEnded(MinibatchStats stats) {}

    /**
     * Asked before each minibatch: true keeps the gradient ∂l/∂H_t of every step's hidden state for this minibatch
     * ({@code retain_grad()}) and reports their norms in {@link MinibatchStats#hiddenGradNorms()}. The gradients of
     * the parameters, and so training, are the same either way.
     */
    default boolean wantsHiddenGradients(int epoch, int minibatch) {
        return false;
    }

    /** A listener that ignores everything. */
    static EpochListener none() {
        return stats -> {};
    }

    /**
     * Both listeners, {@code first} told first: a stop is requested when either requests it, and the hidden states'
     * gradients are kept when either wants them.
     */
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
            public boolean wantsHiddenGradients(int epoch, int minibatch) {
                return first.wantsHiddenGradients(epoch, minibatch) || second.wantsHiddenGradients(epoch, minibatch);
            }
        };
    }
}
