package rnnscratch.train;

import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;

/**
 * The book's {@code grad_clipping}: keep the gradient from exploding over long chains of time steps.
 *
 * <p>All parameters' gradients are seen as one long vector {@code g}; when its L2 norm exceeds θ, every gradient is
 * scaled by the same factor, so the direction is kept and the length becomes θ:
 * <pre>  g ← min(1, θ / ‖g‖) · g</pre>
 *
 * <p>Docs: docs/gradient-clipping.md
 */
public final class GradClipping {
    private GradClipping() {}

    /**
     * Clips the gradients of {@code params} in place to a global norm of at most {@code theta}:
     * {@code g ← min(1, θ/‖g‖)·g}, with {@code ‖g‖} the L2 norm of all the gradients together.
     *
     * @param params the parameters, {@code [W_xh, W_hh, b_h, W_hq, b_q]} for the RNN (the book passes {@code net}
     *               and reads its params)
     * @param theta the threshold θ &gt; 0; {@code Double.POSITIVE_INFINITY} switches clipping off
     * @return the global norm ‖g‖ before clipping (useful to watch gradients explode)
     */
    public static double gradClipping(List<Tensor> params, double theta) {
        if (!(theta > 0)) {
            throw new IllegalArgumentException("gradClipping: theta must be > 0, got " + theta);
        }
        double norm = globalNorm(params);
        if (norm > theta) {
            for (Tensor p : params) {
                Mat.scaleInPlace(p.grad(), theta / norm);
            }
        }
        return norm;
    }

    /** ‖g‖ = √(Σ over all parameters of Σ grad²). */
    public static double globalNorm(List<Tensor> params) {
        double sum = 0.0;
        for (Tensor p : params) {
            sum += Mat.sumSquares(p.grad());
        }
        return Math.sqrt(sum);
    }
}
