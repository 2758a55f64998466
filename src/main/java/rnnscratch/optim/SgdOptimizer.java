package rnnscratch.optim;

import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * Plain stochastic gradient descent as an optimiser object, with {@code torch.optim.SGD(params, lr)}'s semantics
 * (no momentum, no weight decay): {@link #step()} does {@code θ ← θ − lr·grad} for every parameter and leaves the
 * gradients as they are; {@link #zeroGrad()} clears them. The book's {@code train_ch8} uses it for a model made of
 * {@code nn} layers; with the same learning rate it computes exactly what {@code sgd(params, lr, 1)} does.
 *
 * <p>Docs: docs/training.md#two-kinds-of-updater
 */
public final class SgdOptimizer implements Optimizer {
    private final List<Tensor> params;
    private final double lr;

    /**
     * @param params the parameters to update (leaves made by {@link Tensor#param})
     * @param lr     the learning rate, {@code > 0}
     */
    public SgdOptimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("SgdOptimizer: no parameters to optimise");
        }
        if (!(lr > 0)) {
            throw new IllegalArgumentException("SgdOptimizer: the learning rate must be > 0, got " + lr);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    @Override
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /** {@code θ ← θ − lr·grad}, in place, for every parameter; the gradients are kept ({@link Sgd#step}). */
    @Override
    public void step() {
        Sgd.step(params, lr, 1);
    }
}
