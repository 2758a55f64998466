package rnnscratch.optim;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * The Adam optimiser ({@code torch.optim.Adam}), with bias correction. For every parameter {@code θ} with gradient
 * {@code g}, step {@code t = 1, 2, …} computes
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − lr · m̂ / (√v̂ + ε)
 * </pre>
 * element-wise, with {@code m} and {@code v} starting at zero. PyTorch's defaults are {@code β₁ = 0.9},
 * {@code β₂ = 0.999}, {@code ε = 1e-8} ({@link #Adam(List, double)}).
 *
 * <p>{@link #step()} does <strong>not</strong> zero the gradients: call {@link #zeroGrad()} before each
 * {@code backward()}, exactly where d2l calls {@code trainer.zero_grad()}. The parameters are updated in place
 * through {@link Tensor#value()}, so a model holding them sees the new values at once.
 *
 * <p>Docs: docs/sequence-models.md
 */
public final class Adam implements Optimizer {
    private final List<Tensor> params;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final List<double[][]> m = new ArrayList<>();
    private final List<double[][]> v = new ArrayList<>();
    private int t;

    /**
     * @param params the parameters to update (leaves made by {@link Tensor#param})
     * @param lr the learning rate, {@code > 0}
     * @param beta1 the decay of the first moment, in {@code [0, 1)}
     * @param beta2 the decay of the second moment, in {@code [0, 1)}
     * @param eps added to {@code √v̂} so that a zero gradient never divides by zero, {@code > 0}
     */
    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("Adam: no parameters to optimise");
        }
        if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
            throw new IllegalArgumentException("Adam: need lr > 0, 0 ≤ β₁, β₂ < 1 and ε > 0, got lr = " + lr
                    + ", β₁ = " + beta1 + ", β₂ = " + beta2 + ", ε = " + eps);
        }
        for (Tensor p : params) {
            if (!p.requiresGrad() || !p.isLeaf()) {
                throw new IllegalArgumentException("Adam: " + p + " is not a parameter (make it with Tensor.param)");
            }
            m.add(new double[p.rows()][p.cols()]);
            v.add(new double[p.rows()][p.cols()]);
        }
        this.params = List.copyOf(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** Adam with PyTorch's defaults {@code β = (0.9, 0.999)}, {@code ε = 1e-8}: {@code torch.optim.Adam(params, lr)}. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8);
    }

    /** One update of every parameter from its current gradient (see the class comment); gradients are left as they are. */
    @Override
    public void step() {
        t++;
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = 1.0 - Math.pow(beta2, t);
        for (int k = 0; k < params.size(); k++) {
            double[][] theta = params.get(k).value();
            double[][] g = params.get(k).grad();
            double[][] mk = m.get(k);
            double[][] vk = v.get(k);
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    double gij = g[i][j];
                    mk[i][j] = beta1 * mk[i][j] + (1.0 - beta1) * gij;
                    vk[i][j] = beta2 * vk[i][j] + (1.0 - beta2) * gij * gij;
                    double mHat = mk[i][j] / correction1;
                    double vHat = vk[i][j] / correction2;
                    theta[i][j] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
            }
        }
    }

    /** Sets every parameter's gradient to zero ({@code trainer.zero_grad()}); call it before each backward pass. */
    @Override
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /** How many steps have been taken: the {@code t} of the bias correction. */
    public int steps() {
        return t;
    }
}
