package rnnscratch.exercises;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import rnnscratch.text.Minibatch;

/**
 * Exercise 06 — random partitioning (随机采样), the book's {@code seq_data_iter_random}.
 *
 * <p>Skip {@code offset} tokens and cut the rest into {@code numSubseqs = ⌊(len − offset − 1) / numSteps⌋}
 * subsequences that do not overlap: subsequence {@code j} starts at {@code offset + j·numSteps}. Shuffle the list of
 * starts {@code [0, numSteps, 2·numSteps, …]} once, with the JDK's shuffle of a list and the generator
 * {@code shuffle} you are given, then take them {@code batchSize} at a time: each minibatch row is one subsequence ({@code x}) and the same tokens one later
 * ({@code y}). Neighbouring minibatches do not continue each other. Leftover subsequences are dropped.
 *
 * <p>Shapes: the corpus is {@code int[len]}; each minibatch is {@code x, y: int[batchSize][numSteps]}; there are
 * {@code ⌊numSubseqs / batchSize⌋} of them.
 *
 * <p>Docs: docs/text-pipeline.md#exercises
 */
public final class Ex06RandomPartitioning {
    private Ex06RandomPartitioning() {}

    /**
     * The epoch's minibatches ({@code offset} in {@code [0, numSteps − 1]}; the corpus is long enough). Shuffle a list
     * of the {@code numSubseqs} starts exactly once, with the JDK's list shuffle and {@code shuffle}, so that the same
     * seed gives the library's order.
     */
    public static List<Minibatch> seqDataIterRandom(int[] corpus, int batchSize, int numSteps, int offset,
            Random shuffle) {
        throw new UnsupportedOperationException("Exercise 06 (random partitioning): write seqDataIterRandom, the minibatches of random sampling — read docs/text-pipeline.md#exercises");
    }
}
