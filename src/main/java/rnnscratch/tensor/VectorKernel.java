package rnnscratch.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The opt-in matrix kernel on the JDK's incubating Vector API: each thread keeps a tile of 4 rows of {@code C} in
 * registers for the whole sum over {@code k}, with fused multiply-adds. The tile's width follows the machine's vector
 * registers ({@link #TILE_VECTORS}): 4 vectors where they hold 8 doubles (AVX-512, 32 registers: 16 accumulators), 2
 * vectors where they hold 4 or fewer (AVX2, 16 registers: 8 accumulators, so nothing spills to memory).
 *
 * <p>It is used only when {@link Kernel#useVector(boolean)} was switched on, which needs the JVM flag
 * {@code --add-modules jdk.incubator.vector} (the JVM then prints a warning that the module is incubating). The work
 * is split over the threads as the plain kernel's is ({@link Parallel#forBlocks}). Its results agree with the plain
 * kernel to about 1e-15 relative (both use fused multiply-adds, the vector kernel summing from zero), and every
 * element is computed by one thread in one fixed order, so any number of threads agrees bit for bit.
 *
 * <p>Docs: docs/performance.md
 */
final class VectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    /** Vectors per row in a register tile: 4 with 8 doubles per vector (AVX-512), else 2 (AVX2 and narrower). */
    static final int TILE_VECTORS = V >= 8 ? 4 : 2;
    private static final int PANEL = TILE_VECTORS * V;
    /** Rows of {@code B} per block: a block's piece of one panel is 16 KB, which stays in the L1 cache. */
    static final int K_BLOCK = 16 * 1024 / (PANEL * Double.BYTES);

    private VectorKernel() {}

    /** The doubles in one vector register (the preferred species' length): 8 with AVX-512, 4 with AVX2. */
    static int lanes() {
        return V;
    }

    /** {@code C = A·B} for {@code A: double[m][k]}, {@code B: double[k][n]}; shapes already checked. */
    static double[][] mm(double[][] a, double[][] b) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        var c = new double[m][n];
        Parallel.forBlocks(m, n, (long) m * k * n, (i0, i1, j0, j1) -> block(a, false, b, c, i0, i1, j0, j1, k));
        return c;
    }

    /** {@code C = Aᵀ·B} for {@code A: double[k][m]}, {@code B: double[k][n]}, without forming {@code Aᵀ}. */
    static double[][] mmTransA(double[][] a, double[][] b) {
        int k = a.length;
        int m = a[0].length;
        int n = b[0].length;
        var c = new double[m][n];
        Parallel.forBlocks(m, n, (long) m * k * n, (i0, i1, j0, j1) -> block(a, true, b, c, i0, i1, j0, j1, k));
        return c;
    }

    /**
     * Rows {@code [i0, i1)} × columns {@code [j0, j1)} of {@code C}, in blocks of {@link #K_BLOCK} rows of {@code B}:
     * for each block, column panels (one tile wide) outside and tiles of 4 rows inside, so the block's piece of a panel
     * of {@code B} stays in the L1 cache while every tile of rows passes over it. Each tile goes on from the partial
     * sums the previous block left in {@code C}, so every element is still summed over {@code k} in increasing order.
     */
    private static void block(double[][] a, boolean transA, double[][] b, double[][] c, int i0, int i1, int j0,
            int j1, int k) {
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int k1 = Math.min(k, k0 + K_BLOCK);
            int j = j0;
            for (; j + PANEL <= j1; j += PANEL) {
                int i = i0;
                for (; i + 4 <= i1; i += 4) {
                    if (TILE_VECTORS == 4) {
                        tile4x4(a, transA, i, b, c, k0, k1, j);
                    } else {
                        tile4x2(a, transA, i, b, c, k0, k1, j);
                    }
                }
                for (; i < i1; i++) {
                    row(a, transA, i, b, c[i], k0, k1, j, j + PANEL);
                }
            }
            if (j < j1) {
                for (int i = i0; i < i1; i++) {
                    row(a, transA, i, b, c[i], k0, k1, j, j1);
                }
            }
        }
    }

    /** The coefficient of row {@code kk} of {@code B} in row {@code i} of {@code C}. */
    private static double coef(double[][] a, boolean transA, int i, int kk) {
        return transA ? a[kk][i] : a[i][kk];
    }

    /**
     * One 4-row × 4-vector tile of {@code C} at row {@code i}, column {@code j}: adds rows {@code [k0, k1)} of
     * {@code B} to what {@code C} holds, in registers.
     */
    private static void tile4x4(double[][] a, boolean transA, int i, double[][] b, double[][] c, int k0, int k1,
            int j) {
        double[] c0 = c[i];
        double[] c1 = c[i + 1];
        double[] c2 = c[i + 2];
        double[] c3 = c[i + 3];
        var s00 = DoubleVector.fromArray(S, c0, j);
        var s01 = DoubleVector.fromArray(S, c0, j + V);
        var s02 = DoubleVector.fromArray(S, c0, j + 2 * V);
        var s03 = DoubleVector.fromArray(S, c0, j + 3 * V);
        var s10 = DoubleVector.fromArray(S, c1, j);
        var s11 = DoubleVector.fromArray(S, c1, j + V);
        var s12 = DoubleVector.fromArray(S, c1, j + 2 * V);
        var s13 = DoubleVector.fromArray(S, c1, j + 3 * V);
        var s20 = DoubleVector.fromArray(S, c2, j);
        var s21 = DoubleVector.fromArray(S, c2, j + V);
        var s22 = DoubleVector.fromArray(S, c2, j + 2 * V);
        var s23 = DoubleVector.fromArray(S, c2, j + 3 * V);
        var s30 = DoubleVector.fromArray(S, c3, j);
        var s31 = DoubleVector.fromArray(S, c3, j + V);
        var s32 = DoubleVector.fromArray(S, c3, j + 2 * V);
        var s33 = DoubleVector.fromArray(S, c3, j + 3 * V);
        for (int kk = k0; kk < k1; kk++) {
            double x0 = coef(a, transA, i, kk);
            double x1 = coef(a, transA, i + 1, kk);
            double x2 = coef(a, transA, i + 2, kk);
            double x3 = coef(a, transA, i + 3, kk);
            if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                continue; // a one-hot left operand: most rows of B are not needed
            }
            double[] bk = b[kk];
            var b0 = DoubleVector.fromArray(S, bk, j);
            var b1 = DoubleVector.fromArray(S, bk, j + V);
            var b2 = DoubleVector.fromArray(S, bk, j + 2 * V);
            var b3 = DoubleVector.fromArray(S, bk, j + 3 * V);
            var x = DoubleVector.broadcast(S, x0);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = DoubleVector.broadcast(S, x1);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = DoubleVector.broadcast(S, x2);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = DoubleVector.broadcast(S, x3);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        store4(c0, j, s00, s01, s02, s03);
        store4(c1, j, s10, s11, s12, s13);
        store4(c2, j, s20, s21, s22, s23);
        store4(c3, j, s30, s31, s32, s33);
    }

    /** One 4-row × 2-vector tile (8 accumulators, for machines with 16 vector registers), as {@link #tile4x4}. */
    private static void tile4x2(double[][] a, boolean transA, int i, double[][] b, double[][] c, int k0, int k1,
            int j) {
        double[] c0 = c[i];
        double[] c1 = c[i + 1];
        double[] c2 = c[i + 2];
        double[] c3 = c[i + 3];
        var s00 = DoubleVector.fromArray(S, c0, j);
        var s01 = DoubleVector.fromArray(S, c0, j + V);
        var s10 = DoubleVector.fromArray(S, c1, j);
        var s11 = DoubleVector.fromArray(S, c1, j + V);
        var s20 = DoubleVector.fromArray(S, c2, j);
        var s21 = DoubleVector.fromArray(S, c2, j + V);
        var s30 = DoubleVector.fromArray(S, c3, j);
        var s31 = DoubleVector.fromArray(S, c3, j + V);
        for (int kk = k0; kk < k1; kk++) {
            double x0 = coef(a, transA, i, kk);
            double x1 = coef(a, transA, i + 1, kk);
            double x2 = coef(a, transA, i + 2, kk);
            double x3 = coef(a, transA, i + 3, kk);
            if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                continue;
            }
            double[] bk = b[kk];
            var b0 = DoubleVector.fromArray(S, bk, j);
            var b1 = DoubleVector.fromArray(S, bk, j + V);
            var x = DoubleVector.broadcast(S, x0);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = DoubleVector.broadcast(S, x1);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = DoubleVector.broadcast(S, x2);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = DoubleVector.broadcast(S, x3);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j + V);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j + V);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j + V);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j + V);
    }

    private static void store4(double[] c, int j, DoubleVector s0, DoubleVector s1, DoubleVector s2,
            DoubleVector s3) {
        s0.intoArray(c, j);
        s1.intoArray(c, j + V);
        s2.intoArray(c, j + 2 * V);
        s3.intoArray(c, j + 3 * V);
    }

    /** Columns {@code [from, to)} of row {@code i}, rows {@code [k0, k1)} of {@code B}: whole vectors, then one by one. */
    private static void row(double[][] a, boolean transA, int i, double[][] b, double[] c, int k0, int k1, int from,
            int to) {
        int j = from;
        for (; j + V <= to; j += V) {
            var s = DoubleVector.fromArray(S, c, j);
            for (int kk = k0; kk < k1; kk++) {
                double x = coef(a, transA, i, kk);
                if (x != 0.0) {
                    s = DoubleVector.broadcast(S, x).fma(DoubleVector.fromArray(S, b[kk], j), s);
                }
            }
            s.intoArray(c, j);
        }
        for (; j < to; j++) {
            double s = c[j];
            for (int kk = k0; kk < k1; kk++) {
                double x = coef(a, transA, i, kk);
                if (x != 0.0) {
                    s = Math.fma(x, b[kk][j], s);
                }
            }
            c[j] = s;
        }
    }
}
