package rnnscratch.tensor.kernel;

import java.util.List;

/**
 * One optimisation of the kernel's, switched in one place ({@link #use(boolean)}; on by default,
 * {@code -Drnnscratch.stacking=off} at start-up): a sum of products {@code C += Σᵢ Aᵢᵀ·Bᵢ} computed as one product of
 * all the rows stacked, {@code [A₁; A₂; …]ᵀ·[B₁; B₂; …]}, instead of one product per pair.
 *
 * <p>This is the gradient of a weight used at every time step: {@code W̄_hh = Σ_t H_{t−1}ᵀ·Z̄_t} over the 35 steps of
 * a minibatch. Stacked it is one {@code 512×1120 · 1120×512} product, which stays in the caches and is split over the
 * threads once, instead of 35 products of {@code 512×32 · 32×512} each streaming all of {@code W̄_hh}. The rows are
 * stacked without copying them (the stacked matrix holds the parts' row arrays).
 *
 * <p>Both ways give the same bits: every element of a product goes on from the value it had in {@code C}, adding the
 * products of the rows in order ({@link Products#addMmTransA}), so the stacked product adds exactly what the pairs add
 * one after the other, in the same order.
 *
 * <p>Docs: docs/performance.md
 */
public final class StackedProducts {
    private static volatile boolean on = !"off".equals(System.getProperty("rnnscratch.stacking"));

    private StackedProducts() {}

    /** Switches the stacking on or off (the results are the same; only the time differs). */
    public static void use(boolean stacking) {
        on = stacking;
    }

    /** Whether sums of products are stacked. */
    public static boolean on() {
        return on;
    }

    /** {@code C += Σᵢ as[i]ᵀ·bs[i]}, the pairs in order; every {@code as[i]} has as many rows as {@code bs[i]}. */
    public static void addMmTransA(double[][] c, List<double[][]> as, List<double[][]> bs) {
        if (on) {
            Products.addMmTransA(c, stack(as), stack(bs));
        } else {
            for (int i = 0; i < as.size(); i++) {
                Products.addMmTransA(c, as.get(i), bs.get(i));
            }
        }
    }

    /** The rows of all parts, one after the other, without copying them. */
    private static double[][] stack(List<double[][]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int rows = parts.stream().mapToInt(p -> p.length).sum();
        var s = new double[rows][];
        int r = 0;
        for (double[][] p : parts) {
            System.arraycopy(p, 0, s, r, p.length);
            r += p.length;
        }
        return s;
    }
}
