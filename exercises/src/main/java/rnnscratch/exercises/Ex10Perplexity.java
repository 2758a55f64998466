package rnnscratch.exercises;

/**
 * Exercise 10 — perplexity from losses (困惑度).
 *
 * <p>A language model is judged by the average cross-entropy of the true next tokens, and perplexity is its
 * exponential:
 * <pre>
 *   PPL = exp( −(1/n) Σ_t log P(x_t | x_{t−1}, …, x_1) )
 * </pre>
 * 1 means the model is sure of every next token; uniform guessing over V tokens gives V. Training reports one mean
 * loss per minibatch, so the epoch's perplexity weights each mean by its number of tokens:
 * {@code exp(Σ loss·n / Σ n)}.
 *
 * <p>Shapes: {@code double[minibatches]} mean losses with {@code int[minibatches]} token counts; or
 * {@code double[n]} probabilities of the true tokens.
 *
 * <p>Docs: docs/perplexity.md#exercises
 */
public final class Ex10Perplexity {
    private Ex10Perplexity() {}

    /** {@code exp(Σ meanLosses[i]·tokenCounts[i] / Σ tokenCounts[i])}. */
    public static double perplexity(double[] meanLosses, int[] tokenCounts) {
        throw new UnsupportedOperationException("Exercise 10 (perplexity): write perplexity, the epoch's perplexity from each minibatch's mean loss — read docs/perplexity.md#exercises");
    }

    /** {@code exp(−(1/n) Σ log p_t)} for the probabilities {@code p_t} the model gave the true tokens. */
    public static double perplexityOfProbabilities(double[] probabilities) {
        throw new UnsupportedOperationException("Exercise 10 (perplexity): write perplexityOfProbabilities, the perplexity of the probabilities given to the true tokens — read docs/perplexity.md#exercises");
    }
}
