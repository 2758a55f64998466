package rnnscratch.exercises;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rnnscratch.text.Minibatch;

/**
 * Exercise 05 — sequential partitioning (顺序分区), the book's {@code seq_data_iter_sequential}.
 *
 * <p>Skip {@code offset} tokens; keep the next {@code numTokens = ⌊(len − offset − 1) / batchSize⌋ · batchSize}
 * tokens as {@code x} and the same tokens one later as {@code y}; lay each out as {@code batchSize} rows of
 * {@code numTokens / batchSize} tokens; then walk the columns {@code numSteps} at a time. Minibatch {@code k} holds
 * columns {@code k·numSteps … (k+1)·numSteps − 1}, so row {@code i} of minibatch {@code k + 1} continues row
 * {@code i} of minibatch {@code k}. Leftover columns are dropped.
 *
 * <p>Shapes: the corpus is {@code int[len]}; each minibatch is {@code x, y: int[batchSize][numSteps]}; there are
 * {@code ⌊numTokens / batchSize / numSteps⌋} of them.
 *
 * <p>Docs: docs/text-pipeline.md#exercises
 */
public final class Ex05SequentialPartitioning {
    private Ex05SequentialPartitioning() {}

    /** The epoch's minibatches, in order ({@code offset} in {@code [0, numSteps]}; the corpus is long enough). */
    public static List<Minibatch> seqDataIterSequential(int[] corpus, int batchSize, int numSteps, int offset) {
        throw new UnsupportedOperationException("Exercise 05 (sequential partitioning): write seqDataIterSequential, the minibatches of sequential partitioning — read docs/text-pipeline.md#exercises");
    }
}
