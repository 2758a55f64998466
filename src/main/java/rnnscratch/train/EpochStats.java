package rnnscratch.train;

import java.util.OptionalInt;

/**
 * The figures of one finished epoch, handed to an {@link EpochListener}.
 *
 * @param epoch          1-based epoch number
 * @param numEpochs      the number of epochs asked for
 * @param perplexity     exp of the epoch's mean cross-entropy
 * @param tokensPerSec   tokens trained per second in this epoch
 * @param offset         the sequential iterator's random offset for this epoch (empty with random iteration), so a
 *                       run can be replayed
 * @param elapsedSeconds seconds since training started
 */
public record EpochStats(int epoch, int numEpochs, double perplexity, double tokensPerSec, OptionalInt offset,
        double elapsedSeconds) {}
