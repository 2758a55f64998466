package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

@DisplayName("DoubleArray and LongArray: immutable n-d arrays in C order")
class ArrayValuesTest {

    private static double[][] randomMatrix(int rows, int cols, long seed) {
        var random = new Random(seed);
        var m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    @Test
    @DisplayName("fromMatrix then toMatrix gives back the same matrix, stored row after row")
    void fromMatrixThenToMatrixIsTheIdentity() {
        Props.qt().forAll(integers().between(1, 6), integers().between(0, 6), longs().all())
                .checkAssert((rows, cols, seed) -> {
                    double[][] m = randomMatrix(rows, cols, seed);
                    DoubleArray a = DoubleArray.fromMatrix(m);
                    assertThat(a.shape()).as("a %d x %d matrix has shape (rows, cols)", rows, cols)
                            .containsExactly(rows, cols);
                    assertThat(a.toMatrix()).as("the round trip must give back every element").isDeepEqualTo(m);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            assertThat(a.data()[i * cols + j]).as("C order: m[%d][%d] is value %d * cols + %d",
                                    i, j, i, j).isEqualTo(m[i][j]);
                        }
                    }
                });
    }

    @Test
    @DisplayName("A vector of length n becomes one row, a 1 x n matrix, as biases are kept")
    void aVectorBecomesOneRow() {
        var bias = DoubleArray.vector(new double[] {1, 2, 3});
        assertThat(bias.shape()).as("a vector's shape is (n,)").containsExactly(3);
        assertThat(bias.toMatrix()).as("a bias b_h of shape (3,) is used as double[1][3]")
                .isDeepEqualTo(new double[][] {{1, 2, 3}});
    }

    @Test
    @DisplayName("A scalar has shape () and exactly one value")
    void aScalarHasRankZero() {
        assertThat(DoubleArray.scalar(0.5).shape()).as("a scalar's shape, ()").isEmpty();
        assertThat(DoubleArray.scalar(0.5).scalarValue()).as("the value of DoubleArray.scalar(0.5)").isEqualTo(0.5);
        assertThat(LongArray.scalar(7).scalarValue()).as("the value of LongArray.scalar(7)").isEqualTo(7L);
        assertThatThrownBy(() -> DoubleArray.vector(new double[] {1, 2}).scalarValue())
                .as("the scalar value of a vector of two values").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2,)");
    }

    @Test
    @DisplayName("The data must hold exactly product(shape) values")
    void theDataMustMatchTheShape() {
        assertThatThrownBy(() -> new DoubleArray(new int[] {2, 3}, new double[5]))
                .as("a (2, 3) array needs 6 values").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)").hasMessageContaining("6").hasMessageContaining("5");
        assertThatThrownBy(() -> new LongArray(new int[] {-1}, new long[0])).as("a shape of (-1,)")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    @DisplayName("An array cannot be changed through the arrays passed in or handed out")
    void arraysAreImmutable() {
        var data = new double[] {1, 2};
        var a = DoubleArray.vector(data);
        data[0] = 99;
        a.data()[1] = 99;
        a.shape()[0] = 99;
        assertThat(a.data()).as("the values, after the array passed in and the data handed out were changed")
                .containsExactly(1, 2);
        assertThat(a.shape()).as("the shape, after the shape handed out was changed").containsExactly(2);
    }

    @Test
    @DisplayName("Ints go in and out of a LongArray unchanged")
    void intsRoundTripThroughLongs() {
        Props.qt().forAll(integers().all(), integers().all()).checkAssert((x, y) -> {
            var a = LongArray.ofInts(new int[] {1, 2}, new int[] {x, y});
            assertThat(a.toInts()).as("toInts of ofInts(%d, %d)", x, y).containsExactly(x, y);
            assertThat(a.toDoubles().data()).as("toDoubles of ofInts(%d, %d)", x, y).containsExactly(x, y);
        });
    }

    @Test
    @DisplayName("A LongArray value beyond the int range is refused as an int")
    void aLongBeyondTheIntRangeIsRefused() {
        assertThatThrownBy(() -> LongArray.vector(new long[] {1L << 40}).toInts())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit an int");
    }

    @Test
    @DisplayName("Two arrays are equal when their shapes and values are, whatever the rank")
    void equalityComparesShapeAndValues() {
        assertThat(new DoubleArray(new int[] {2, 1}, new double[] {1, 2}))
                .as("a (2, 1) array of 1, 2 against (2, 1) and (1, 2) arrays of 1, 2").isEqualTo(new DoubleArray(new int[] {2, 1}, new double[] {1, 2}))
                .isNotEqualTo(new DoubleArray(new int[] {1, 2}, new double[] {1, 2}))
                .hasSameHashCodeAs(new DoubleArray(new int[] {2, 1}, new double[] {1, 2}));
        assertThat(LongArray.vector(new long[] {3})).as("int64 [3] against float64 [3]").isNotEqualTo(DoubleArray.vector(new double[] {3}));
    }
}
