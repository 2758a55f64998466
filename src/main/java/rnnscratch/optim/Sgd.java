package rnnscratch.optim;

import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * The book's {@code sgd}: minibatch stochastic gradient descent, in place.
 * <pre>  param ← param − lr · grad / batchSize,   then grad ← 0</pre>
 * The RNN's loss is already a mean over the minibatch, so the training loop passes {@code batchSize = 1}.
 *
 * <p>Docs: docs/training.md
 */
public final class Sgd {
    private Sgd() {}

    /** Updates every parameter in place and zeroes its gradient. */
    public static void sgd(List<Tensor> params, double lr, int batchSize) {
        step(params, lr, batchSize);
        params.forEach(Tensor::zeroGrad);
    }

    /**
     * {@code param ← param − lr · grad / batchSize} for every parameter, in place, keeping the gradients: the update
     * alone, shared with {@link SgdOptimizer#step()} ({@code batchSize = 1}).
     */
    static void step(List<Tensor> params, double lr, int batchSize) {
        for (Tensor p : params) {
            double[][] value = p.value();
            double[][] grad = p.grad();
            for (int i = 0; i < value.length; i++) {
                double[] v = value[i];
                double[] g = grad[i];
                for (int j = 0; j < v.length; j++) {
                    v[j] -= lr * g[j] / batchSize;
                }
            }
        }
    }
}
