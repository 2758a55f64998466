package rnnscratch.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * One backward pass over the tape: visits the nodes in reverse topological order, applies each backward rule once
 * to the fully accumulated gradient of its output, and adds the results into the leaves.
 *
 * <p>Gradients of intermediate tensors live only for the pass, so calling {@link Tensor#backward()} twice adds the
 * leaves' gradients twice and nothing else; a tensor that asked {@link Tensor#retainGrad()} gets its fully
 * accumulated gradient too (added into its {@code grad()}, or the pass's own array handed over), which changes no
 * other number of the pass. The rules speak to
 * the pass through {@link ParentGrads}, whose products carry {@link MatMul}'s names; two speed tricks live behind them,
 * invisible to the rules and to the model code:
 * <ul>
 *   <li>{@link ParentGrads#addMmTransA}: a weight used in every time step gets {@code Aᵀ·C̄} from each step; for a
 *       leaf those products are deferred and computed at the end of the pass as one large product over all steps'
 *       rows stacked together (the same sum, in fewer, bigger pieces);</li>
 *   <li>{@link ParentGrads#addMmTransB}: the transpose {@code Bᵀ} that {@code Ā += C̄·Bᵀ} needs is computed once per
 *       pass, not once per step.</li>
 * </ul>
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
final class Backprop {
    /**
     * What a backward rule sees: the gradients of its node's parents, by position ({@code 0} is the first input),
     * into which it adds its shares. A parent that needs no gradient (a constant, a detached tensor) ignores what it
     * is given, and a share passed as a {@link Supplier} is then not even computed.
     */
    final class ParentGrads {
        private Node node;

        /** {@code X̄ᵢ += g} for parent {@code i}; {@code g} may be shared (the pass copies before adding into it). */
        void add(int i, double[][] g) {
            Node p = node.parents[i];
            if (p != null) {
                accumulate(p, g);
            }
        }

        /** {@code X̄ᵢ += g()} for parent {@code i}, computing {@code g} only when that parent needs a gradient. */
        void add(int i, Supplier<double[][]> g) {
            if (node.parents[i] != null) {
                add(i, g.get());
            }
        }

        /** {@code X̄ᵢ += g·bᵀ} ({@link MatMul#mmTransB}), with {@code bᵀ} computed once per pass for each matrix. */
        void addMmTransB(int i, double[][] g, double[][] b) {
            if (node.parents[i] != null) {
                add(i, MatMul.mm(g, transposes.computeIfAbsent(b, Mat::transpose)));
            }
        }

        /**
         * {@code X̄ᵢ += aᵀ·g} ({@link MatMul#mmTransA}). For a leaf the product is deferred: all of the pass's
         * {@code aᵀ·g} into one leaf are computed at the end as one product of the stacked rows.
         */
        void addMmTransA(int i, double[][] a, double[][] g) {
            Node p = node.parents[i];
            if (p == null) {
                return;
            }
            if (!p.isLeaf()) {
                accumulate(p, MatMul.mmTransA(a, g));
                return;
            }
            var d = deferred.computeIfAbsent(p, k -> new Deferred());
            d.as.add(a);
            d.gs.add(g);
            d.rows += a.length;
        }

        /**
         * Splits {@code g} by rows: parent {@code p} gets the next {@code rows[p]} rows ({@code catRows}' rule). The
         * parts share {@code g}'s rows, as {@link #add(int, double[][])} allows.
         */
        void addSplitRows(double[][] g, int[] rows) {
            int r = 0;
            for (int p = 0; p < rows.length; p++) {
                if (node.parents[p] != null) {
                    add(p, Arrays.copyOfRange(g, r, r + rows[p]));
                }
                r += rows[p];
            }
        }
    }

    /** A gradient being accumulated, and whether this pass owns its array (else it is shared and must be copied). */
    private static final class Acc {
        double[][] g;
        boolean owned;

        Acc(double[][] g) {
            this.g = g;
        }
    }

    /** Pending contributions {@code Σ aᵢᵀ·gᵢ} to one leaf, computed together at the end of the pass. */
    private static final class Deferred {
        final List<double[][]> as = new ArrayList<>();
        final List<double[][]> gs = new ArrayList<>();
        int rows;
    }

    private final Map<Node, Acc> grads = new IdentityHashMap<>();
    private final Map<Node, Deferred> deferred = new IdentityHashMap<>();
    private final Map<double[][], double[][]> transposes = new IdentityHashMap<>();

    private Backprop() {}

    static void run(Node root) {
        var pass = new Backprop();
        var parents = pass.new ParentGrads();
        List<Node> order = topologicalOrder(root);
        pass.grads.put(root, new Acc(new double[][] {{1.0}}));
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            Acc acc = pass.grads.remove(n);
            if (acc == null) {
                continue;
            }
            if (n.keeper != null) {
                n.keeper.accumulateGrad(acc.g, acc.owned);
            }
            parents.node = n;
            n.rule.apply(acc.g, parents);
        }
        pass.flushDeferred();
    }

    /** Parents before children: every node that {@code root} depends on. */
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

    private void accumulate(Node n, double[][] g) {
        Acc acc = grads.get(n);
        if (acc == null) {
            grads.put(n, new Acc(g));
            return;
        }
        if (acc.owned) {
            Mat.addInPlace(acc.g, g);
        } else {
            acc.g = Mat.add(acc.g, g);
            acc.owned = true;
        }
    }

    private void flushDeferred() {
        for (var e : deferred.entrySet()) {
            Deferred d = e.getValue();
            e.getKey().keeper.accumulateGrad(MatMul.mmTransA(stack(d.as, d.rows), stack(d.gs, d.rows)), true);
        }
        deferred.clear();
    }

    /** The rows of all parts, one after the other, without copying them. */
    private static double[][] stack(List<double[][]> parts, int rows) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        var s = new double[rows][];
        int r = 0;
        for (double[][] p : parts) {
            System.arraycopy(p, 0, s, r, p.length);
            r += p.length;
        }
        return s;
    }
}
