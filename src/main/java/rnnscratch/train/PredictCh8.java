package rnnscratch.train;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;

/**
 * The book's {@code predict_ch8(prefix, num_preds, net, vocab)}: text in, text out. The prefix is split into tokens,
 * looked up in the vocabulary, continued by {@link Predict#predictIds} and turned back into text.
 *
 * <p>Docs: docs/training.md#predicting
 */
public final class PredictCh8 {
    private PredictCh8() {}

    /** {@code predict_ch8} as a value, for {@link Ch8Options#predictCh8()}. */
    @FunctionalInterface
    public interface Fn {
        /** @return the prefix followed by {@code numPreds} predicted tokens */
        String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab);
    }

    /**
     * Character-level generation, as the book: {@code prefix} is split into characters (Unicode code points) and
     * the result is the prefix followed by {@code numPreds} greedily predicted characters.
     */
    public static String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        return predict(prefix, numPreds, net, vocab, TokenKind.CHAR, Predict.GREEDY);
    }

    /**
     * Generation for either kind of token: characters are joined with nothing, words with one space; a word prefix
     * is split at white space.
     *
     * @param next how each next token is chosen ({@link Predict#GREEDY} as the book)
     */
    public static String predict(String prefix, int numPreds, RNNModelScratch net, Vocab vocab, TokenKind token,
            Predict.NextToken next) {
        return switch (token) {
            case CHAR -> String.join("", predictTokens(prefix.codePoints().mapToObj(Character::toString).toList(),
                    numPreds, net, vocab, next));
            case WORD -> String.join(" ", predictTokens(List.of(prefix.trim().split("\\s+")), numPreds, net, vocab,
                    next));
        };
    }

    /**
     * Token-level generation: the prefix tokens followed by {@code numPreds} predicted tokens. Prefix tokens that are
     * not in the vocabulary are fed as {@code <unk>} but returned as given.
     */
    public static List<String> predictTokens(List<String> prefix, int numPreds, RNNModelScratch net, Vocab vocab,
            Predict.NextToken next) {
        int[] ids = Predict.predictIds(vocab.indices(prefix), numPreds, net, next);
        var tokens = new ArrayList<String>(prefix);
        for (int i = prefix.size(); i < ids.length; i++) {
            tokens.add(vocab.tokenAt(ids[i]));
        }
        return tokens;
    }

    /** Greedy token-level generation, as the book. */
    public static List<String> predictTokens(List<String> prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        return predictTokens(prefix, numPreds, net, vocab, Predict.GREEDY);
    }
}
