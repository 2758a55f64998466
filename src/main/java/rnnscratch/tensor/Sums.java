package rnnscratch.tensor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rnnscratch.tensor.kernel.Products;
import rnnscratch.tensor.kernel.StackedProducts;
import rnnscratch.tensor.kernel.Transpose;

/**
 * Sums of matrices, one for each key, each added up when it is taken out ({@link #remove}): the gradients a backward
 * pass collects, one for each tensor, term by term. A term is a matrix or a {@link Product}.
 *
 * <p>The terms are added in the order they came, left to right. Two things the kernel does on the way, which change
 * the time and not the numbers (docs/performance.md):
 * <ul>
 *   <li>consecutive products {@code Aᵢᵀ·Bᵢ} are added into the sum together ({@link StackedProducts}, one product of
 *       the stacked rows when the kernel's stacking is on);</li>
 *   <li>a {@code B} of {@code A·Bᵀ} is transposed once for all the sums of this object (the same {@code W_hh} at every
 *       time step). Its values must not change while this object is in use.</li>
 * </ul>
 *
 * <p>Docs: docs/tensor-and-autograd.md
 *
 * @param <K> the key, compared by identity
 */
public final class Sums<K> {
    private final Map<K, List<Object>> terms = new IdentityHashMap<>();
    private final Map<double[][], double[][]> transposes = new IdentityHashMap<>();

    /** Adds the matrix {@code m} to the sum of {@code key}; {@code m} may be shared, it is never written into. */
    public void add(K key, double[][] m) {
        terms.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }

    /** Adds the product {@code p} to the sum of {@code key}. */
    public void add(K key, Product p) {
        terms.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }

    /** The sum of {@code key}'s terms, which are then forgotten; empty when nothing was added for {@code key}. */
    public Optional<double[][]> remove(K key) {
        List<Object> list = terms.remove(key);
        return list == null ? Optional.empty() : Optional.of(sum(list));
    }

    private double[][] sum(List<Object> list) {
        double[][] sum = null;
        boolean owned = false; // whether sum is an array of this object's own, which may be written into
        for (int i = 0; i < list.size(); ) {
            if (list.get(i) instanceof Product p && p.transposeA()) {
                var as = new ArrayList<double[][]>();
                var bs = new ArrayList<double[][]>();
                for (; i < list.size() && list.get(i) instanceof Product q && q.transposeA(); i++) {
                    as.add(q.a());
                    bs.add(q.b());
                }
                if (sum != null && (sum.length != p.rows() || sum[0].length != p.cols())) {
                    throw new IllegalArgumentException("Sums: a " + p.rows() + "x" + p.cols() + " product added to a "
                            + Shapes.of(sum) + " sum");
                }
                sum = sum == null ? new double[p.rows()][p.cols()] : owned ? sum : Mat.copy(sum);
                owned = true;
                StackedProducts.addMmTransA(sum, as, bs);
                continue;
            }
            double[][] m = list.get(i) instanceof Product p ? mmTransB(p) : (double[][]) list.get(i);
            if (sum == null) {
                sum = m;
                owned = list.get(i) instanceof Product;
            } else if (owned) {
                Mat.addInPlace(sum, m);
            } else {
                sum = Mat.add(sum, m);
                owned = true;
            }
            i++;
        }
        return sum;
    }

    private double[][] mmTransB(Product p) {
        return Products.mm(p.a(), transposes.computeIfAbsent(p.b(), Transpose::of));
    }
}
