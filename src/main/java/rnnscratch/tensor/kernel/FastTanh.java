package rnnscratch.tensor.kernel;

/**
 * {@code tanh} of every element, fast, within 4e-15 relative of {@link Math#tanh} (a few units in the last place),
 * and a large matrix split by rows over the cores ({@link Parallel}). The forward pass of the RNN takes the tanh of a
 * {@code batch × H} matrix at every step.
 *
 * <p>One formula, written twice: {@link #tanh(double)} here, one element at a time, and {@link VectorTanh}, 8 elements
 * at a time with the Vector API (used with the vector kernel). Both make the same operations in the same order, each
 * rounded the same way, so they give the same bits, and training gives the same bits with either kernel. The formula:
 * <pre>
 *   tanh x = sign(x) · m / (m + 2),   m = e^{2|x|} − 1 (expm1), and sign(x) · 1 for |x| &gt; 22
 *   e^y − 1 = 2ⁿ (e^r − 1) + (2ⁿ − 1),   n = round(y / ln 2),   r = y − n ln 2 ∈ [−ln 2 / 2, ln 2 / 2]
 *   e^r − 1 = r + r²/2! + … + r¹³/13!   (Horner, fused multiply-adds; the next term is below 4e-18)
 * </pre>
 * Written with {@code e^{2|x|} − 1} rather than {@code 1 − 2/(e^{2|x|} + 1)} it loses no digits near 0, so no
 * second formula is needed for small {@code x}; and it computes its own exponential because {@code Math.exp} has no
 * vector form that gives the same bits.
 *
 * <p>Docs: docs/performance.md
 */
public final class FastTanh {
    /** Above this |x|, tanh x is ±1 in double precision (1 − tanh 22 ≈ 1.6e-19). */
    static final double SATURATED = 22.0;
    /** 1 / ln 2. */
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** ln 2 in two parts, high and low, so that {@code n·ln 2} is exact enough (Cody and Waite). */
    static final double LN2_HI = 0x1.62e42fee00000p-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 1.5·2⁵²: adding it rounds to an integer, which then sits in the low bits of the sum. */
    static final double ROUNDER = 0x1.8p52;
    static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    /** 1/k! for k = 2 … 13, the coefficients of e^r − 1 after r. */
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    private FastTanh() {}

    /** {@code tanh} of every element of {@code a}: a new matrix. */
    public static double[][] tanh(double[][] a) {
        var c = new double[a.length][];
        long size = (long) a.length * (a.length == 0 ? 0 : a[0].length);
        boolean vector = Kernel.usesVector() && VectorKernel.beatsPlain() && PlainKernel.FUSED;
        Parallel.forRows(a.length, size >= 1L << 12, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                double[] ci = new double[ai.length];
                if (vector) {
                    VectorTanh.tanh(ai, ci);
                } else {
                    for (int j = 0; j < ai.length; j++) {
                        ci[j] = tanh(ai[j]);
                    }
                }
                c[i] = ci;
            }
        });
        return c;
    }

    /** {@code tanh x}, by the formula above; {@link VectorTanh} makes the same operations on 8 elements at once. */
    public static double tanh(double x) {
        return tanh(x, PlainKernel.FUSED);
    }

    /**
     * {@code tanh x} with fused multiply-adds ({@code fused}, where the JVM uses the processor's FMA instruction) or,
     * where it does not and {@code Math.fma} is a slow library routine, with a multiply and an add (the same formula
     * to a unit in the last place; the plain kernel makes the same choice).
     */
    static double tanh(double x, boolean fused) {
        double ax = Math.abs(x);
        if (ax > SATURATED) {
            return Math.copySign(1.0, x);
        }
        double y = ax + ax;
        double t = fma(y, INV_LN2, ROUNDER, fused);
        double n = t - ROUNDER;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - ROUNDER_BITS + 1023) << 52); // 2ⁿ
        double r = fma(-n, LN2_HI, y, fused);
        r = fma(-n, LN2_LO, r, fused);
        double p = fma(C13, r, C12, fused);
        p = fma(p, r, C11, fused);
        p = fma(p, r, C10, fused);
        p = fma(p, r, C9, fused);
        p = fma(p, r, C8, fused);
        p = fma(p, r, C7, fused);
        p = fma(p, r, C6, fused);
        p = fma(p, r, C5, fused);
        p = fma(p, r, C4, fused);
        p = fma(p, r, C3, fused);
        p = fma(p, r, C2, fused);
        p = fma(p, r, 1.0, fused);
        double m = fma(scale, p * r, scale - 1.0, fused); // e^y − 1 = 2ⁿ(e^r − 1) + (2ⁿ − 1)
        return Math.copySign(m / (m + 2.0), x);
    }

    private static double fma(double a, double b, double c, boolean fused) {
        return fused ? Math.fma(a, b, c) : a * b + c;
    }
}
