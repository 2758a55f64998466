package rnnscratch.tensor;

import java.util.List;
import java.util.Random;

/**
 * Element-wise operations, reductions and constructors over {@code double[][]} matrices (rows × columns).
 *
 * <p>Every function returns a new matrix unless its name ends in {@code InPlace}. Shapes are checked first; a
 * mismatch throws an {@link IllegalArgumentException} naming the operation and both shapes. A bias or any other
 * vector is a matrix of one row, {@code double[1][n]}. Products live in {@link MatMul}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Mat {
    private Mat() {}

    // ----- constructors -------------------------------------------------------------------------------------------

    /** A {@code double[rows][cols]} of zeros. */
    public static double[][] zeros(int rows, int cols) {
        if (rows < 1 || cols < 0) {
            throw new IllegalArgumentException("zeros: (" + rows + "x" + cols + ") is not a valid shape");
        }
        return new double[rows][cols];
    }

    /** A {@code double[rows][cols]} filled with {@code value}. */
    public static double[][] full(int rows, int cols, double value) {
        var a = zeros(rows, cols);
        for (double[] row : a) {
            java.util.Arrays.fill(row, value);
        }
        return a;
    }

    /** The {@code n×n} identity matrix. */
    public static double[][] identity(int n) {
        var a = zeros(n, n);
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
        }
        return a;
    }

    /** A deep copy. */
    public static double[][] copy(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Standard-normal entries times {@code scale}, drawn row by row from {@code rng} (the book's
     * {@code torch.randn(shape) * 0.01} with {@code scale = 0.01}). Always pass a seeded generator.
     */
    public static double[][] randn(int rows, int cols, double scale, Random rng) {
        var a = zeros(rows, cols);
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian() * scale;
            }
        }
        return a;
    }

    /**
     * One-hot rows: row {@code i} is all zeros except a 1 at column {@code ids[i]}.
     *
     * @return {@code double[ids.length][size]}
     */
    public static double[][] oneHot(int[] ids, int size) {
        if (ids.length == 0 || size < 1) {
            throw new IllegalArgumentException("oneHot: " + ids.length + " ids into " + size + " classes");
        }
        var a = new double[ids.length][size];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new IllegalArgumentException(
                        "oneHot: id " + ids[i] + " at position " + i + " is outside [0, " + size + ")");
            }
            a[i][ids[i]] = 1.0;
        }
        return a;
    }

    /** The rows of all matrices one after the other ({@code torch.cat(list, dim=0)}); all must be equally wide. */
    public static double[][] concatRows(List<double[][]> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concatRows: nothing to concatenate");
        }
        int cols = Shapes.cols(parts.get(0));
        int rows = 0;
        for (double[][] p : parts) {
            if (Shapes.cols(p) != cols) {
                throw new IllegalArgumentException(
                        "concatRows: " + Shapes.of(parts.get(0)) + " vs " + Shapes.of(p) + " (widths must be equal)");
            }
            rows += p.length;
        }
        var c = new double[rows][];
        int r = 0;
        for (double[][] p : parts) {
            for (double[] row : p) {
                c[r++] = row.clone();
            }
        }
        return c;
    }

    /**
     * {@code Aᵀ}, transposed in cache-friendly tiles; a large matrix is split by rows of the result over the cores
     * ({@link Parallel}).
     */
    public static double[][] transpose(double[][] a) {
        Shapes.requireRectangular("transpose", a);
        int m = a.length;
        int n = a[0].length;
        var t = new double[n][m];
        Parallel.forRows(n, (long) m * n >= 1L << 16, (from, to) -> transposeRows(a, t, from, to, m));
        return t;
    }

    private static void transposeRows(double[][] a, double[][] t, int from, int to, int m) {
        final int tile = 16;
        for (int i0 = 0; i0 < m; i0 += tile) {
            int i1 = Math.min(m, i0 + tile);
            for (int j0 = from; j0 < to; j0 += tile) {
                int j1 = Math.min(to, j0 + tile);
                for (int j = j0; j < j1; j++) {
                    double[] tj = t[j];
                    for (int i = i0; i < i1; i++) {
                        tj[i] = a[i][j];
                    }
                }
            }
        }
    }

    // ----- element-wise -------------------------------------------------------------------------------------------

    /** {@code A + B}. */
    public static double[][] add(double[][] a, double[][] b) {
        Shapes.requireSame("add", a, b);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = ai[j] + bi[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code A += B}, in place. */
    public static void addInPlace(double[][] a, double[][] b) {
        Shapes.requireSame("addInPlace", a, b);
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            for (int j = 0; j < ai.length; j++) {
                ai[j] += bi[j];
            }
        }
    }

    /** {@code A − B}. */
    public static double[][] sub(double[][] a, double[][] b) {
        Shapes.requireSame("sub", a, b);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = ai[j] - bi[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code A ⊙ B}, the element-wise (Hadamard) product. */
    public static double[][] mul(double[][] a, double[][] b) {
        Shapes.requireSame("mul", a, b);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = ai[j] * bi[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code s·A}. */
    public static double[][] scale(double[][] a, double s) {
        var c = copy(a);
        scaleInPlace(c, s);
        return c;
    }

    /** {@code A *= s}, in place. */
    public static void scaleInPlace(double[][] a, double s) {
        for (double[] ai : a) {
            for (int j = 0; j < ai.length; j++) {
                ai[j] *= s;
            }
        }
    }

    /** {@code A + b} with the one-row {@code b} added to every row (broadcasting a bias). */
    public static double[][] addRowVector(double[][] a, double[][] b) {
        Shapes.requireBias("addRowVector", a, b);
        double[] b0 = b[0];
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = ai[j] + b0[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code tanh} of every element (see {@link #tanh(double)}). */
    public static double[][] tanh(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = tanh(ai[j]);
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * {@code tanh(x)}, about three times faster than {@link Math#tanh} on JDK 17 and within a few units in the last
     * place of it: {@code 1 − 2/(e^{2|x|} + 1)} with the sign of {@code x}, and for {@code |x| < 1/16}, where that
     * subtraction would lose digits, the Taylor series {@code x − x³/3 + 2x⁵/15 − …} to the 13th power.
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

    /** {@code exp} of every element. */
    public static double[][] exp(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = Math.exp(ai[j]);
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code 1 − A ⊙ A} element-wise: {@code tanh'(X)} from the saved output {@code A = tanh(X)}. */
    public static double[][] oneMinusSquare(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = 1.0 - ai[j] * ai[j];
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code ReLU(A) = max(A, 0)} element-wise ({@code nn.ReLU()}). */
    public static double[][] relu(double[][] a) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = ai[j] > 0.0 ? ai[j] : 0.0;
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * {@code G ⊙ [X > 0]}: {@code G} where {@code X > 0}, else exactly 0 (also where {@code X} is exactly 0, as
     * PyTorch takes ReLU's derivative there). The backward rule of {@link #relu}.
     */
    public static double[][] maskWherePositive(double[][] g, double[][] x) {
        Shapes.requireSame("maskWherePositive", g, x);
        var c = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            double[] gi = g[i];
            double[] xi = x[i];
            double[] ci = new double[gi.length];
            for (int j = 0; j < gi.length; j++) {
                ci[j] = xi[j] > 0.0 ? gi[j] : 0.0;
            }
            c[i] = ci;
        }
        return c;
    }

    /** {@code a − b} element-wise for two vectors of the same length. */
    public static double[] sub(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("sub: vectors of " + a.length + " and " + b.length + " elements");
        }
        var c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    /** {@code a[i][cols[i]]} of each row: one element picked per row ({@code a.gather(1, cols)}). */
    public static double[] pick(double[][] a, int[] cols) {
        if (cols.length != a.length) {
            throw new IllegalArgumentException("pick: " + cols.length + " columns for " + Shapes.of(a));
        }
        var c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][cols[i]];
        }
        return c;
    }

    // ----- reductions ---------------------------------------------------------------------------------------------

    /** The sum of all elements. */
    public static double sum(double[][] a) {
        double s = 0.0;
        for (double[] ai : a) {
            for (double v : ai) {
                s += v;
            }
        }
        return s;
    }

    /** The mean of a vector's elements, {@code (1/n) Σ v}, summed in order. */
    public static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sum of each column, {@code Σ_i a[i][j]}, as one row {@code double[1][cols]} (the gradient of a bias). */
    public static double[][] columnSums(double[][] a) {
        Shapes.requireRectangular("columnSums", a);
        var s = new double[1][a[0].length];
        double[] s0 = s[0];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                s0[j] += row[j];
            }
        }
        return s;
    }

    /** The sum of the squares of all elements, {@code Σ a²}. */
    public static double sumSquares(double[][] a) {
        double s = 0.0;
        for (double[] ai : a) {
            for (double v : ai) {
                s += v * v;
            }
        }
        return s;
    }

    /** The L2 (Frobenius) norm {@code √(Σ a²)}. */
    public static double norm(double[][] a) {
        return Math.sqrt(sumSquares(a));
    }

    /** The largest element of each row: {@code double[rows]}. */
    public static double[] rowMax(double[][] a) {
        Shapes.requireRectangular("rowMax", a);
        var m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (double v : a[i]) {
                best = Math.max(best, v);
            }
            m[i] = best;
        }
        return m;
    }

    /** {@code log Σ_j exp(a[i][j])} of each row, computed stably as {@code max + log Σ exp(a − max)}. */
    public static double[] rowLogSumExp(double[][] a) {
        var max = rowMax(a);
        var lse = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (double v : a[i]) {
                s += Math.exp(v - max[i]);
            }
            lse[i] = max[i] + Math.log(s);
        }
        return lse;
    }

    /** The softmax of each row, {@code exp(a − lse)}; every row sums to 1. */
    public static double[][] softmaxRows(double[][] a) {
        var lse = rowLogSumExp(a);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] ci = new double[ai.length];
            for (int j = 0; j < ai.length; j++) {
                ci[j] = Math.exp(ai[j] - lse[i]);
            }
            c[i] = ci;
        }
        return c;
    }

    /**
     * {@code (softmax(Z) − onehot(y))·s}, the gradient of the mean cross-entropy with {@code s = ∂loss/N}: each row
     * is {@code exp(z − lse)·s}, and {@code s} is then subtracted at the label's column.
     *
     * @param z      the logits, {@code double[N][V]}
     * @param lse    {@link #rowLogSumExp} of {@code z}, saved by the forward pass
     * @param labels one column per row, each in {@code [0, V)}
     */
    public static double[][] softmaxMinusOneHot(double[][] z, double[] lse, int[] labels, double s) {
        Shapes.requireLabels("softmaxMinusOneHot", z, labels);
        var c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] ci = new double[zi.length];
            for (int j = 0; j < zi.length; j++) {
                ci[j] = Math.exp(zi[j] - lse[i]) * s;
            }
            ci[labels[i]] -= s;
            c[i] = ci;
        }
        return c;
    }

    /** The column of the largest element of each row (the first one on ties), as {@code argmax(dim=1)}. */
    public static int[] argmaxRows(double[][] a) {
        Shapes.requireRectangular("argmaxRows", a);
        var idx = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            int best = 0;
            for (int j = 1; j < ai.length; j++) {
                if (ai[j] > ai[best]) {
                    best = j;
                }
            }
            idx[i] = best;
        }
        return idx;
    }

    /** True when every element is finite (no NaN, no ±∞). */
    public static boolean allFinite(double[][] a) {
        for (double[] ai : a) {
            for (double v : ai) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
