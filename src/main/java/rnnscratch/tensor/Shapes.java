package rnnscratch.tensor;

/**
 * Shape checks shared by every matrix operation. A mismatch throws an {@link IllegalArgumentException} that names
 * the operation and both shapes, e.g. {@code mm: (32x28) · (512x512)}, never an {@code ArrayIndexOutOfBoundsException}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Shapes {
    private Shapes() {}

    /** {@code "(rows x cols)"} of a matrix, e.g. {@code (32x512)}. */
    public static String of(double[][] a) {
        return "(" + rows(a) + "x" + cols(a) + ")";
    }

    /** Number of rows. */
    public static int rows(double[][] a) {
        return a.length;
    }

    /** Number of columns (0 for a matrix without rows). */
    public static int cols(double[][] a) {
        return a.length == 0 ? 0 : a[0].length;
    }

    /** Checks that {@code a} is a proper matrix: at least one row, and every row of the same length. */
    public static void requireRectangular(String op, double[][] a) {
        if (a.length == 0) {
            throw new IllegalArgumentException(op + ": a matrix needs at least one row, got (0x0)");
        }
        int c = a[0].length;
        for (int i = 1; i < a.length; i++) {
            if (a[i].length != c) {
                throw new IllegalArgumentException(
                        op + ": ragged matrix, row 0 has " + c + " columns but row " + i + " has " + a[i].length);
            }
        }
    }

    /** Checks that {@code a} and {@code b} have the same shape (element-wise operations). */
    public static void requireSame(String op, double[][] a, double[][] b) {
        if (rows(a) != rows(b) || cols(a) != cols(b)) {
            throw new IllegalArgumentException(op + ": " + of(a) + " vs " + of(b) + " (shapes must be equal)");
        }
    }

    /** Checks that {@code bias} is one row as wide as {@code a} (row-broadcast of a bias). */
    public static void requireBias(String op, double[][] a, double[][] bias) {
        if (rows(bias) != 1 || cols(bias) != cols(a)) {
            throw new IllegalArgumentException(op + ": " + of(a) + " + " + of(bias)
                    + " (the bias must be one row with as many columns as the matrix)");
        }
    }

    /**
     * Checks that {@code labels} has one class per row of {@code logits}, each in {@code [0, columns)} (a
     * classification loss over the rows).
     */
    public static void requireLabels(String op, double[][] logits, int[] labels) {
        if (labels.length != logits.length) {
            throw new IllegalArgumentException(op + ": logits " + of(logits) + " vs " + labels.length
                    + " labels (one label per row)");
        }
        int v = cols(logits);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= v) {
                throw new IllegalArgumentException(op + ": label " + labels[i] + " at row " + i
                        + " is outside [0, " + v + ") for logits " + of(logits));
            }
        }
    }
}
