package rnnscratch.exercises;

import java.util.Random;

/**
 * Exercise 18 — generation by sampling with a temperature (一对多, text generation; d2l 8.5, exercise 3).
 *
 * <p>Greedy generation always takes the most likely next token. Sampling draws it from the model's distribution
 * instead, sharpened or flattened by a temperature {@code κ > 0}:
 * <pre>
 *   p_j = softmax(o / κ)_j = exp(o_j / κ) / Σ_k exp(o_k / κ)
 * </pre>
 * With {@code κ = 1} this is the model's own softmax; as {@code κ → 0} the draw becomes the greedy choice; a large
 * {@code κ} makes every token nearly equally likely. Large scores divided by a small {@code κ} overflow {@code exp}:
 * compute it stably, as the library's softmax does.
 *
 * <p>One draw uses exactly one uniform number {@code u} in {@code [0, 1)} from the generator given (never a generator
 * of your own): the drawn token is the first {@code j} whose cumulative probability {@code p_0 + … + p_j} exceeds
 * {@code u}. So the same seed gives the same text, and the library's {@code Sampling} draws the same tokens. A token
 * of probability 0 is never drawn: when rounding leaves the sum of all {@code p_j} just below 1 and {@code u} above
 * it, the draw is the last token whose probability is not 0.
 *
 * <p>Shapes: {@code logits} is {@code double[V]} (one output row); the probabilities are {@code double[V]}; a draw is a
 * token id in {@code [0, V)}.
 *
 * <p>Docs: docs/applications.md#exercises
 */
public final class Ex18Sampling {
    private Ex18Sampling() {}

    /** {@code softmax(logits / temperature)}, {@code double[V]} summing to 1; {@code temperature > 0}. */
    public static double[] softmaxWithTemperature(double[] logits, double temperature) {
        throw new UnsupportedOperationException("Exercise 18 (sampling with a temperature): write softmaxWithTemperature, the distribution the next token is drawn from — read docs/applications.md#exercises");
    }

    /** One token id drawn from {@code softmax(logits / temperature)} with one {@code rng.nextDouble()}. */
    public static int sample(double[] logits, double temperature, Random rng) {
        throw new UnsupportedOperationException("Exercise 18 (sampling with a temperature): write sample, one draw of the next token — read docs/applications.md#exercises");
    }
}
