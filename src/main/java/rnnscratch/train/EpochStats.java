package rnnscratch.train;

import java.util.OptionalInt;

/**
 * The figures of one epoch: what {@link TrainCh8#trainEpochCh8} returns — the book's {@code (perplexity,
 * tokens/sec)} and its counts — and what {@link EpochListener#epochEnded} is told, with the epoch's place in the run.
 *
 * <p>Docs: docs/training.md#trainepochch8-step-by-step
 *
 * @param epoch          1-based epoch number
 * @param perplexity     {@code exp} of the epoch's mean cross-entropy per token (NaN for an epoch of no minibatch)
 * @param tokensPerSec   tokens trained per second in this epoch
 * @param tokens         tokens trained in this epoch
 * @param minibatches    minibatches trained in this epoch
 * @param offset         the sequential iterator's random offset for this epoch, so a run can be replayed (empty with
 *                       random iteration, or when the epoch was trained on its own)
 * @param elapsedSeconds seconds since training started: since {@link TrainCh8#trainCh8} started, or since this epoch
 *                       started when it was trained on its own
 */
public record EpochStats(int epoch, double perplexity, double tokensPerSec, long tokens, int minibatches,
        OptionalInt offset, double elapsedSeconds) {
    /** The same figures, placed in a run: the epoch's offset and the seconds since the run started. */
    public EpochStats inRun(OptionalInt offset, double elapsedSeconds) {
        return new EpochStats(epoch, perplexity, tokensPerSec, tokens, minibatches, offset, elapsedSeconds);
    }
}
