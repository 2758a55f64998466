package rnnscratch.rnn;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.tensor.Mat;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;

/**
 * The book's {@code predict_ch8}: generate text that continues a prefix, one greedy token at a time.
 *
 * <ol>
 *   <li>Start from a zero state for a batch of one.</li>
 *   <li>Warm-up: feed the prefix token by token, keeping the true next token (the outputs are ignored), so the state
 *       summarises the prefix.</li>
 *   <li>Predict: {@code numPreds} times, feed the last token and append the most likely next one
 *       ({@code argmax} of the output row).</li>
 * </ol>
 *
 * <p>Docs: docs/training.md
 */
public final class Predict {
    private Predict() {}

    /**
     * Character-level generation, as the book: {@code prefix} is split into characters (Unicode code points) and
     * the result is the prefix followed by {@code numPreds} predicted characters.
     */
    public static String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        var chars = prefix.codePoints().mapToObj(Character::toString).toList();
        return String.join("", predictTokens(chars, numPreds, net, vocab));
    }

    /**
     * Generation for either kind of token: characters are joined with nothing, words with one space; a word prefix
     * is split at white space.
     */
    public static String predict(String prefix, int numPreds, RNNModelScratch net, Vocab vocab, TokenKind token) {
        return switch (token) {
            case CHAR -> predictCh8(prefix, numPreds, net, vocab);
            case WORD -> String.join(" ", predictTokens(List.of(prefix.trim().split("\\s+")), numPreds, net, vocab));
        };
    }

    /**
     * Token-level generation (characters or words): the prefix tokens followed by {@code numPreds} predicted tokens.
     * Prefix tokens that are not in the vocabulary are fed as {@code <unk>} but returned as given.
     */
    public static List<String> predictTokens(List<String> prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("predictCh8: the prefix must hold at least one token");
        }
        if (numPreds < 0) {
            throw new IllegalArgumentException("predictCh8: numPreds must be >= 0, got " + numPreds);
        }
        RnnState state = net.beginState(1);
        var outputs = new ArrayList<String>(prefix);
        int last = vocab.indexOf(prefix.get(0));
        for (String y : prefix.subList(1, prefix.size())) {
            state = net.forward(new int[][] {{last}}, state).state();
            last = vocab.indexOf(y);
        }
        for (int i = 0; i < numPreds; i++) {
            Rnn.Output out = net.forward(new int[][] {{last}}, state);
            state = out.state();
            last = Mat.argmaxRows(out.outputs().value())[0];
            outputs.add(vocab.tokenAt(last));
        }
        return outputs;
    }
}
