package rnnscratch.train;

/**
 * The figures of one minibatch, handed to {@link EpochListener#minibatchEnded} after its update: what a report needs
 * to show what gradient clipping and detach do in a run.
 *
 * @param epoch           1-based epoch
 * @param minibatch       1-based minibatch within the epoch
 * @param loss            the minibatch's mean cross-entropy
 * @param gradNorm        the global gradient norm ‖g‖ before clipping, as {@code grad_clipping} returned it
 * @param theta           the clipping threshold θ ({@code +∞}: no clipping)
 * @param hiddenGradNorms ‖∂l/∂H_t‖ for t = 1 … num_steps, when the listener asked for them
 *                        ({@link EpochListener#wantsHiddenGradients}); else empty
 */
public record MinibatchStats(int epoch, int minibatch, double loss, double gradNorm, double theta,
        double[] hiddenGradNorms) {
    /** Whether clipping scaled this minibatch's gradient down: {@code ‖g‖ > θ}. */
    public boolean clipped() {
        return gradNorm > theta;
    }
}
