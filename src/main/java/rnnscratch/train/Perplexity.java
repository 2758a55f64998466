package rnnscratch.train;

/**
 * Perplexity (困惑度): the exponential of the average cross-entropy per token,
 * <pre>  PPL = exp(−(1/n) Σₜ log P(xₜ | xₜ₋₁, …, x₁)) = exp(Σ loss·count / Σ count)</pre>
 * 1 means the model is sure of every next token; V (the vocabulary size) is what uniform guessing gets; ∞ means it
 * gives the true tokens probability 0.
 *
 * <p>Docs: docs/perplexity.md
 */
public final class Perplexity {
    private Perplexity() {}

    /**
     * {@code exp(lossSum / count)}: the perplexity from the summed losses.
     *
     * @param lossSum Σ over minibatches of (mean loss of the minibatch × tokens in it)
     * @param count   Σ of the tokens
     */
    public static double perplexity(double lossSum, long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("perplexity: needs at least one token, got " + count);
        }
        return Math.exp(lossSum / count);
    }

    /**
     * The perplexity of an epoch from its minibatches, as {@code train_epoch_ch8} accumulates it: each minibatch's
     * mean loss weighted by its number of tokens, {@code exp(Σ meanLosses[i]·tokenCounts[i] / Σ tokenCounts[i])}.
     *
     * @param meanLosses  the mean cross-entropy of each minibatch, {@code double[minibatches]}
     * @param tokenCounts the tokens in each minibatch, {@code int[minibatches]}
     */
    public static double perplexity(double[] meanLosses, int[] tokenCounts) {
        if (meanLosses.length != tokenCounts.length) {
            throw new IllegalArgumentException("perplexity: " + meanLosses.length + " losses but "
                    + tokenCounts.length + " token counts (one of each per minibatch)");
        }
        double lossSum = 0.0;
        long count = 0;
        for (int i = 0; i < meanLosses.length; i++) {
            lossSum += meanLosses[i] * tokenCounts[i];
            count += tokenCounts[i];
        }
        return perplexity(lossSum, count);
    }
}
