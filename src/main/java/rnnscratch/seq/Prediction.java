package rnnscratch.seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The book's three ways of predicting the sine wave with a trained autoregressive model, and how errors compound.
 * <ul>
 *   <li>{@link #oneStep}: every prediction reads true observations, {@code x̂_t = f(x_{t−τ}, …, x_{t−1})};</li>
 *   <li>{@link #multiStep}: after the first {@code n_train + τ} observations the model reads its own predictions,
 *       {@code x̂_t = f(x̂_{t−τ}, …, x̂_{t−1})}, for the whole rest of the series;</li>
 *   <li>{@link #kStep}: from every window of {@code τ} observations, predict {@code 1, 2, …, maxSteps} steps ahead,
 *       feeding predictions back; column {@code τ + k − 1} holds the {@code k}-step-ahead predictions.</li>
 * </ul>
 * Series are 0-based arrays: index {@code i} is time step {@code i + 1}.
 *
 * <p>Docs: docs/sequence-models.md
 */
public final class Prediction {
    private Prediction() {}

    /**
     * The mean squared error of the {@code k}-step-ahead predictions.
     *
     * @param k how many steps ahead
     * @param mse the mean of {@code (x̂ − x)²} over all times predicted {@code k} steps ahead
     */
    public record KStepError(int k, double mse) {}

    /**
     * One-step-ahead predictions ({@code onestep_preds = net(features)}): row {@code i} predicts {@code x[i + τ]}.
     *
     * @param features {@code double[n][τ]}, e.g. {@link MarkovFeatures#features()} of the whole series
     * @return {@code double[n]}
     */
    public static double[] oneStep(AutoregressiveModel net, double[][] features) {
        return column(net.predict(features), 0);
    }

    /**
     * Multi-step predictions: a copy of {@code x} whose first {@code known} values (the book: {@code n_train + τ =
     * 604}) are the observations and
     * whose every later value {@code i} is {@code net} applied to the {@code τ} values before it, predictions
     * included ({@code multistep_preds[i] = net(multistep_preds[i − τ:i])}).
     *
     * @param x the series, {@code double[L]}
     * @param known how many observations to start from ({@code n_train + τ = 604} in the book)
     * @return {@code double[L]}
     */
    public static double[] multiStep(AutoregressiveModel net, double[] x, int known) {
        int tau = net.tau();
        if (known < tau || known > x.length) {
            throw new IllegalArgumentException("multiStep: start from " + known + " of " + x.length
                    + " observations (need τ = " + tau + " ≤ known ≤ L, the series' length)");
        }
        var preds = new double[x.length];
        System.arraycopy(x, 0, preds, 0, known);
        for (int i = known; i < x.length; i++) {
            preds[i] = net.predict(new double[][] {Arrays.copyOfRange(preds, i - tau, i)})[0][0];
        }
        return preds;
    }

    /**
     * The book's k-step feature matrix, {@code double[L − τ − maxSteps + 1][τ + maxSteps]}: columns
     * {@code 0 … τ − 1} are observations, {@code features[:, i] = x[i : i + rows]}; each later column {@code i} is
     * {@code net} applied to the {@code τ} columns before it. Row {@code r}, column {@code τ + k − 1} is the
     * {@code k}-step-ahead prediction of {@code x[r + τ + k − 1]}.
     *
     * @param x the series, {@code double[L]}
     * @param maxSteps the largest {@code k}, {@code ≥ 1}
     */
    public static double[][] kStep(AutoregressiveModel net, double[] x, int maxSteps) {
        int tau = net.tau();
        int rows = x.length - tau - maxSteps + 1;
        if (maxSteps < 1 || rows < 1) {
            throw new IllegalArgumentException("kStep: " + maxSteps + " steps ahead from windows of τ = " + tau
                    + " in a series of " + x.length + " (need 1 ≤ maxSteps ≤ L − τ, L the series' length)");
        }
        var features = new double[rows][tau + maxSteps];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r, features[r], 0, tau);
        }
        var window = new double[rows][tau];
        for (int i = tau; i < tau + maxSteps; i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(features[r], i - tau, window[r], 0, tau);
            }
            double[][] next = net.predict(window);
            for (int r = 0; r < rows; r++) {
                features[r][i] = next[r][0];
            }
        }
        return features;
    }

    /** The {@code k}-step-ahead predictions from a {@link #kStep} matrix: its column {@code τ + k − 1}. */
    public static double[] kStepPreds(double[][] kStepFeatures, int tau, int k) {
        int maxSteps = kStepFeatures[0].length - tau;
        if (k < 1 || k > maxSteps) {
            throw new IllegalArgumentException("kStepPreds: k = " + k + " but the matrix holds 1 to " + maxSteps
                    + " steps ahead");
        }
        return column(kStepFeatures, tau + k - 1);
    }

    /**
     * The mean squared error of the {@code k}-step-ahead predictions for every {@code k} in {@code steps}, against
     * the true {@code x} at the times they predict ({@code x[r + τ + k − 1]} for row {@code r}).
     *
     * @param x the series the {@link #kStep} matrix was built from
     */
    public static List<KStepError> kStepErrors(double[][] kStepFeatures, double[] x, int tau, int... steps) {
        var errors = new ArrayList<KStepError>();
        for (int k : steps) {
            double[] preds = kStepPreds(kStepFeatures, tau, k);
            errors.add(new KStepError(k, mse(preds, Arrays.copyOfRange(x, tau + k - 1, tau + k - 1 + preds.length))));
        }
        return List.copyOf(errors);
    }

    /** The mean of {@code (a − b)²} over equally long arrays. */
    public static double mse(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("mse: " + a.length + " vs " + b.length + " values (need equal, non-zero)");
        }
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    private static double[] column(double[][] a, int j) {
        if (j < 0 || j >= a[0].length) {
            throw new IllegalArgumentException("column " + j + " of a matrix with " + a[0].length + " columns");
        }
        var c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][j];
        }
        return c;
    }
}
