package rnnscratch.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * One backward pass over the tape: visits the tensors in reverse topological order, applies each backward rule once
 * to the fully accumulated gradient of its output, and adds the results into the leaves.
 *
 * <p>Gradients of intermediate tensors live only for the pass, so calling {@link Tensor#backward()} twice adds the
 * leaves' gradients twice and nothing else. One speed trick lives here: a weight used in many time steps gets
 * {@code Aᵀ·dC} from each step; those products are collected and computed at the end of the pass as one large
 * product over all steps' rows stacked together (the same sum, computed in fewer, bigger pieces); and the transpose
 * {@code Bᵀ} that {@code ∂A = ∂C·Bᵀ} needs is computed once per pass, not once per step.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
final class Backprop {
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

    private final Map<Tensor, Acc> grads = new IdentityHashMap<>();
    private final Map<Tensor, Deferred> deferred = new IdentityHashMap<>();
    private final Map<double[][], double[][]> transposes = new IdentityHashMap<>();

    private Backprop() {}

    static void run(Tensor root) {
        var pass = new Backprop();
        List<Tensor> order = topologicalOrder(root);
        pass.grads.put(root, new Acc(new double[][] {{1.0}}));
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Acc acc = pass.grads.remove(t);
            if (acc == null) {
                continue;
            }
            if (t.keepsGrad()) {
                t.accumulateGrad(acc.g);
            }
            t.rule().apply(acc.g, pass);
        }
        pass.flushDeferred();
    }

    /** Parents before children: every tensor that requires gradients and that {@code root} depends on. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        var order = new ArrayList<Tensor>();
        var visited = new IdentityHashMap<Tensor, Boolean>();
        var stack = new ArrayDeque<Object[]>();
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Tensor t = (Tensor) top[0];
            int next = (Integer) top[1];
            List<Tensor> ps = t.parents();
            if (next < ps.size()) {
                top[1] = next + 1;
                Tensor p = ps.get(next);
                if (p.requiresGrad() && visited.put(p, Boolean.TRUE) == null) {
                    stack.push(new Object[] {p, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    /**
     * Adds {@code g} to the gradient flowing into {@code t} (ignored when {@code t} needs none). The array may be
     * shared with other tensors' gradients; this pass copies it before it ever writes into it.
     */
    void add(Tensor t, double[][] g) {
        if (!t.requiresGrad()) {
            return;
        }
        Acc acc = grads.get(t);
        if (acc == null) {
            grads.put(t, new Acc(g));
            return;
        }
        if (!acc.owned) {
            acc.g = Mat.copy(acc.g);
            acc.owned = true;
        }
        Mat.addInPlace(acc.g, g);
    }

    /** Adds {@code aᵀ·g} to the gradient flowing into {@code t}; for a leaf the product is deferred and batched. */
    void addTransAProduct(Tensor t, double[][] a, double[][] g) {
        if (!t.requiresGrad()) {
            return;
        }
        if (!t.isLeaf()) {
            add(t, MatMul.mmTransA(a, g));
            return;
        }
        var d = deferred.computeIfAbsent(t, k -> new Deferred());
        d.as.add(a);
        d.gs.add(g);
        d.rows += a.length;
    }

    /**
     * {@code Bᵀ}, computed once per pass for each matrix: a weight used in every time step is transposed once, not
     * once per step. Values do not change during a backward pass, so the cache is always fresh.
     */
    double[][] transposed(double[][] b) {
        return transposes.computeIfAbsent(b, Mat::transpose);
    }

    private void flushDeferred() {
        for (var e : deferred.entrySet()) {
            Deferred d = e.getValue();
            e.getKey().accumulateGrad(MatMul.mmTransA(stack(d.as, d.rows), stack(d.gs, d.rows)));
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
