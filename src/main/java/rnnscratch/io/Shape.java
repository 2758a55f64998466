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

    /**
     * Checks that {@code length} values fill an array of this shape; {@code kind} names the caller in the message.
     *
     * @throws IllegalArgumentException if they do not
     */
    static void requireSize(String kind, int[] shape, int length) {
        int n = size(shape);
        if (n != length) {
            throw new IllegalArgumentException(kind + ": shape " + format(shape) + " holds " + n + " values, but "
                    + length + " were given");
        }
    }

    /**
     * Checks that an array of this shape holds exactly one value, as a scalar does.
     *
     * @throws IllegalArgumentException if it does not
     */
    static void requireOneValue(String operation, int[] shape) {
        int n = size(shape);
        if (n != 1) {
            throw new IllegalArgumentException(operation + ": a scalar holds one value, but the shape " + format(shape)
                    + " holds " + n);
        }
    }

    /** {@code Kind(2, 3)[v0, v1, ...]}: the shape and at most the first 8 values, for toString. */
    static String describe(String kind, int[] shape, java.util.stream.Stream<String> values, int size) {
        String head = String.join(", ", values.limit(8).toList());
        return kind + format(shape) + "[" + head + (size > 8 ? ", ...]" : "]");
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
