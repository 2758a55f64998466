package rnnscratch.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import rnnscratch.UserException;

/**
 * The book's two ways of cutting a corpus into minibatches of subsequences (d2l 8.3.4), one epoch at a time.
 *
 * <p>Both take the epoch's random {@code offset} as an argument, so an epoch can be replayed exactly; {@link
 * SeqDataLoader} draws a new one every epoch. In every minibatch {@code y} is {@code x} shifted by one token.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class SeqDataIter {
    private SeqDataIter() {}

    /**
     * {@code seq_data_iter_sequential}: neighbouring minibatches continue each other, row by row.
     *
     * <p>Skip {@code offset} tokens, keep {@code numTokens = ⌊(len − offset − 1) / batchSize⌋ · batchSize} of the
     * rest, lay them out as {@code batchSize} rows of {@code numTokens / batchSize} tokens, and walk the columns
     * {@code numSteps} at a time: row {@code i} of minibatch {@code k + 1} starts where row {@code i} of minibatch
     * {@code k} ended. That gives {@code ⌊numTokens / batchSize / numSteps⌋} minibatches; leftover columns are
     * dropped.
     *
     * @param corpus token indices, {@code int[len]}
     * @param offset tokens skipped at the start, in {@code [0, numSteps]} (the book draws
     *               {@code random.randint(0, num_steps)})
     * @return the epoch's minibatches, each {@code int[batchSize][numSteps]}
     * @throws UserException if a size is below 1 or the corpus is too short for one minibatch
     */
    public static List<Minibatch> seqDataIterSequential(int[] corpus, int batchSize, int numSteps, int offset) {
        requireSizes(batchSize, numSteps);
        requireOffset("seqDataIterSequential", offset, 0, numSteps);
        requireLongEnough(corpus.length, batchSize, numSteps, offset);
        int rowLength = (corpus.length - offset - 1) / batchSize;
        int numBatches = rowLength / numSteps;
        var batches = new ArrayList<Minibatch>(numBatches);
        for (int k = 0; k < numBatches; k++) {
            int column = k * numSteps;
            batches.add(minibatch(corpus, numSteps,
                    IntStream.range(0, batchSize).map(i -> offset + i * rowLength + column).toArray()));
        }
        return List.copyOf(batches);
    }

    /**
     * {@code seq_data_iter_random}: minibatches of subsequences taken from random places.
     *
     * <p>Skip {@code offset} tokens, cut the rest into {@code numSubseqs = ⌊(len − offset − 1) / numSteps⌋}
     * non-overlapping subsequences starting at {@code offset + j · numSteps}, shuffle their starts with
     * {@code Collections.shuffle(starts, shuffle)}, and take them {@code batchSize} at a time: {@code
     * ⌊numSubseqs / batchSize⌋} minibatches, leftover subsequences dropped.
     *
     * @param corpus  token indices, {@code int[len]}
     * @param offset  tokens skipped at the start, in {@code [0, numSteps − 1]} (the book draws
     *                {@code random.randint(0, num_steps - 1)})
     * @param shuffle the generator that shuffles the subsequence starts
     * @return the epoch's minibatches, each {@code int[batchSize][numSteps]}
     * @throws UserException if a size is below 1 or the corpus is too short for one minibatch
     */
    public static List<Minibatch> seqDataIterRandom(int[] corpus, int batchSize, int numSteps, int offset,
                                                    Random shuffle) {
        requireSizes(batchSize, numSteps);
        requireOffset("seqDataIterRandom", offset, 0, numSteps - 1);
        requireLongEnough(corpus.length, batchSize, numSteps, offset);
        int numSubseqs = (corpus.length - offset - 1) / numSteps;
        var starts = new ArrayList<>(IntStream.range(0, numSubseqs).mapToObj(j -> j * numSteps).toList());
        Collections.shuffle(starts, shuffle);
        return seqDataIterRandom(corpus, batchSize, numSteps, offset,
                starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code seq_data_iter_random} with the shuffled starts given, to replay an epoch whose order was drawn
     * elsewhere (by Python's {@code random.shuffle}, say).
     *
     * @param starts the subsequence starts in the order they are used, relative to {@code offset} (the book's
     *               shuffled {@code initial_indices}); only the first {@code ⌊starts.length / batchSize⌋ ·
     *               batchSize} are used
     * @return the epoch's minibatches, each {@code int[batchSize][numSteps]}
     * @throws IllegalArgumentException if a subsequence would run past the end of the corpus
     */
    public static List<Minibatch> seqDataIterRandom(int[] corpus, int batchSize, int numSteps, int offset,
                                                    int[] starts) {
        requireSizes(batchSize, numSteps);
        int numBatches = starts.length / batchSize;
        var batches = new ArrayList<Minibatch>(numBatches);
        for (int k = 0; k < numBatches; k++) {
            var rowStarts = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                long start = (long) offset + starts[k * batchSize + i];
                if (start < 0 || start + numSteps + 1 > corpus.length) {
                    throw new IllegalArgumentException("seqDataIterRandom: subsequence start " + start + " of "
                            + numSteps + " steps does not fit a corpus of " + corpus.length + " tokens");
                }
                rowStarts[i] = (int) start;
            }
            batches.add(minibatch(corpus, numSteps, rowStarts));
        }
        return List.copyOf(batches);
    }

    /**
     * Checks the corpus gives at least one minibatch for every offset up to {@code maxOffset}: both iterators need
     * {@code len ≥ batchSize · numSteps + offset + 1} tokens.
     *
     * @throws CorpusTooShortException naming the sizes if it does not
     */
    static void requireLongEnough(int length, int batchSize, int numSteps, int maxOffset) {
        long needed = (long) batchSize * numSteps + maxOffset + 1;
        if (length < needed) {
            throw new CorpusTooShortException(length, batchSize, numSteps, needed);
        }
    }

    /** @throws UserException naming both sizes if either is below 1 */
    static void requireSizes(int batchSize, int numSteps) {
        if (batchSize < 1 || numSteps < 1) {
            throw new UserException("batch size " + batchSize + " and num steps " + numSteps + " must both be at "
                    + "least 1");
        }
    }

    private static void requireOffset(String operation, int offset, int min, int max) {
        if (offset < min || offset > max) {
            throw new IllegalArgumentException(operation + ": offset " + offset + " is outside [" + min + ", " + max
                    + "]");
        }
    }

    /** The minibatch whose row {@code i} is {@code corpus[rowStarts[i] ..]}, {@code numSteps} long, and y one later. */
    private static Minibatch minibatch(int[] corpus, int numSteps, int[] rowStarts) {
        var x = new int[rowStarts.length][];
        var y = new int[rowStarts.length][];
        for (int i = 0; i < rowStarts.length; i++) {
            x[i] = Arrays.copyOfRange(corpus, rowStarts[i], rowStarts[i] + numSteps);
            y[i] = Arrays.copyOfRange(corpus, rowStarts[i] + 1, rowStarts[i] + 1 + numSteps);
        }
        return new Minibatch(x, y);
    }
}
