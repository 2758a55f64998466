package rnnscratch.tensor.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The plain-Java matrix kernel, the default: {@code C += A·B} or {@code C += Aᵀ·B} into a given {@code C}.
 *
 * <p>How it is made fast, in plain Java:
 * <ul>
 *   <li>i-k-j loop order: the innermost loop {@code c[j] += a·b[j]} runs along rows, which the JIT turns into vector
 *       instructions;</li>
 *   <li>k unrolled by four: one pass over a row of {@code C} adds four rows of {@code B}, in the same order as four
 *       single updates, so a row of {@code C} is loaded and stored once per four rows of {@code B};</li>
 *   <li>blocking: the four rows of {@code B} stay in the L1 cache while they are added into a block of rows of
 *       {@code C}, which stays in L2;</li>
 *   <li>fused multiply-adds ({@link Math#fma}) where the JVM compiles them to the processor's FMA instruction
 *       ({@link #FUSED}: every x86 processor with AVX2, and ARM64), which the JIT vectorises as it does the plain
 *       loop: half the arithmetic instructions, one rounding per product instead of two (13.5k → 15.2k tokens/s on the
 *       README's book command, AVX-512); elsewhere {@code Math.fma} is a slow library routine, and the loop multiplies
 *       and adds;</li>
 *   <li>zero-skipping: a group of rows of {@code B} whose coefficients in the left operand are all zero is skipped, so
 *       multiplying a one-hot matrix costs one group per token instead of all of them (the notes multiply by one-hot
 *       matrices on purpose);</li>
 *   <li>large products are split over the cores ({@link Parallel#forBlocks}), by rows of {@code C}, or, when that
 *       would leave each thread only a few rows (as for {@code H·W_hh}, 32 rows, on many cores), by columns.</li>
 * </ul>
 * Every element {@code C[i][j]} goes on from the value it had, adding the products over {@code k} in increasing order,
 * whatever the split, so one thread and many give bit-identical results.
 *
 * <p>Docs: docs/performance.md
 */
final class PlainKernel {
    /** Rows of {@code C} per block: a block of {@code C} stays in L2 while four rows of {@code B} pass over it. */
    private static final int I_BLOCK = 64;
    /** An {@code Aᵀ·B} result narrower than this is computed as {@code (Bᵀ·A)ᵀ}, whose rows are long. */
    static final int NARROW = 64;
    /**
     * Whether the products use fused multiply-adds: when the JVM uses the processor's FMA instruction
     * ({@code -XX:+UseFMA}, on by default where the processor has one). Fixed for the run, so the results do not depend
     * on the number of threads.
     */
    static final boolean FUSED = jvmUsesFma();

    private PlainKernel() {}

    private static boolean jvmUsesFma() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && "true".equals(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no such option: multiply and add
        }
    }

    /**
     * {@code C += A·B} ({@code transA} false; {@code A: double[m][k]}) or {@code C += Aᵀ·B} ({@code transA} true;
     * {@code A: double[k][m]}), with {@code B: double[k][n]}, {@code C: double[m][n]}; shapes already checked.
     */
    static void addProduct(double[][] a, boolean transA, double[][] b, double[][] c) {
        int k = b.length;
        int m = c.length;
        int n = b[0].length;
        Parallel.forBlocks(m, n, (long) m * k * n, (i0, i1, j0, j1) -> block(a, transA, b, c, i0, i1, j0, j1, k));
    }

    /**
     * Rows {@code [i0, i1)} × columns {@code [j0, j1)} of {@code C += A·B} ({@code transA} false: coefficient
     * {@code a[i][kk]}) or {@code C += Aᵀ·B} ({@code transA} true: coefficient {@code a[kk][i]}).
     */
    private static void block(double[][] a, boolean transA, double[][] b, double[][] c, int i0, int i1, int j0,
            int j1, int k) {
        for (int ib = i0; ib < i1; ib += I_BLOCK) {
            int ie = Math.min(i1, ib + I_BLOCK);
            int kk = 0;
            for (; kk + 3 < k; kk += 4) {
                double[] b0 = b[kk];
                double[] b1 = b[kk + 1];
                double[] b2 = b[kk + 2];
                double[] b3 = b[kk + 3];
                for (int i = ib; i < ie; i++) {
                    if (transA) {
                        axpy4(c[i], a[kk][i], a[kk + 1][i], a[kk + 2][i], a[kk + 3][i], b0, b1, b2, b3, j0, j1);
                    } else {
                        double[] ai = a[i];
                        axpy4(c[i], ai[kk], ai[kk + 1], ai[kk + 2], ai[kk + 3], b0, b1, b2, b3, j0, j1);
                    }
                }
            }
            for (; kk < k; kk++) {
                double[] bk = b[kk];
                for (int i = ib; i < ie; i++) {
                    axpy1(c[i], transA ? a[kk][i] : a[i][kk], bk, j0, j1);
                }
            }
        }
    }

    /**
     * {@code c[j] += x0·b0[j] + x1·b1[j] + x2·b2[j] + x3·b3[j]} for {@code j} in {@code [j0, j1)}, summed left to
     * right (fused or not, {@link #FUSED}), exactly the order of four single updates; one pass over {@code c} for four
     * rows of {@code B} saves three loads and stores of {@code c}. Skipped when all four coefficients are zero. (Four, not more: with a longer body
     * the JIT of JDK 17 no longer vectorises the loop.)
     */
    private static void axpy4(double[] c, double x0, double x1, double x2, double x3, double[] b0, double[] b1,
            double[] b2, double[] b3, int j0, int j1) {
        if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
            return;
        }
        if (FUSED) {
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(x3, b3[j], Math.fma(x2, b2[j], Math.fma(x1, b1[j], Math.fma(x0, b0[j], c[j]))));
            }
        } else {
            for (int j = j0; j < j1; j++) {
                c[j] = c[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
            }
        }
    }

    /** {@code c[j] += x·b[j]} for {@code j} in {@code [j0, j1)}, skipped when {@code x} is zero. */
    private static void axpy1(double[] c, double x, double[] b, int j0, int j1) {
        if (x == 0.0) {
            return;
        }
        if (FUSED) {
            for (int j = j0; j < j1; j++) {
                c[j] = Math.fma(x, b[j], c[j]);
            }
        } else {
            for (int j = j0; j < j1; j++) {
                c[j] += x * b[j];
            }
        }
    }
}
