package rnnscratch.tensor.kernel;

/**
 * The element-wise operations of a training step, each a loop of its own: {@code A + B}, {@code A += B},
 * {@code A + b} (a bias added to every row), {@code A ⊙ B}, {@code 1 − A ⊙ A}, the column sums and
 * {@code A *= s}. They compute
 * exactly their definitions in {@code Mat} ({@code zip(A, B, +)}, …): the same operations on the same elements, so
 * the same bits.
 *
 * <p>Why loops of their own: {@code Mat.map} and {@code Mat.zip} call a lambda per element from one loop that every
 * definition shares, and HotSpot compiles that loop once, with a virtual call per element (its inlining log says
 * so), which it neither inlines nor vectorises. A loop written for one operation it compiles into vector instructions.
 * The RNN runs these at every time step, forward and backward (and gradient clipping scales every gradient
 * once a minibatch).
 *
 * <p>Shapes are checked by the callers ({@code rnnscratch.tensor.Mat}).
 *
 * <p>Docs: docs/performance.md
 */
public final class Elementwise {
    private Elementwise() {}

    /** {@code A + B}. */
    public static double[][] add(double[][] a, double[][] b) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = plus(a[i], b[i]);
        }
        return c;
    }

    /** {@code A += B}, in place. */
    public static void addInPlace(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            plusInto(a[i], b[i]);
        }
    }

    /** {@code A + b}, the one row {@code b[0]} added to every row of {@code A}. */
    public static double[][] addRowVector(double[][] a, double[][] b) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = plus(a[i], b[0]);
        }
        return c;
    }

    /** The sum of each column, as one row {@code double[1][cols]}, the rows added in order. */
    public static double[][] columnSums(double[][] a) {
        var s = new double[a[0].length];
        for (double[] row : a) {
            plusInto(s, row);
        }
        return new double[][] {s};
    }

    /** {@code A ⊙ B}. */
    public static double[][] mul(double[][] a, double[][] b) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] x = a[i];
            double[] y = b[i];
            double[] z = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                z[j] = x[j] * y[j];
            }
            c[i] = z;
        }
        return c;
    }

    /** {@code 1 − A ⊙ A}. */
    public static double[][] oneMinusSquare(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] x = a[i];
            double[] z = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                z[j] = 1.0 - x[j] * x[j];
            }
            c[i] = z;
        }
        return c;
    }

    /** {@code A *= s}, in place. */
    public static void scaleInPlace(double[][] a, double s) {
        for (double[] x : a) {
            for (int j = 0; j < x.length; j++) {
                x[j] *= s;
            }
        }
    }

    private static double[] plus(double[] x, double[] y) {
        var z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = x[j] + y[j];
        }
        return z;
    }

    private static void plusInto(double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            x[j] += y[j];
        }
    }
}
