package rnnscratch.io;

import java.util.StringJoiner;

/**
 * Small helpers for array shapes ({@code int[]}, one entry per dimension, outermost first), shared by
 * {@link DoubleArray}, {@link LongArray} and the {@code .npy} header.
 *
 * <p>Docs: docs/file-formats.md
 */
final class Shape {
    /** The largest number of elements a Java array can hold on every common JVM. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Shape() {}

    /**
     * The number of elements of an array of this shape: the product of the dimensions (1 for the scalar shape
     * {@code ()}).
     *
     * @throws IllegalArgumentException if a dimension is negative or the product exceeds {@link #MAX_ELEMENTS}
     */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + format(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + format(shape) + " has more elements than a Java array holds");
            }
        }
        return (int) n;
    }

    /** The shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String format(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        var joiner = new StringJoiner(", ", "(", ")");
        for (int d : shape) {
            joiner.add(Integer.toString(d));
        }
        return joiner.toString();
    }
}
