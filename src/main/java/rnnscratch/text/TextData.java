package rnnscratch.text;

import java.util.List;
import java.util.Random;
import rnnscratch.UserException;

/**
 * What the book's {@code train_iter, vocab = load_data_time_machine(batch_size, num_steps)} returns (d2l 8.3.4).
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param dataIter the minibatch loader, one {@link Epoch} at a time
 * @param vocab    the vocabulary of the whole text
 */
public record TextData(SeqDataLoader dataIter, Vocab vocab) {

    /**
     * {@code load_data_time_machine} for any preprocessed lines: {@link Corpus#loadCorpus} then a
     * {@link SeqDataLoader} over its indices.
     *
     * @param lines         preprocessed lines (see {@link CorpusText#lines(Preprocess)})
     * @param token         characters (the book) or words
     * @param batchSize     rows per minibatch (the book: 32)
     * @param numSteps      time steps per row (the book: 35)
     * @param useRandomIter random iteration if true, sequential if false (the book's default)
     * @param maxTokens     tokens kept after the vocabulary is built, or -1 for all (the book: 10,000)
     * @param rng           the seeded generator every epoch's offset and shuffle are drawn from
     * @throws UserException if a size is bad or the corpus is too short for one minibatch
     */
    public static TextData loadDataTimeMachine(List<String> lines, TokenKind token, int batchSize, int numSteps,
                                               boolean useRandomIter, int maxTokens, Random rng) {
        var corpus = Corpus.loadCorpus(lines, token, maxTokens);
        return new TextData(new SeqDataLoader(corpus.ids(), batchSize, numSteps, useRandomIter, rng),
                corpus.vocab());
    }
}
