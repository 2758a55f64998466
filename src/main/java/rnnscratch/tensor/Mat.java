package rnnscratch.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import rnnscratch.tensor.kernel.Elementwise;
import rnnscratch.tensor.kernel.FastTanh;
import rnnscratch.tensor.kernel.Transpose;

/**
 * Element-wise operations, reductions and constructors over {@code double[][]} matrices (rows × columns), each
 * written as its definition over two helpers: {@link #map} (a function of every element) and {@link #zip} (a function
 * of the elements at the same place in two matrices). {@code add} is {@code zip(A, B, +)}, {@code relu} is
 * {@code map(A, max(x, 0))}.
 *
 * <p>Every function returns a new matrix unless its name ends in {@code InPlace}. Shapes are checked first; a
 * mismatch throws an {@link IllegalArgumentException} naming the operation and both shapes. A bias or any other
 * vector is a matrix of one row, {@code double[1][n]}. Products live in {@link MatMul}. The operations a training
 * step runs at every time step — {@link #tanh}, {@link #add}, {@link #mul}, … — say that the kernel runs them
 * ({@code rnnscratch.tensor.kernel}): faster, and with the same numbers as their definitions here, except
 * {@link #tanh}, within 4e-15 relative of {@code Math.tanh} (docs/performance.md).
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Mat {
    private Mat() {}

    // ----- the two helpers ----------------------------------------------------------------------------------------

    /** {@code f} of every element: {@code C[i][j] = f(A[i][j])}. */
    public static double[][] map(double[][] a, DoubleUnaryOperator f) {
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = map(a[i], f);
        }
        return c;
    }

    /**
     * {@code f} of the elements at the same place: {@code C[i][j] = f(A[i][j], B[i][j])}; {@code op} names the
     * operation in the message about a mismatch of shapes.
     */
    public static double[][] zip(String op, double[][] a, double[][] b, DoubleBinaryOperator f) {
        Shapes.requireSame(op, a, b);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = zip(a[i], b[i], f);
        }
        return c;
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        var y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = f.applyAsDouble(x[j]);
        }
        return y;
    }

    private static double[] zip(double[] x, double[] y, DoubleBinaryOperator f) {
        var z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = f.applyAsDouble(x[j], y[j]);
        }
        return z;
    }

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
        return map(zeros(rows, cols), x -> value);
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
        return map(a, x -> x);
    }

    /**
     * Standard-normal entries times {@code scale}, drawn row by row from {@code rng} (the book's
     * {@code torch.randn(shape) * 0.01} with {@code scale = 0.01}). Always pass a seeded generator.
     */
    public static double[][] randn(int rows, int cols, double scale, Random rng) {
        return map(zeros(rows, cols), x -> rng.nextGaussian() * scale);
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
        var rows = new ArrayList<double[]>();
        for (double[][] p : parts) {
            if (Shapes.cols(p) != Shapes.cols(parts.get(0))) {
                throw new IllegalArgumentException(
                        "concatRows: " + Shapes.of(parts.get(0)) + " vs " + Shapes.of(p) + " (widths must be equal)");
            }
            rows.addAll(Arrays.asList(copy(p)));
        }
        return rows.toArray(double[][]::new);
    }

    /**
     * The rows of {@code a} cut into consecutive parts of {@code rows[p]} rows each (what {@link #concatRows} joined).
     * The parts share {@code a}'s row arrays.
     */
    public static List<double[][]> splitRows(double[][] a, int[] rows) {
        if (Arrays.stream(rows).sum() != a.length) {
            throw new IllegalArgumentException("splitRows: parts of " + Arrays.toString(rows) + " rows for "
                    + Shapes.of(a));
        }
        var parts = new ArrayList<double[][]>();
        int r = 0;
        for (int n : rows) {
            parts.add(Arrays.copyOfRange(a, r, r + n));
            r += n;
        }
        return parts;
    }

    /** {@code Aᵀ}: {@code t[j][i] = a[i][j]} (the kernel copies in cache-sized tiles, over the cores when large). */
    public static double[][] transpose(double[][] a) {
        Shapes.requireRectangular("transpose", a);
        return Transpose.of(a);
    }

    // ----- element-wise -------------------------------------------------------------------------------------------

    /** {@code A + B}: {@code zip(A, B, +)}, in a loop of the kernel's ({@link Elementwise}). */
    public static double[][] add(double[][] a, double[][] b) {
        Shapes.requireSame("add", a, b);
        return Elementwise.add(a, b);
    }

    /** {@code A += B}, in place: {@code zip(A, B, +)} written into {@code A}, in a loop of the kernel's. */
    public static void addInPlace(double[][] a, double[][] b) {
        Shapes.requireSame("addInPlace", a, b);
        Elementwise.addInPlace(a, b);
    }

    /** {@code A − B}. */
    public static double[][] sub(double[][] a, double[][] b) {
        return zip("sub", a, b, (x, y) -> x - y);
    }

    /** {@code A ⊙ B}, the element-wise (Hadamard) product: {@code zip(A, B, ×)}, in a loop of the kernel's. */
    public static double[][] mul(double[][] a, double[][] b) {
        Shapes.requireSame("mul", a, b);
        return Elementwise.mul(a, b);
    }

    /** {@code s·A}. */
    public static double[][] scale(double[][] a, double s) {
        return map(a, x -> x * s);
    }

    /** {@code A *= s}, in place: {@code map(A, s·x)} written into {@code A}, in a loop of the kernel's. */
    public static void scaleInPlace(double[][] a, double s) {
        Elementwise.scaleInPlace(a, s);
    }

    /**
     * {@code A + b} with the one-row {@code b} added to every row (broadcasting a bias): {@code C[i][j] = A[i][j] +
     * b[0][j]}, in a loop of the kernel's.
     */
    public static double[][] addRowVector(double[][] a, double[][] b) {
        Shapes.requireBias("addRowVector", a, b);
        return Elementwise.addRowVector(a, b);
    }

    /**
     * {@code tanh} of every element, {@code map(A, Math::tanh)}. The kernel computes it
     * ({@link FastTanh}: three times faster than {@code Math.tanh}, within 4e-15 relative of it, and a large
     * matrix over the cores), since the forward pass takes it at every time step.
     */
    public static double[][] tanh(double[][] a) {
        return FastTanh.tanh(a);
    }

    /** {@code exp} of every element. */
    public static double[][] exp(double[][] a) {
        return map(a, Math::exp);
    }

    /**
     * {@code 1 − A ⊙ A} element-wise, {@code map(A, 1 − x²)}: {@code tanh'(X)} from the saved output
     * {@code A = tanh(X)}; in a loop of the kernel's.
     */
    public static double[][] oneMinusSquare(double[][] a) {
        return Elementwise.oneMinusSquare(a);
    }

    /** {@code ReLU(A) = max(A, 0)} element-wise ({@code nn.ReLU()}). */
    public static double[][] relu(double[][] a) {
        return map(a, x -> x > 0.0 ? x : 0.0);
    }

    /**
     * {@code G ⊙ [X > 0]}: {@code G} where {@code X > 0}, else exactly 0 (also where {@code X} is exactly 0, as
     * PyTorch takes ReLU's derivative there). The backward rule of {@link #relu}.
     */
    public static double[][] maskWherePositive(double[][] g, double[][] x) {
        return zip("maskWherePositive", g, x, (gi, xi) -> xi > 0.0 ? gi : 0.0);
    }

    /** {@code a − b} element-wise for two vectors of the same length. */
    public static double[] sub(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("sub: vectors of " + a.length + " and " + b.length + " elements");
        }
        return zip(a, b, (x, y) -> x - y);
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

    /** The sum of all elements, row by row, left to right. */
    public static double sum(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** The mean of a vector's elements, {@code (1/n) Σ v}, summed in order. */
    public static double mean(double[] v) {
        return sum(new double[][] {v}) / v.length;
    }

    /**
     * The sum of each column, {@code Σ_i a[i][j]}, as one row {@code double[1][cols]} (the gradient of a bias): the
     * rows added one after the other, in a loop of the kernel's.
     */
    public static double[][] columnSums(double[][] a) {
        Shapes.requireRectangular("columnSums", a);
        return Elementwise.columnSums(a);
    }

    /** The sum of the squares of all elements, {@code Σ a²}. */
    public static double sumSquares(double[][] a) {
        double s = 0.0;
        for (double[] row : a) {
            for (double v : row) {
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
        return Arrays.stream(a).mapToDouble(row -> Arrays.stream(row).reduce(Double.NEGATIVE_INFINITY, Math::max))
                .toArray();
    }

    /** {@code log Σ_j exp(a[i][j])} of each row, computed stably as {@code max + log Σ exp(a − max)}. */
    public static double[] rowLogSumExp(double[][] a) {
        double[] max = rowMax(a);
        var lse = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double m = max[i];
            lse[i] = m + Math.log(sum(new double[][] {map(a[i], v -> Math.exp(v - m))}));
        }
        return lse;
    }

    /** The softmax of each row, {@code exp(a − lse)}; every row sums to 1. */
    public static double[][] softmaxRows(double[][] a) {
        double[] lse = rowLogSumExp(a);
        var c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double l = lse[i];
            c[i] = map(a[i], v -> Math.exp(v - l));
        }
        return c;
    }

    /**
     * {@code (softmax(Z) − onehot(y))·s}, the gradient of the mean cross-entropy for {@code s = c̄/N} ({@code c̄} the
     * gradient that reaches the loss, 1 for {@code l.backward()}): each row is {@code exp(z − lse)·s}, and {@code s}
     * is then subtracted at the label's column.
     *
     * @param z      the logits, {@code double[N][V]}
     * @param lse    {@link #rowLogSumExp} of {@code z}, saved by the forward pass
     * @param labels one column per row, each in {@code [0, V)}
     * @param s      {@code c̄/N}
     */
    public static double[][] softmaxMinusOneHot(double[][] z, double[] lse, int[] labels, double s) {
        Shapes.requireLabels("softmaxMinusOneHot", z, labels);
        var c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            double l = lse[i];
            c[i] = map(z[i], v -> Math.exp(v - l) * s);
            c[i][labels[i]] -= s;
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
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
    }
}
