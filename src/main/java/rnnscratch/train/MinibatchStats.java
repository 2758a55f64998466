package rnnscratch.train;

/**
 * The figures of one minibatch, handed to {@link EpochListener#minibatchEnded} after its update: what a report needs
 * to show what gradient clipping does in a run.
 *
 * <p>Docs: docs/training.md#seeing-inside-a-run-the-report
 *
 * @param epoch     1-based epoch
 * @param minibatch 1-based minibatch within the epoch
 * @param loss      the minibatch's mean cross-entropy
 * @param gradNorm  the global gradient norm ‖g‖ before clipping, as {@code gradClipping} returned it
 * @param theta     the clipping threshold θ ({@code +∞}: no clipping)
 */
public record MinibatchStats(int epoch, int minibatch, double loss, double gradNorm, double theta) {
    /** Whether clipping scaled this minibatch's gradient down: {@code ‖g‖ > θ}. */
    public boolean clipped() {
        return gradNorm > theta;
    }
}
