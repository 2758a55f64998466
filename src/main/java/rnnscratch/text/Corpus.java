package rnnscratch.text;

import java.util.Arrays;
import java.util.List;
import rnnscratch.UserException;

/**
 * A text as token indices, with its vocabulary: the book's {@code corpus, vocab = load_corpus_time_machine()}.
 *
 * <p>Immutable: the constructor copies {@code ids} and {@link #ids()} returns a copy, so read it once and keep it.
 *
 * <p>Docs: docs/text-pipeline.md
 *
 * @param ids   the token indices of the whole text, lines joined with no separator, {@code int[numTokens]}
 * @param vocab the vocabulary the indices refer to
 */
public record Corpus(int[] ids, Vocab vocab) {
    /** The book's default {@code max_tokens} in {@code load_data_time_machine}. */
    public static final int DEFAULT_MAX_TOKENS = 10_000;

    /** Copies {@code ids}. */
    public Corpus {
        ids = ids.clone();
    }

    /** A copy of the token indices, {@code int[numTokens]}. */
    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** The number of tokens. */
    public int numTokens() {
        return ids.length;
    }

    /**
     * The book's {@code load_corpus_time_machine(max_tokens)} for any preprocessed lines: tokenize, build the
     * vocabulary from the WHOLE text, map every token to its index, then keep the first {@code maxTokens} indices.
     *
     * @param lines     preprocessed lines (see {@link CorpusText#lines(Preprocess)})
     * @param token     characters or words
     * @param maxTokens how many tokens to keep, or -1 for all
     * @throws UserException if {@code maxTokens} is 0 or below -1
     */
    public static Corpus loadCorpus(List<String> lines, TokenKind token, int maxTokens) {
        if (maxTokens == 0 || maxTokens < -1) {
            throw new UserException("max tokens " + maxTokens + " is not a corpus size: use a count >= 1, or -1 for "
                    + "the whole text");
        }
        var tokens = Tokenize.tokenize(lines, token);
        var vocab = Vocab.of(tokens);
        var ids = tokens.stream().flatMap(List::stream).mapToInt(vocab::indexOf).toArray();
        return new Corpus(maxTokens > 0 && maxTokens < ids.length ? Arrays.copyOf(ids, maxTokens) : ids, vocab);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Corpus c && Arrays.equals(ids, c.ids) && vocab.equals(c.vocab);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + vocab.hashCode();
    }

    @Override
    public String toString() {
        return "Corpus[" + ids.length + " tokens, " + vocab + "]";
    }
}
