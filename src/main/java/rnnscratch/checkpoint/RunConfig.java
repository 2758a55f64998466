package rnnscratch.checkpoint;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TokenKind;

/**
 * The settings of the run that trained a checkpoint, as its {@code config.txt} records them ({@code key=value}
 * lines), so that a run can be continued and described.
 *
 * <p>Docs: docs/file-formats.md
 *
 * @param token      characters or words
 * @param preprocess the book's letters-only preprocessing, or every character kept
 * @param hiddens    hidden units H
 * @param batchSize  sequences per minibatch
 * @param numSteps   time steps per sequence
 * @param lr         learning rate
 * @param theta      clipping threshold θ ({@code +∞}: none)
 * @param randomIter random iteration instead of sequential
 * @param seed       seed of the run's random generator
 * @param epochsDone epochs trained so far, those of earlier runs it continued included
 * @param corpus     the corpus' human name
 * @param maxTokens  tokens kept after the vocabulary was built, or -1 for all
 */
public record RunConfig(TokenKind token, Preprocess preprocess, int hiddens, int batchSize, int numSteps, double lr,
        double theta, boolean randomIter, long seed, int epochsDone, String corpus, int maxTokens) {

    /**
     * The {@code config.txt} entries in the order written: token, preprocess, hiddens, batch_size, num_steps, lr,
     * theta, iter, seed, epochs_done, corpus, max_tokens.
     */
    public Map<String, String> toMap() {
        var config = new LinkedHashMap<String, String>();
        config.put("token", token.name().toLowerCase(Locale.ROOT));
        config.put("preprocess", preprocess.name().toLowerCase(Locale.ROOT));
        config.put("hiddens", String.valueOf(hiddens));
        config.put("batch_size", String.valueOf(batchSize));
        config.put("num_steps", String.valueOf(numSteps));
        config.put("lr", number(lr));
        config.put("theta", Double.isInfinite(theta) ? "none" : number(theta));
        config.put("iter", randomIter ? "random" : "sequential");
        config.put("seed", String.valueOf(seed));
        config.put("epochs_done", String.valueOf(epochsDone));
        config.put("corpus", corpus);
        config.put("max_tokens", String.valueOf(maxTokens));
        return config;
    }

    /** A number as typed: {@code 1} rather than {@code 1.0}, {@code 0.5} as it is. */
    public static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
