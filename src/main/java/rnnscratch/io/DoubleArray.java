package rnnscratch.io;

import java.util.Arrays;

/**
 * An immutable float64 array of any rank: {@code shape} (outermost dimension first) and {@code data}, the values in
 * C order. A {@code rows x cols} matrix {@code m} is stored as {@code data[i * cols + j] = m[i][j]}.
 *
 * <p>Model parameters travel in this form: {@code W_xh} is {@code double[vocab][hidden]}, a bias {@code b_h} is kept
 * as a {@code double[1][hidden]} matrix in memory and may be stored as a rank-1 vector of length {@code hidden}
 * (the layout of the book's code); {@link #toMatrix()} turns either back into {@code double[1][hidden]}.
 *
 * <p>Docs: docs/file-formats.md
 *
 * @param shape the dimensions, each {@code >= 0}
 * @param data  the {@code product(shape)} values in C order
 */
public record DoubleArray(int[] shape, double[] data) implements NpyArray {

    /** @throws IllegalArgumentException if {@code data.length} is not the product of the dimensions */
    public DoubleArray {
        shape = shape.clone();
        data = data.clone();
        Shape.requireSize("DoubleArray", shape, data.length);
    }

    /** A rank-0 array (shape {@code ()}) holding one value, as {@code numpy.float64(value)} is saved. */
    public static DoubleArray scalar(double value) {
        return new DoubleArray(new int[0], new double[] {value});
    }

    /** A rank-1 array of shape {@code (n,)}. */
    public static DoubleArray vector(double[] values) {
        return new DoubleArray(new int[] {values.length}, values);
    }

    /**
     * A rank-2 array of shape {@code (rows, cols)} from {@code double[rows][cols]}; no rows gives shape {@code (0, 0)}.
     *
     * @throws IllegalArgumentException if the rows have different lengths
     */
    public static DoubleArray fromMatrix(double[][] matrix) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        var data = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            if (matrix[i].length != cols) {
                throw new IllegalArgumentException("DoubleArray.fromMatrix: row " + i + " has " + matrix[i].length
                        + " columns, but row 0 has " + cols);
            }
            System.arraycopy(matrix[i], 0, data, i * cols, cols);
        }
        return new DoubleArray(new int[] {rows, cols}, data);
    }

    /**
     * The array as {@code double[rows][cols]}. A rank-1 array of length {@code n} becomes one row,
     * {@code double[1][n]}, because this project keeps biases as {@code 1 x n} matrices.
     *
     * @throws IllegalArgumentException if the rank is not 1 or 2
     */
    public double[][] toMatrix() {
        if (shape.length != 1 && shape.length != 2) {
            throw new IllegalArgumentException("DoubleArray.toMatrix: a matrix needs rank 1 or 2, but the shape is "
                    + Shape.format(shape));
        }
        int rows = shape.length == 1 ? 1 : shape[0];
        int cols = shape[shape.length - 1];
        var matrix = new double[rows][];
        for (int i = 0; i < rows; i++) {
            matrix[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return matrix;
    }

    /**
     * The single value of a one-element array (a rank-0 scalar, or shape {@code (1,)}, {@code (1, 1)}, ...).
     *
     * @throws IllegalArgumentException if the array does not hold exactly one value
     */
    public double scalarValue() {
        Shape.requireOneValue("DoubleArray.scalarValue", shape);
        return data[0];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values in C order. */
    @Override
    public double[] data() {
        return data.clone();
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public String descr() {
        return "<f8";
    }

    @Override
    public DoubleArray toDoubles() {
        return this;
    }

    /** Equal shapes and equal values ({@link Double#equals} semantics: NaN equals NaN, 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DoubleArray that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Shape.describe("DoubleArray", shape, Arrays.stream(data).mapToObj(Double::toString), data.length);
    }
}
