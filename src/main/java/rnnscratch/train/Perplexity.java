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
     * @param lossSum Σ over minibatches of (mean loss of the minibatch × tokens in it)
     * @param count   Σ of the tokens
     */
    public static double perplexity(double lossSum, long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("perplexity: needs at least one token, got " + count);
        }
        return Math.exp(lossSum / count);
    }
}
