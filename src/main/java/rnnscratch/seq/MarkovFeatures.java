package rnnscratch.seq;

import java.util.Arrays;

/**
 * Features under the Markov assumption of order {@code τ} (马尔可夫假设): to predict {@code x_t} look only at the
 * {@code τ} values before it. Row {@code i} of the features is the window {@code (x_i, …, x_{i+τ−1})} and its label
 * is the next value {@code x_{i+τ}} (0-based indices into the series of length {@code L}), for {@code i = 0, …, L − τ − 1}.
 *
 * <p>The book builds the same matrix column by column: {@code features[:, i] = x[i : L − τ + i]},
 * {@code labels = x[τ:].reshape((-1, 1))}.
 *
 * <p>Docs: docs/sequence-models.md
 *
 * @param tau the order {@code τ} of the Markov assumption
 * @param features {@code double[L − τ][τ]}
 * @param labels {@code double[L − τ][1]}
 */
public record MarkovFeatures(int tau, double[][] features, double[][] labels) {
    /** Checks that there is one label per row of {@code τ} features. */
    public MarkovFeatures {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException("MarkovFeatures: " + features.length + " feature rows vs "
                    + labels.length + " labels (need equal, non-zero)");
        }
    }

    /**
     * The {@code τ}-windows of {@code x} and the value after each.
     *
     * @param x the series, {@code double[L]} with {@code L > τ}
     * @param tau the window length {@code τ ≥ 1}
     */
    public static MarkovFeatures of(double[] x, int tau) {
        if (tau < 1 || x.length <= tau) {
            throw new IllegalArgumentException("MarkovFeatures.of: a series of length " + x.length
                    + " has no windows of τ = " + tau + " followed by a label (need 1 ≤ τ < L, the series' length)");
        }
        int rows = x.length - tau;
        var features = new double[rows][];
        var labels = new double[rows][];
        for (int i = 0; i < rows; i++) {
            features[i] = Arrays.copyOfRange(x, i, i + tau);
            labels[i] = new double[] {x[i + tau]};
        }
        return new MarkovFeatures(tau, features, labels);
    }

    /** The number of (window, label) pairs, {@code L − τ}. */
    public int size() {
        return features.length;
    }

    /** The first {@code n} pairs (the book's training set {@code features[:n_train]}, {@code n_train = 600}). */
    public MarkovFeatures firstRows(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("MarkovFeatures.firstRows: " + n + " of " + size() + " rows");
        }
        return new MarkovFeatures(tau, Arrays.copyOf(features, n), Arrays.copyOf(labels, n));
    }
}
