package rnnscratch.seq;

import static rnnscratch.autograd.Ops.squaredError;
import static rnnscratch.autograd.Ops.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.optim.Adam;

/**
 * The book's training loop for the autoregressive model (d2l 8.1 {@code train} and {@code evaluate_loss}):
 * minibatches of shuffled (features, label) rows, the squared error {@code (ŷ − y)²} summed over the minibatch for
 * the backward pass, Adam for the update, and the mean squared error over all training rows reported after each
 * epoch.
 *
 * <p>Docs: docs/sequence-models.md
 */
public final class Training {
    private Training() {}

    /**
     * Trains {@code net} in place and returns the loss after each epoch, {@code double[epochs]}:
     * <pre>
     *   trainer = Adam(net.params(), lr)
     *   for each epoch, for each minibatch (X, y):
     *       trainer.zeroGrad(); sum((net(X) − y)²).backward(); trainer.step()
     *   loss[epoch] = evaluateLoss(net, features, labels)
     * </pre>
     *
     * @param features {@code double[n][τ]}
     * @param labels {@code double[n][1]}
     * @param rng shuffles the rows at the start of every epoch (the book's {@code load_array(…, is_train=True)})
     */
    public static double[] train(AutoregressiveModel net, double[][] features, double[][] labels, int epochs,
            double lr, int batchSize, Random rng) {
        if (epochs < 1) {
            throw new IllegalArgumentException("train: " + epochs + " epochs (need at least 1)");
        }
        checkData("train", net, features, labels);
        var trainer = new Adam(net.params(), lr);
        var losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] batch : loadArray(features.length, batchSize, rng)) {
                trainer.zeroGrad();
                Tensor l = squaredError(net.forward(Tensor.constant(rows(features, batch))),
                        Tensor.constant(rows(labels, batch)));
                sum(l).backward();
                trainer.step();
            }
            losses[epoch] = evaluateLoss(net, features, labels);
        }
        return losses;
    }

    /**
     * The mean squared error {@code (1/n) Σᵢ (net(xᵢ) − yᵢ)²} over all rows, without recording history (the book's
     * {@code evaluate_loss}: the sum of the per-example losses over their count).
     *
     * @param features {@code double[n][τ]}
     * @param labels {@code double[n][1]}
     */
    public static double evaluateLoss(AutoregressiveModel net, double[][] features, double[][] labels) {
        checkData("evaluateLoss", net, features, labels);
        double[][] diff = Mat.sub(net.predict(features), labels);
        return Mat.sumSquares(diff) / labels.length;
    }

    /**
     * The row indices of one epoch's minibatches: {@code 0, …, n − 1} shuffled (Fisher–Yates with {@code rng}) and
     * cut into pieces of {@code batchSize}; the last piece keeps the remainder, as PyTorch's {@code DataLoader}
     * without {@code drop_last}.
     */
    public static List<int[]> loadArray(int n, int batchSize, Random rng) {
        if (n < 1 || batchSize < 1) {
            throw new IllegalArgumentException("loadArray: " + n + " rows in batches of " + batchSize);
        }
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        var batches = new ArrayList<int[]>();
        for (int start = 0; start < n; start += batchSize) {
            batches.add(java.util.Arrays.copyOfRange(order, start, Math.min(n, start + batchSize)));
        }
        return batches;
    }

    private static double[][] rows(double[][] a, int[] idx) {
        var r = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            r[i] = a[idx[i]];
        }
        return r;
    }

    private static void checkData(String op, AutoregressiveModel net, double[][] features, double[][] labels) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException(op + ": " + features.length + " feature rows vs " + labels.length
                    + " labels (need equal, non-zero)");
        }
        if (features[0].length != net.tau() || labels[0].length != 1) {
            throw new IllegalArgumentException(op + ": features (" + features.length + "x" + features[0].length
                    + ") and labels (" + labels.length + "x" + labels[0].length + ") for a model reading τ = "
                    + net.tau() + " values and predicting 1");
        }
    }
}
