package rnnscratch.exercises;

import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * Exercise 13 — the {@code sgd} update (小批量随机梯度下降).
 *
 * <p>Minibatch stochastic gradient descent moves every parameter a small step against its gradient, then clears the
 * gradient for the next minibatch:
 * <pre>
 *   param ← param − lr · grad / batchSize
 *   grad ← 0
 * </pre>
 * Update the values in place, in {@code p.value()} itself (the array is shared with the model), then clear the
 * gradient. (The RNN's loss is already a mean, so the training loop calls this with
 * {@code batchSize = 1}.)
 *
 * <p>Shapes: any number of parameters; {@code p.grad()} has the shape of {@code p.value()}.
 *
 * <p>Docs: docs/training.md#exercises
 */
public final class Ex13Sgd {
    private Ex13Sgd() {}

    /** One update of every parameter in place, then its gradient set to zero. */
    public static void sgd(List<Tensor> params, double lr, int batchSize) {
        throw new UnsupportedOperationException("Exercise 13 (sgd): write sgd, one minibatch SGD step on every parameter — read docs/training.md#exercises");
    }
}
