package rnnscratch.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.Shapes;

/**
 * A matrix value with an optional gradient and the history of how it was computed.
 *
 * <p>Like a PyTorch tensor:
 * <ul>
 *   <li>a <em>leaf</em> made by {@link #param} requires gradients; {@link #backward()} adds {@code ∂loss/∂leaf} into
 *       its {@link #grad()} — gradients <strong>accumulate</strong> across calls until {@link #zeroGrad()};</li>
 *   <li>a tensor computed by {@link Ops} from tensors that require gradients has a node on the tape (its backward
 *       rule and its parents' nodes); computed from constants only, it is a constant (no history is recorded, as
 *       under {@code torch.no_grad()});</li>
 *   <li>{@link #detach()} is a new tensor with the same values and no history; {@link #detachInPlace()} cuts the
 *       history of this tensor itself (the notes' {@code s.detach_()} on the hidden state between minibatches).</li>
 * </ul>
 * Values are {@code double[rows][cols]}; a bias is one row, {@code double[1][n]}; a scalar is {@code double[1][1]}.
 * The value array is shared, not copied: the optimisers update parameters in place through {@link #value()}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Tensor {
    private final double[][] value;
    private final String op;
    private double[][] grad;
    /** This tensor's entry on the tape; empty for constants and detached tensors. */
    private Optional<Node> node;

    private Tensor(double[][] value, String op, Optional<Node> node) {
        Shapes.requireRectangular(op, value);
        this.value = value;
        this.op = op;
        this.node = node;
    }

    /** A constant: no gradient is ever computed for it (inputs, one-hot matrices, a zero state). */
    public static Tensor constant(double[][] value) {
        return new Tensor(value, "constant", Optional.empty());
    }

    /** A leaf that requires gradients: a model parameter ({@code param.requires_grad_(True)}). */
    public static Tensor param(double[][] value) {
        var t = new Tensor(value, "param", Optional.empty());
        t.node = Optional.of(Node.leaf(t));
        return t;
    }

    /** A 1×1 constant. */
    public static Tensor scalar(double v) {
        return constant(new double[][] {{v}});
    }

    /**
     * The result of an operation: it requires gradients when any parent does, and only then goes on the tape.
     * {@code rule} must capture only the arrays its gradient needs, never the parent tensors.
     */
    static Tensor computed(double[][] value, String op, List<Tensor> parents, Node.BackwardRule rule) {
        var nodes = new Node[parents.size()];
        boolean any = false;
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = parents.get(i).node.orElse(null);
            any |= nodes[i] != null;
        }
        return new Tensor(value, op, any ? Optional.of(Node.computed(op, nodes, rule)) : Optional.empty());
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
        return node.isPresent();
    }

    /** True for a tensor with no history: a parameter, a constant, or a detached tensor. */
    public boolean isLeaf() {
        return node.map(Node::isLeaf).orElse(true);
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

    /**
     * Asks {@link #backward()} to keep this computed tensor's gradient {@code ∂loss/∂this} in {@link #grad()} too
     * ({@code retain_grad()}): it accumulates over calls like a leaf's, until {@link #zeroGrad()}. Every other gradient
     * is computed exactly as without it. On a leaf or a constant, and when asked twice, it changes nothing.
     *
     * @return this tensor
     */
    public Tensor retainGrad() {
        node.ifPresent(n -> n.keeper = this);
        return this;
    }

    /**
     * Calls {@code hook} with {@code ∂loss/∂this}, {@code double[rows][cols]}, each time a backward pass has summed
     * it, before the pass goes on to this tensor's parents (PyTorch's {@code t.register_hook(fn)}, for a hook that
     * only looks: it cannot replace the gradient). The array is the pass's own: read it, never keep or change it.
     * Unlike {@link #retainGrad()} nothing is kept after the pass; the run report reads {@code ‖∂ℓ/∂H_t‖} this way.
     * Every gradient is computed exactly as without it. Hooks run in the order they were registered; on a constant,
     * which gets no gradient, a hook is never called.
     *
     * <p>Docs: docs/tensor-and-autograd.md
     *
     * @return this tensor
     */
    public Tensor registerHook(Consumer<double[][]> hook) {
        node.ifPresent(n -> {
            var hooks = new ArrayList<>(n.hooks);
            hooks.add(hook);
            n.hooks = List.copyOf(hooks);
        });
        return this;
    }

    /**
     * Back-propagates from this 1×1 tensor (a loss): adds {@code ∂this/∂t} to the gradient of every parameter
     * {@code t} it depends on, and of every tensor that asked {@link #retainGrad()}. Calling it twice adds the
     * gradients twice, as PyTorch does with {@code retain_graph=True} (without it, PyTorch refuses a second call).
     */
    public void backward() {
        if (value.length != 1 || value[0].length != 1) {
            throw new IllegalArgumentException("backward: needs a 1x1 (scalar) tensor such as a loss, got " + shape());
        }
        Backprop.run(node.orElseThrow(() -> new IllegalStateException(
                "backward: this tensor does not depend on any parameter that requires gradients")));
    }

    /** Sets the gradient to exactly zero ({@code p.grad.zero_()}). */
    public void zeroGrad() {
        if (grad != null) {
            for (double[] row : grad) {
                java.util.Arrays.fill(row, 0.0);
            }
        }
    }

    /** Adds {@code g} into the stored gradient ({@code grad += g}), the one way a backward pass hands it over. */
    void accumulateGrad(double[][] g) {
        Mat.addInPlace(grad(), g);
    }

    /** A new tensor with the same values (shared) and no history: gradients stop here ({@code detach()}). */
    public Tensor detach() {
        return new Tensor(value, "detach", Optional.empty());
    }

    /**
     * Cuts this tensor's history in place ({@code detach_()}): it becomes a leaf that does not require gradients, so
     * a loss computed from it later sends no gradient into what came before, and what came before can be freed.
     */
    public void detachInPlace() {
        node = Optional.empty();
    }

    @Override
    public String toString() {
        return "Tensor" + shape() + "[" + op + (requiresGrad() ? ", requiresGrad" : "") + "]";
    }
}
