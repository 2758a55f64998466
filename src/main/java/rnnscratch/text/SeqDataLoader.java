package rnnscratch.text;

import java.util.List;
import java.util.Random;
import rnnscratch.UserException;

/**
 * The book's {@code SeqDataLoader} (d2l 8.3.4): hands out one epoch of minibatches at a time, drawing a new random
 * offset (and, for random iteration, a new shuffle) every epoch from the generator it was given.
 *
 * <p>Sequential iteration draws {@code offset = rng.nextInt(numSteps + 1)}; random iteration draws
 * {@code offset = rng.nextInt(numSteps)} and then shuffles with the same {@code rng}. The same seed therefore gives
 * the same epochs.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class SeqDataLoader {
    private final int[] corpus;
    private final int batchSize;
    private final int numSteps;
    private final boolean useRandomIter;
    private final Random rng;

    /**
     * @param corpus        token indices, {@code int[len]}; copied
     * @param batchSize     rows per minibatch
     * @param numSteps      time steps per row
     * @param useRandomIter random iteration if true, sequential (the book's default) if false
     * @param rng           the seeded generator every epoch's offset and shuffle are drawn from
     * @throws UserException if a size is below 1, or the corpus is too short for one minibatch at the largest
     *                       offset an epoch can draw
     */
    public SeqDataLoader(int[] corpus, int batchSize, int numSteps, boolean useRandomIter, Random rng) {
        SeqDataIter.requireSizes(batchSize, numSteps);
        SeqDataIter.requireLongEnough(corpus.length, batchSize, numSteps, maxOffset(numSteps, useRandomIter));
        this.corpus = corpus.clone();
        this.batchSize = batchSize;
        this.numSteps = numSteps;
        this.useRandomIter = useRandomIter;
        this.rng = rng;
    }

    /** The next epoch: draws its offset (and shuffle) and cuts the corpus into minibatches. */
    public Epoch nextEpoch() {
        int offset = rng.nextInt(maxOffset(numSteps, useRandomIter) + 1);
        List<Minibatch> batches = useRandomIter
                ? SeqDataIter.seqDataIterRandom(corpus, batchSize, numSteps, offset, rng)
                : SeqDataIter.seqDataIterSequential(corpus, batchSize, numSteps, offset);
        return new Epoch(offset, useRandomIter, batches);
    }

    /** Rows per minibatch. */
    public int batchSize() {
        return batchSize;
    }

    /** Time steps per row. */
    public int numSteps() {
        return numSteps;
    }

    /** Whether epochs are cut by random iteration. */
    public boolean useRandomIter() {
        return useRandomIter;
    }

    private static int maxOffset(int numSteps, boolean useRandomIter) {
        return useRandomIter ? numSteps - 1 : numSteps;
    }
}
