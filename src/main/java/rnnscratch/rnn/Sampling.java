package rnnscratch.rnn;

import java.util.Random;

/**
 * Generation by sampling, as d2l 8.5's exercise 3 asks: instead of always taking the most likely next token (greedy,
 * as {@code predict_ch8} does — which is why a young model says "the the the"), draw it from the model's
 * distribution, sharpened or flattened by a temperature {@code κ > 0}:
 * <pre>
 *   P(next = j) = softmax(o / κ)_j = exp(o_j / κ) / Σ_k exp(o_k / κ)
 * </pre>
 * {@code κ = 1} samples from the model's own softmax; {@code κ < 1} sharpens it, and as {@code κ → 0} all the mass
 * goes to the largest score, so sampling becomes greedy; {@code κ > 1} flattens it towards uniform. (The book's
 * {@code P^α} is {@code κ = 1/α}.) The draws come
 * from the given generator, so a seed repeats them.
 *
 * <p>Docs: docs/applications.md#generation-by-sampling
 */
public final class Sampling {
    private Sampling() {}

    /**
     * A generator for sampling from a seed (the command line's seed). {@code new Random(seed)} would do, but the
     * first numbers of {@code java.util.Random} hardly differ between nearby seeds (seeds 1 to 7 all start near
     * 0.73), so seeds 1, 2, 3 would all draw the same first token; the seed is first scrambled with SplitMix64's
     * mixing function, which spreads nearby seeds far apart.
     */
    public static Random generator(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** A {@link Predict.NextToken} that samples from {@code softmax(o / temperature)} with {@code rng}. */
    public static Predict.NextToken withTemperature(double temperature, Random rng) {
        requireTemperature(temperature);
        return logits -> sample(logits, temperature, rng);
    }

    /**
     * {@code softmax(o / κ)}, computed stably as {@code exp((o_j − max o) / κ)} normalised: {@code double[V]}, summing
     * to 1.
     */
    public static double[] softmaxWithTemperature(double[] logits, double temperature) {
        requireTemperature(temperature);
        double max = Double.NEGATIVE_INFINITY;
        for (double o : logits) {
            max = Math.max(max, o);
        }
        var p = new double[logits.length];
        double sum = 0.0;
        for (int j = 0; j < logits.length; j++) {
            p[j] = Math.exp((logits[j] - max) / temperature);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /**
     * One draw from {@code softmax(o / κ)}: the first {@code j} whose cumulative probability exceeds a uniform
     * {@code u} in {@code [0, 1)} from {@code rng}.
     *
     * @return an id in {@code [0, V)}
     */
    public static int sample(double[] logits, double temperature, Random rng) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("sample: no scores to sample from");
        }
        double[] p = softmaxWithTemperature(logits, temperature);
        double u = rng.nextDouble();
        double cumulative = 0.0;
        int last = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) {
                cumulative += p[j];
                last = j;
                if (u < cumulative) {
                    return j;
                }
            }
        }
        return last; // u fell in the rounding gap above the last cumulative sum
    }

    private static void requireTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("sampling: the temperature must be a finite number > 0, got "
                    + temperature);
        }
    }
}
