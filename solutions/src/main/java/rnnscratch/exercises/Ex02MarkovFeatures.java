package rnnscratch.exercises;

import rnnscratch.seq.MarkovFeatures;

/**
 * Exercise 02 — τ-order Markov features from a series (马尔可夫假设).
 *
 * <p>Under the Markov assumption of order τ, {@code x_t} depends only on the τ values before it, so a series turns
 * into a supervised data set: each window of τ consecutive values is one example, and the value right after it is
 * its label:
 * <pre>
 *   features[i] = (x[i], x[i+1], …, x[i+τ−1]),   labels[i] = x[i+τ],   i = 0 … L−τ−1
 * </pre>
 * (The book builds the same matrix column by column: {@code features[:, j] = x[j : L−τ+j]}.)
 *
 * <p>Shapes: the series is {@code double[L]}; the features {@code double[L−τ][τ]}; the labels
 * {@code double[L−τ][1]}, one label per row as the book's {@code x[τ:].reshape((-1, 1))}.
 *
 * <p>Docs: docs/sequence-models.md#exercises
 */
public final class Ex02MarkovFeatures {
    private Ex02MarkovFeatures() {}

    /** Every τ-window of {@code x} with the value after it ({@code 1 ≤ τ < L}). */
    public static MarkovFeatures markovFeatures(double[] x, int tau) {
        // BEGIN SOLUTION
        int rows = x.length - tau;
        var features = new double[rows][tau];
        var labels = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i, features[i], 0, tau);
            labels[i][0] = x[i + tau];
        }
        return new MarkovFeatures(tau, features, labels);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 02 (Markov features): write markovFeatures, every τ-window of the series with the value after it as its label — read docs/sequence-models.md#exercises");
    }
}
