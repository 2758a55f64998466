package rnnscratch.testing;

import java.util.Random;

/**
 * Random matrices for property tests. A property draws small integers (shape, seed) from QuickTheories and builds the
 * matrix here, so a shrunk counterexample reads as {@code rows=2, cols=3, seed=5}, which a student can replay.
 */
public final class Matrices {
    private Matrices() {}

    /**
     * The property tests' matrix: {@code rows×cols}, entries uniform in {@code [-1.5, 1.5)}, from {@code seed} — large
     * enough that tanh and ReLU are tested away from 0, small enough that finite differences stay accurate. Use it as
     * {@code import static rnnscratch.testing.Matrices.m;}.
     */
    public static double[][] m(int rows, int cols, long seed) {
        return uniform(rows, cols, 1.5, seed);
    }

    /** A {@code rows×cols} matrix with entries uniform in {@code [-range, range)}, from {@code seed}. */
    public static double[][] uniform(int rows, int cols, double range, long seed) {
        var rng = new Random(seed);
        var a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = (2 * rng.nextDouble() - 1) * range;
            }
        }
        return a;
    }

    /** Like {@link #uniform}, with about a third of the entries set to exactly zero (exercises zero-skipping). */
    public static double[][] sparse(int rows, int cols, long seed) {
        var a = uniform(rows, cols, 1.0, seed);
        var rng = new Random(seed ^ 0x5DEECE66DL);
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                if (rng.nextInt(3) == 0) {
                    row[j] = 0.0;
                }
            }
        }
        return a;
    }

    /** Random integer labels in {@code [0, classes)}. */
    public static int[] labels(int n, int classes, long seed) {
        var rng = new Random(seed);
        var y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    /** The largest absolute element-wise difference of two equally shaped matrices. */
    public static double maxAbsDiff(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }

    /** True when both matrices have the same shape and the same bits in every element. */
    public static boolean bitIdentical(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return false;
            }
            for (int j = 0; j < a[i].length; j++) {
                if (Double.doubleToRawLongBits(a[i][j]) != Double.doubleToRawLongBits(b[i][j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A deep copy. */
    public static double[][] copyOf(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
