package rnnscratch.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import rnnscratch.tensor.Product;
import rnnscratch.tensor.Sums;

/**
 * One backward pass over the tape: visits the nodes in reverse topological order, so that every node comes after all
 * the nodes that used it; sums its gradient {@code C̄} from what those nodes added, and applies its backward rule to
 * it once, which adds the parents' shares.
 *
 * <p>Gradients of intermediate tensors live only for the pass, so calling {@link Tensor#backward()} twice adds twice
 * into the gradients that are kept — a parameter's, or a tensor's that asked {@link Tensor#retainGrad()} — and into
 * nothing else. A tensor's hooks ({@link Tensor#registerHook}) are called with the pass's summed gradient of it,
 * kept or not.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
final class Backprop {
    /** What a backward rule sees: the gradients of its node's parents, by position ({@code 0} is the first input). */
    final class Grads {
        private Node node;

        /** {@code X̄ᵢ += g} for parent {@code i}; {@code g} may be shared, it is never written into. */
        void add(int i, double[][] g) {
            Node p = node.parents[i];
            if (p != null) {
                grads.add(p, g);
            }
        }

        /** {@code X̄ᵢ += p}, a product computed when {@code X̄ᵢ} is summed (never, for a constant parent). */
        void add(int i, Product p) {
            Node parent = node.parents[i];
            if (parent != null) {
                grads.add(parent, p);
            }
        }

        /** {@code X̄ᵢ += shares.get(i)} for every parent {@code i}. */
        void addEach(List<double[][]> shares) {
            for (int i = 0; i < shares.size(); i++) {
                add(i, shares.get(i));
            }
        }
    }

    /** The gradient of every node reached so far, as the sum of what its users added. */
    private final Sums<Node> grads = new Sums<>();

    private Backprop() {}

    static void run(Node root) {
        var pass = new Backprop();
        var parents = pass.new Grads();
        List<Node> order = topologicalOrder(root);
        pass.grads.add(root, new double[][] {{1.0}});
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            pass.grads.remove(n).ifPresent(g -> {
                if (n.keeper != null) {
                    n.keeper.accumulateGrad(g);
                }
                for (var hook : n.hooks) {
                    hook.accept(g);
                }
                parents.node = n;
                n.rule.apply(g, parents);
            });
        }
    }

    /** Parents before children: every node that {@code root} depends on (depth first, without recursion). */
    private static List<Node> topologicalOrder(Node root) {
        var order = new ArrayList<Node>();
        var visited = new IdentityHashMap<Node, Boolean>();
        var stack = new ArrayDeque<Node>();
        var next = new ArrayDeque<Integer>();
        stack.push(root);
        next.push(0);
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            int i = next.pop();
            if (i < n.parents.length) {
                next.push(i + 1);
                Node p = n.parents[i];
                if (p != null && visited.put(p, Boolean.TRUE) == null) {
                    stack.push(p);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(n);
            }
        }
        return order;
    }
}
