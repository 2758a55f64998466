package rnnscratch.io;

import java.util.Arrays;

/**
 * An immutable int64 array of any rank: {@code shape} (outermost dimension first) and {@code data}, the values in
 * C order. Token ids ({@code corpus}), sequential-iterator offsets and recorded minibatches
 * ({@code long[epochs][batches][batch][steps]} flattened) travel in this form.
 *
 * <p>Docs: docs/file-formats.md
 *
 * @param shape the dimensions, each {@code >= 0}
 * @param data  the {@code product(shape)} values in C order
 */
public record LongArray(int[] shape, long[] data) implements NpyArray {

    /** @throws IllegalArgumentException if {@code data.length} is not the product of the dimensions */
    public LongArray {
        shape = shape.clone();
        data = data.clone();
        Shape.requireSize("LongArray", shape, data.length);
    }

    /** A rank-0 array (shape {@code ()}) holding one value, as {@code numpy.int64(value)} is saved. */
    public static LongArray scalar(long value) {
        return new LongArray(new int[0], new long[] {value});
    }

    /** A rank-1 array of shape {@code (n,)}. */
    public static LongArray vector(long[] values) {
        return new LongArray(new int[] {values.length}, values);
    }

    /** A rank-1 array of shape {@code (n,)} from int values, e.g. token ids. */
    public static LongArray vector(int[] values) {
        return ofInts(new int[] {values.length}, values);
    }

    /** An array of the given shape from int values in C order. */
    public static LongArray ofInts(int[] shape, int[] values) {
        return new LongArray(shape, Arrays.stream(values).asLongStream().toArray());
    }

    /**
     * The values in C order as ints.
     *
     * @throws IllegalArgumentException if a value lies outside the int range
     */
    public int[] toInts() {
        var ints = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            if (data[i] != (int) data[i]) {
                throw new IllegalArgumentException("LongArray.toInts: value " + data[i] + " at index " + i
                        + " does not fit an int");
            }
            ints[i] = (int) data[i];
        }
        return ints;
    }

    /**
     * The single value of a one-element array (a rank-0 scalar, or shape {@code (1,)}, ...).
     *
     * @throws IllegalArgumentException if the array does not hold exactly one value
     */
    public long scalarValue() {
        Shape.requireOneValue("LongArray.scalarValue", shape);
        return data[0];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values in C order. */
    @Override
    public long[] data() {
        return data.clone();
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public String descr() {
        return "<i8";
    }

    @Override
    public DoubleArray toDoubles() {
        return new DoubleArray(shape, Arrays.stream(data).asDoubleStream().toArray());
    }

    /** Equal shapes and equal values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LongArray that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Shape.describe("LongArray", shape, Arrays.stream(data).mapToObj(Long::toString), data.length);
    }
}
