package rnnscratch.io;

/**
 * An n-dimensional array as NumPy stores it in a {@code .npy} file: a shape and its values in C order (row-major:
 * the last index varies fastest). Element {@code [i][j]} of a {@code rows x cols} array is value {@code i * cols + j}.
 *
 * <p>Two kinds exist, matching the two types this project writes: {@link DoubleArray} (float64, {@code '<f8'}) and
 * {@link LongArray} (int64, {@code '<i8'}). Both are immutable values: constructors and accessors copy.
 *
 * <p>Docs: docs/file-formats.md
 */
public sealed interface NpyArray permits DoubleArray, LongArray {

    /** The dimensions, outermost first: {@code []} for a scalar, {@code [n]} for a vector, {@code [rows, cols]}. */
    int[] shape();

    /** The number of dimensions: 0 for a scalar, 1 for a vector, 2 for a matrix. */
    default int rank() {
        return shape().length;
    }

    /** The number of elements: the product of the dimensions (1 for a scalar). */
    int size();

    /** The NumPy type this array is written as: {@code "<f8"} (float64) or {@code "<i8"} (int64). */
    String descr();

    /** The same array as float64 values (an int64 array is converted value by value). */
    DoubleArray toDoubles();
}
