package rnnscratch.autograd;

import java.util.List;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.Shapes;

/**
 * A matrix value with an optional gradient and the history of how it was computed: one node of the reverse-mode tape.
 *
 * <p>Like a PyTorch tensor:
 * <ul>
 *   <li>a <em>leaf</em> made by {@link #param} requires gradients; {@link #backward()} adds {@code ∂loss/∂leaf} into
 *       its {@link #grad()} — gradients <strong>accumulate</strong> across calls until {@link #zeroGrad()};</li>
 *   <li>a tensor computed by {@link Ops} from tensors that require gradients remembers its parents and its backward
 *       rule; from constants it is a constant (no history is recorded, as under {@code torch.no_grad()});</li>
 *   <li>{@link #detach()} is a new tensor with the same values and no history; {@link #detachInPlace()} cuts the
 *       history of this tensor itself (the notes' {@code s.detach_()} on the hidden state between minibatches).</li>
 * </ul>
 * Values are {@code double[rows][cols]}; a bias is one row, {@code double[1][n]}; a scalar is {@code double[1][1]}.
 * The value array is shared, not copied: the optimisers update parameters in place through {@link #value()}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Tensor {
    /** How a computed tensor passes its gradient on to its parents. */
    @FunctionalInterface
    interface BackwardRule {
        /** Adds this node's share of the gradient into its parents through {@code pass}. */
        void apply(double[][] gradOut, Backprop pass);
    }

    private static final BackwardRule NONE = (g, pass) -> {};

    private final double[][] value;
    private double[][] grad;
    private boolean requiresGrad;
    private boolean retainGrad;
    private List<Tensor> parents;
    private BackwardRule rule;
    private final String op;

    private Tensor(double[][] value, boolean requiresGrad, List<Tensor> parents, BackwardRule rule, String op) {
        Shapes.requireRectangular(op, value);
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.parents = parents;
        this.rule = rule;
        this.op = op;
    }

    /** A constant: no gradient is ever computed for it (inputs, one-hot matrices, a zero state). */
    public static Tensor constant(double[][] value) {
        return new Tensor(value, false, List.of(), NONE, "constant");
    }

    /** A leaf that requires gradients: a model parameter ({@code param.requires_grad_(True)}). */
    public static Tensor param(double[][] value) {
        return new Tensor(value, true, List.of(), NONE, "param");
    }

    /** A 1×1 constant. */
    public static Tensor scalar(double v) {
        return constant(new double[][] {{v}});
    }

    /** The result of an operation: it requires gradients when any parent does, and only then keeps its history. */
    static Tensor computed(double[][] value, String op, List<Tensor> parents, BackwardRule rule) {
        boolean needs = parents.stream().anyMatch(Tensor::requiresGrad);
        return needs ? new Tensor(value, true, parents, rule, op) : new Tensor(value, false, List.of(), NONE, op);
    }

    /** The values, {@code double[rows][cols]}; shared, so an optimiser can update a parameter in place. */
    public double[][] value() {
        return value;
    }

    /**
     * The accumulated gradient {@code ∂loss/∂this}, same shape as the value: zeros before any {@link #backward()}
     * reached this tensor. Kept for leaves and for tensors that asked {@link #retainGrad()}.
     */
    public double[][] grad() {
        if (grad == null) {
            grad = new double[value.length][value[0].length];
        }
        return grad;
    }

    /** Whether gradients flow into (or through) this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for a tensor with no history: a parameter, a constant, or a detached tensor. */
    public boolean isLeaf() {
        return parents.isEmpty();
    }

    /** The name of the operation that made this tensor ({@code "mm"}, {@code "tanh"}, {@code "param"}, …). */
    public String op() {
        return op;
    }

    /** Rows of the value. */
    public int rows() {
        return value.length;
    }

    /** Columns of the value. */
    public int cols() {
        return value[0].length;
    }

    /** {@code "(rows x cols)"}, for messages. */
    public String shape() {
        return Shapes.of(value);
    }

    /** The single value of a 1×1 tensor ({@code loss.item()}). */
    public double item() {
        if (value.length != 1 || value[0].length != 1) {
            throw new IllegalArgumentException("item: needs a 1x1 tensor, got " + shape());
        }
        return value[0][0];
    }

    /** Asks {@link #backward()} to keep this computed tensor's gradient too ({@code retain_grad()}). */
    public Tensor retainGrad() {
        retainGrad = true;
        return this;
    }

    boolean keepsGrad() {
        return isLeaf() || retainGrad;
    }

    List<Tensor> parents() {
        return parents;
    }

    BackwardRule rule() {
        return rule;
    }

    /**
     * Back-propagates from this 1×1 tensor (a loss): adds {@code ∂this/∂t} to the gradient of every leaf {@code t}
     * it depends on. Calling it twice adds the gradients twice, as in PyTorch.
     */
    public void backward() {
        if (value.length != 1 || value[0].length != 1) {
            throw new IllegalArgumentException("backward: needs a 1x1 (scalar) tensor such as a loss, got " + shape());
        }
        if (!requiresGrad) {
            throw new IllegalStateException(
                    "backward: this tensor does not depend on any parameter that requires gradients");
        }
        Backprop.run(this);
    }

    /** Sets the gradient to exactly zero ({@code p.grad.zero_()}). */
    public void zeroGrad() {
        if (grad != null) {
            for (double[] row : grad) {
                java.util.Arrays.fill(row, 0.0);
            }
        }
    }

    /** Adds {@code g} into the stored gradient. */
    void accumulateGrad(double[][] g) {
        Mat.addInPlace(grad(), g);
    }

    /** A new tensor with the same values (shared) and no history: gradients stop here ({@code detach()}). */
    public Tensor detach() {
        return new Tensor(value, false, List.of(), NONE, "detach");
    }

    /**
     * Cuts this tensor's history in place ({@code detach_()}): it becomes a leaf that does not require gradients, so
     * a loss computed from it later sends no gradient into what came before.
     */
    public void detachInPlace() {
        parents = List.of();
        rule = NONE;
        requiresGrad = false;
    }

    @Override
    public String toString() {
        return "Tensor" + shape() + "[" + op + (requiresGrad ? ", requiresGrad" : "") + "]";
    }
}
