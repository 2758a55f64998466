package rnnscratch.autograd;

import java.util.List;
import java.util.function.Consumer;

/**
 * One entry of the tape: how a computed tensor hands its gradient back to its parents.
 *
 * <p>A node keeps only what its backward rule needs (the rule's captured arrays) and its parents' nodes, never the
 * tensors themselves: an intermediate value that backward does not need (say {@code X·W_xh} before the bias is
 * added) can be freed as soon as the forward pass has used it, as in PyTorch. A leaf's node points back to its
 * tensor, whose gradient it accumulates.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
final class Node {
    /** A backward rule: given the gradient {@code C̄} of the node's output, adds the parents' shares to {@code grads}. */
    @FunctionalInterface
    interface BackwardRule {
        void apply(double[][] gradOut, Backprop.Grads grads);
    }

    private static final Node[] NO_PARENTS = new Node[0];

    final String op;
    /** The parents' nodes, {@code null} where a parent needs no gradient (a constant or a detached tensor). */
    final Node[] parents;
    final BackwardRule rule;
    /** The tensor whose {@code grad} this node accumulates: a leaf parameter, or a tensor that asked retainGrad. */
    Tensor keeper;
    /** What looks at the node's gradient once a pass has summed it ({@link Tensor#registerHook}), in order. */
    List<Consumer<double[][]>> hooks = List.of();

    private Node(String op, Node[] parents, BackwardRule rule, Tensor keeper) {
        this.op = op;
        this.parents = parents;
        this.rule = rule;
        this.keeper = keeper;
    }

    static Node leaf(Tensor t) {
        return new Node("param", NO_PARENTS, (g, grads) -> {}, t);
    }

    static Node computed(String op, Node[] parents, BackwardRule rule) {
        return new Node(op, parents, rule, null);
    }

    boolean isLeaf() {
        return parents.length == 0;
    }
}
