package rnnscratch.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The opt-in matrix kernel on the JDK's incubating Vector API: each thread keeps a tile of 4 rows × 4 vectors of
 * {@code C} in registers for the whole sum over {@code k}, with fused multiply-adds.
 *
 * <p>It is used only when switched on with {@link Kernel#use(Kernel.Choice)} ({@code VECTOR}), which needs the JVM flag
 * {@code --add-modules jdk.incubator.vector} (the JVM then prints a warning that the module is incubating). Its
 * results agree with the plain kernel to about 1e-15 relative (another summation order and fused rounding), and
 * every element is still computed by one thread in one fixed order, so one and two threads agree bit for bit.
 *
 * <p>Docs: docs/performance.md
 */
final class VectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    private VectorKernel() {}

    /** {@code C = A·B} for {@code A: double[m][k]}, {@code B: double[k][n]}; shapes already checked. */
    static double[][] mm(double[][] a, double[][] b, boolean split) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        var c = new double[m][n];
        int blocks = (m + 3) / 4;
        Parallel.forRows(blocks, split, (from, to) -> {
            // Column panels outside, row blocks inside: a panel of B (k × 4 vectors) stays in cache for all rows.
            int j = 0;
            for (; j + 4 * V <= n; j += 4 * V) {
                for (int blk = from; blk < to; blk++) {
                    int i = blk * 4;
                    if (i + 4 <= m) {
                        tile4x4(a[i], a[i + 1], a[i + 2], a[i + 3], b, c[i], c[i + 1], c[i + 2], c[i + 3], k, j);
                    } else {
                        for (int r = i; r < m; r++) {
                            row1(a[r], b, c[r], k, j, j + 4 * V);
                        }
                    }
                }
            }
            for (int r = from * 4; r < Math.min(m, to * 4); r++) {
                row1(a[r], b, c[r], k, j, n);
            }
        });
        return c;
    }

    /** {@code C = Aᵀ·B} for {@code A: double[k][m]}, {@code B: double[k][n]}; shapes already checked. */
    static double[][] mmTransA(double[][] a, double[][] b, boolean split) {
        return mm(Mat.transpose(a), b, split);
    }

    /** One 4-row × 4-vector tile of {@code C} at column {@code j}, summed over all of {@code k} in registers. */
    private static void tile4x4(double[] a0, double[] a1, double[] a2, double[] a3, double[][] b, double[] c0,
            double[] c1, double[] c2, double[] c3, int k, int j) {
        var s00 = DoubleVector.zero(S);
        var s01 = DoubleVector.zero(S);
        var s02 = DoubleVector.zero(S);
        var s03 = DoubleVector.zero(S);
        var s10 = DoubleVector.zero(S);
        var s11 = DoubleVector.zero(S);
        var s12 = DoubleVector.zero(S);
        var s13 = DoubleVector.zero(S);
        var s20 = DoubleVector.zero(S);
        var s21 = DoubleVector.zero(S);
        var s22 = DoubleVector.zero(S);
        var s23 = DoubleVector.zero(S);
        var s30 = DoubleVector.zero(S);
        var s31 = DoubleVector.zero(S);
        var s32 = DoubleVector.zero(S);
        var s33 = DoubleVector.zero(S);
        for (int kk = 0; kk < k; kk++) {
            double[] bk = b[kk];
            var b0 = DoubleVector.fromArray(S, bk, j);
            var b1 = DoubleVector.fromArray(S, bk, j + V);
            var b2 = DoubleVector.fromArray(S, bk, j + 2 * V);
            var b3 = DoubleVector.fromArray(S, bk, j + 3 * V);
            var x = DoubleVector.broadcast(S, a0[kk]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = DoubleVector.broadcast(S, a1[kk]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = DoubleVector.broadcast(S, a2[kk]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = DoubleVector.broadcast(S, a3[kk]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        store(c0, j, s00, s01, s02, s03);
        store(c1, j, s10, s11, s12, s13);
        store(c2, j, s20, s21, s22, s23);
        store(c3, j, s30, s31, s32, s33);
    }

    private static void store(double[] c, int j, DoubleVector s0, DoubleVector s1, DoubleVector s2,
            DoubleVector s3) {
        s0.intoArray(c, j);
        s1.intoArray(c, j + V);
        s2.intoArray(c, j + 2 * V);
        s3.intoArray(c, j + 3 * V);
    }

    /** Columns {@code [from, n)} of one row: whole vectors, then element by element. */
    private static void row1(double[] a, double[][] b, double[] c, int k, int from, int n) {
        int j = from;
        for (; j + V <= n; j += V) {
            var s = DoubleVector.zero(S);
            for (int kk = 0; kk < k; kk++) {
                s = DoubleVector.broadcast(S, a[kk]).fma(DoubleVector.fromArray(S, b[kk], j), s);
            }
            s.intoArray(c, j);
        }
        tail(a, b, c, k, j, n);
    }

    /** Columns {@code [from, n)} of one row, element by element with fused multiply-adds. */
    private static void tail(double[] a, double[][] b, double[] c, int k, int from, int n) {
        for (int j = from; j < n; j++) {
            double s = 0.0;
            for (int kk = 0; kk < k; kk++) {
                s = Math.fma(a[kk], b[kk][j], s);
            }
            c[j] = s;
        }
    }
}
