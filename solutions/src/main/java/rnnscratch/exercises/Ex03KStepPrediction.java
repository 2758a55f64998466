package rnnscratch.exercises;

import rnnscratch.seq.AutoregressiveModel;

/**
 * Exercise 03 — k-step-ahead prediction (k步预测): how errors compound when a model reads its own predictions.
 *
 * <p>From every window of τ observations predict 1, 2, …, {@code maxSteps} steps ahead, feeding each prediction back
 * in as if it were an observation. The book keeps all of it in one matrix: row {@code r} starts with the
 * observations {@code x[r], …, x[r+τ−1]} (columns {@code 0 … τ−1}); every later column {@code i} is the model applied
 * to the τ columns before it:
 * <pre>
 *   features[r][i] = x[r + i]                                      for i &lt; τ
 *   features[r][i] = net(features[r][i−τ], …, features[r][i−1])    for τ ≤ i &lt; τ + maxSteps
 * </pre>
 * Column {@code τ + k − 1} then holds the k-step-ahead predictions of {@code x[r + τ + k − 1]}; their mean squared
 * error grows with k.
 *
 * <p>Shapes: the series {@code double[L]}; the matrix {@code double[L − τ − maxSteps + 1][τ + maxSteps]};
 * {@code net.predict} takes {@code double[batch][τ]} windows and gives {@code double[batch][1]}.
 *
 * <p>Docs: docs/sequence-models.md#exercises
 */
public final class Ex03KStepPrediction {
    private Ex03KStepPrediction() {}

    /** The book's k-step matrix for {@code k = 1 … maxSteps} ({@code τ = net.tau()}, {@code 1 ≤ maxSteps ≤ L − τ}). */
    public static double[][] kStep(AutoregressiveModel net, double[] x, int maxSteps) {
        // BEGIN SOLUTION
        int tau = net.tau();
        int rows = x.length - tau - maxSteps + 1;
        var features = new double[rows][tau + maxSteps];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r, features[r], 0, tau);
        }
        for (int i = tau; i < tau + maxSteps; i++) {
            var windows = new double[rows][tau];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(features[r], i - tau, windows[r], 0, tau);
            }
            double[][] next = net.predict(windows);
            for (int r = 0; r < rows; r++) {
                features[r][i] = next[r][0];
            }
        }
        return features;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 03 (k-step prediction): write kStep, the book's k-step matrix in which the model reads its own predictions — read docs/sequence-models.md#exercises");
    }

    /**
     * The mean squared error of the k-step-ahead predictions (column {@code τ + k − 1} of {@link #kStep}'s matrix)
     * against the values they predict, {@code x[r + τ + k − 1]} for every row {@code r}.
     */
    public static double kStepMse(double[][] kStepFeatures, double[] x, int tau, int k) {
        // BEGIN SOLUTION
        double sum = 0;
        for (int r = 0; r < kStepFeatures.length; r++) {
            double d = kStepFeatures[r][tau + k - 1] - x[r + tau + k - 1];
            sum += d * d;
        }
        return sum / kStepFeatures.length;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 03 (k-step prediction): write kStepMse, the mean squared error of the k-step-ahead predictions — read docs/sequence-models.md#exercises");
    }
}
