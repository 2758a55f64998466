package rnnscratch.tensor.kernel;

/**
 * {@code tanh} of every element, fast: about three times faster than {@link Math#tanh} on JDK 17 and within 4e-15
 * relative of it (one or two units in the last place, up to 15 just above |x| = 1/16), and a large matrix split by
 * rows over the cores ({@link Parallel}), since each element costs an {@code exp}. The forward pass of the RNN takes
 * the tanh of a {@code batch × H} matrix at every step.
 *
 * <p>Docs: docs/performance.md
 */
public final class FastTanh {
    private FastTanh() {}

    /** {@code tanh} of every element of {@code a}: a new matrix. */
    public static double[][] tanh(double[][] a) {
        var c = new double[a.length][];
        long size = (long) a.length * (a.length == 0 ? 0 : a[0].length);
        Parallel.forRows(a.length, size >= 1L << 12, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                double[] ci = new double[ai.length];
                for (int j = 0; j < ai.length; j++) {
                    ci[j] = tanh(ai[j]);
                }
                c[i] = ci;
            }
        });
        return c;
    }

    /**
     * {@code tanh(x)} as {@code 1 − 2/(e^{2|x|} + 1)} with the sign of {@code x}, and for {@code |x| < 1/16}, where
     * that subtraction would lose digits, the Taylor series {@code x − x³/3 + 2x⁵/15 − …} to the 13th power.
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0.0625) {
            double x2 = x * x;
            double p = -21844.0 / 6081075.0;
            p = p * x2 + 1382.0 / 155925.0;
            p = p * x2 - 62.0 / 2835.0;
            p = p * x2 + 17.0 / 315.0;
            p = p * x2 - 2.0 / 15.0;
            p = p * x2 + 1.0 / 3.0;
            return x - x * x2 * p;
        }
        if (ax > 22.0) {
            return Math.copySign(1.0, x);
        }
        double e = Math.exp(2.0 * ax);
        return Math.copySign(1.0 - 2.0 / (e + 1.0), x);
    }
}
