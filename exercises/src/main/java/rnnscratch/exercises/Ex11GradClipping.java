package rnnscratch.exercises;

import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * Exercise 11 — gradient clipping (梯度剪裁), the notes' {@code grad_clipping}.
 *
 * <p>Back-propagating through T time steps multiplies T matrices, and the gradient can explode. Clipping sees the
 * gradients of all parameters as one long vector {@code g} and pulls it back when it is longer than θ:
 * <pre>
 *   ‖g‖ = √(Σ over every parameter of Σ grad²)
 *   g ← min(1, θ / ‖g‖) · g
 * </pre>
 * The direction stays the same; only the length shrinks to θ. Change the gradients in place ({@code p.grad()}) and
 * return {@code ‖g‖} as it was before clipping.
 *
 * <p>Shapes: any number of parameters of any shapes; each {@code p.grad()} has the shape of {@code p.value()}.
 *
 * <p>Docs: docs/gradient-clipping.md#exercises
 */
public final class Ex11GradClipping {
    private Ex11GradClipping() {}

    /** Clips in place to a global norm of at most {@code theta > 0}; returns the norm before clipping. */
    public static double gradClipping(List<Tensor> params, double theta) {
        throw new UnsupportedOperationException("Exercise 11 (gradient clipping): write gradClipping, which clips all the gradients together to a norm of at most θ — read docs/gradient-clipping.md#exercises");
    }
}
