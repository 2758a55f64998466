package rnnscratch.text;

import java.util.List;

/**
 * One epoch's minibatches and the random offset they were cut with, so that the epoch can be logged and replayed.
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param offset        the tokens skipped at the start of the corpus this epoch: in {@code [0, numSteps]} for
 *                      sequential iteration, {@code [0, numSteps − 1]} for random iteration (whose shuffle is not
 *                      captured by the offset alone)
 * @param useRandomIter which iterator cut the batches: {@link SeqDataIter#seqDataIterRandom} if true, else
 *                      {@link SeqDataIter#seqDataIterSequential}
 * @param batches       the minibatches, each {@code int[batchSize][numSteps]}; at least one
 */
public record Epoch(int offset, boolean useRandomIter, List<Minibatch> batches) {
    /** Copies {@code batches} into an unmodifiable list. */
    public Epoch {
        batches = List.copyOf(batches);
    }
}
