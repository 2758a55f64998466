package rnnscratch.train;

/**
 * Training diverged: a minibatch's loss became NaN or infinite. The parameters are left as they were before that
 * minibatch, so they can still be saved.
 *
 * <p>Docs: docs/gradient-clipping.md
 */
public final class LossNotFiniteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epoch;
    private final int minibatch;
    private final double loss;

    /**
     * @param epoch     1-based epoch
     * @param minibatch 1-based minibatch within the epoch
     */
    public LossNotFiniteException(int epoch, int minibatch, double loss) {
        super(problem(epoch, minibatch, loss) + ": switch gradient clipping on (θ = 1) or use a smaller learning rate");
        this.epoch = epoch;
        this.minibatch = minibatch;
        this.loss = loss;
    }

    private static String problem(int epoch, int minibatch, double loss) {
        return "the loss became " + loss + " in epoch " + epoch + ", at minibatch " + minibatch;
    }

    /** What happened and where, without what to do about it: "the loss became NaN in epoch 3, at minibatch 7". */
    public String problem() {
        return problem(epoch, minibatch, loss);
    }

    /** The 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** The loss value that was not finite (NaN or ±∞). */
    public double loss() {
        return loss;
    }

    /** The 1-based minibatch within the epoch. */
    public int minibatch() {
        return minibatch;
    }
}
