package rnnscratch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.Parallel;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * Every matrix function against its definition, element by element, and the inputs it refuses.
 * Docs: docs/tensor-and-autograd.md
 */
class MatDefinitionsTest {
    @Test
    @DisplayName("add, sub, mul, scale and addRowVector compute a + b, a − b, a·b, s·a and a + b₀ⱼ in every element, "
            + "into a new matrix")
    void elementwiseDefinitions() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), doubles().between(-3, 3), longs().all())
                .checkAssert((r, c, s, seed) -> {
                    var a = m(r, c, seed);
                    var b = m(r, c, seed + 1);
                    var bias = m(1, c, seed + 2);
                    var aBefore = Matrices.copyOf(a);
                    var sum = Mat.add(a, b);
                    var difference = Mat.sub(a, b);
                    var product = Mat.mul(a, b);
                    var scaled = Mat.scale(a, s);
                    var broadcast = Mat.addRowVector(a, bias);
                    var exp = Mat.exp(a);
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            assertThat(sum[i][j]).as("add at [%d][%d]", i, j).isEqualTo(a[i][j] + b[i][j]);
                            assertThat(difference[i][j]).as("sub at [%d][%d]", i, j).isEqualTo(a[i][j] - b[i][j]);
                            assertThat(product[i][j]).as("mul at [%d][%d]", i, j).isEqualTo(a[i][j] * b[i][j]);
                            assertThat(scaled[i][j]).as("scale at [%d][%d]", i, j).isEqualTo(s * a[i][j]);
                            assertThat(broadcast[i][j]).as("addRowVector at [%d][%d]", i, j)
                                    .isEqualTo(a[i][j] + bias[0][j]);
                            assertThat(exp[i][j]).as("exp at [%d][%d]", i, j).isEqualTo(Math.exp(a[i][j]));
                        }
                    }
                    assertThat(a).as("the operands are not changed").isDeepEqualTo(aBefore);
                });
    }

    @Test
    @DisplayName("The element-wise operations the kernel runs in loops of its own give the same bits as their map and "
            + "zip definitions")
    void kernelLoopsAreTheDefinitions() {
        Props.qt().forAll(integers().between(1, 40), integers().between(1, 70), doubles().between(-3, 3), longs().all())
                .checkAssert((r, c, s, seed) -> {
                    var a = m(r, c, seed);
                    var b = m(r, c, seed + 1);
                    var bias = m(1, c, seed + 2);
                    var biasOnEveryRow = new double[r][];
                    java.util.Arrays.fill(biasOnEveryRow, bias[0]);
                    var columnSums = new double[][] {new double[c]};
                    for (double[] row : a) {
                        columnSums = Mat.zip("columnSums", columnSums, new double[][] {row}, (x, y) -> x + y);
                    }
                    var sum = Matrices.copyOf(a);
                    Mat.addInPlace(sum, b);
                    var scaled = Matrices.copyOf(a);
                    Mat.scaleInPlace(scaled, s);
                    var cases = new java.util.LinkedHashMap<String, double[][][]>();
                    cases.put("add", new double[][][] {Mat.add(a, b), Mat.zip("add", a, b, (x, y) -> x + y)});
                    cases.put("addInPlace", new double[][][] {sum, Mat.zip("add", a, b, (x, y) -> x + y)});
                    cases.put("mul", new double[][][] {Mat.mul(a, b), Mat.zip("mul", a, b, (x, y) -> x * y)});
                    cases.put("addRowVector", new double[][][] {Mat.addRowVector(a, bias),
                        Mat.zip("add", a, biasOnEveryRow, (x, y) -> x + y)});
                    cases.put("oneMinusSquare", new double[][][] {Mat.oneMinusSquare(a), Mat.map(a, x -> 1 - x * x)});
                    cases.put("columnSums", new double[][][] {Mat.columnSums(a), columnSums});
                    cases.put("scaleInPlace", new double[][][] {scaled, Mat.map(a, x -> x * s)});
                    cases.forEach((name, pair) -> assertThat(Matrices.bitIdentical(pair[0], pair[1]))
                            .as("%s of (%dx%d) against its definition", name, r, c).isTrue());
                });
    }

    @Test
    @DisplayName("addInPlace and scaleInPlace change the first matrix into a + b and s·a")
    void inPlaceDefinitions() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), doubles().between(-3, 3), longs().all())
                .checkAssert((r, c, s, seed) -> {
                    var a = m(r, c, seed);
                    var b = m(r, c, seed + 1);
                    var expected = Mat.add(a, b);
                    Mat.addInPlace(a, b);
                    assertThat(a).as("a after addInPlace(a, b)").isDeepEqualTo(expected);
                    var scaled = Mat.scale(a, s);
                    Mat.scaleInPlace(a, s);
                    assertThat(a).as("a after scaleInPlace(a, %s)", s).isDeepEqualTo(scaled);
                });
    }

    @Test
    @DisplayName("sum, sumSquares and norm are Σa, Σa² and √Σa² over every element")
    void reductions() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var a = m(r, c, s);
            double sum = 0;
            double squares = 0;
            for (double[] row : a) {
                for (double v : row) {
                    sum += v;
                    squares += v * v;
                }
            }
            assertThat(Mat.sum(a)).as("Σa").isCloseTo(sum, within(1e-12));
            assertThat(Mat.sumSquares(a)).as("Σa²").isCloseTo(squares, within(1e-12));
            assertThat(Mat.norm(a)).as("√Σa²").isCloseTo(Math.sqrt(squares), within(1e-12));
        });
    }

    @Test
    @DisplayName("rowMax is the largest element of each row, and allFinite is false exactly when some element is NaN "
            + "or ±∞")
    void rowMaxAndAllFinite() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var a = m(r, c, s);
            var max = Mat.rowMax(a);
            for (int i = 0; i < r; i++) {
                assertThat(max[i]).as("max of row %d", i)
                        .isEqualTo(java.util.Arrays.stream(a[i]).max().getAsDouble());
            }
            assertThat(Mat.allFinite(a)).as("random finite values").isTrue();
            var rng = new Random(s);
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                var b = Matrices.copyOf(a);
                b[rng.nextInt(r)][rng.nextInt(c)] = bad;
                assertThat(Mat.allFinite(b)).as("one element %s", bad).isFalse();
            }
        });
        assertThat(Mat.rowMax(new double[][] {{Double.NEGATIVE_INFINITY, -1e308}})[0])
                .as("rowMax of (−∞, −1e308): −∞ is the start of no search").isEqualTo(-1e308);
    }

    @Test
    @DisplayName("zeros, full and identity have the asked shape and values; zeros refuses fewer than one row or "
            + "negative columns")
    void constructors() {
        Props.qt().forAll(integers().between(1, 6), integers().between(0, 6), doubles().between(-5, 5))
                .checkAssert((r, c, v) -> {
                    assertThat(Mat.zeros(r, c)).as("zeros(%d, %d)", r, c).isDeepEqualTo(new double[r][c]);
                    var full = Mat.full(r, c, v);
                    assertThat(full).as("full(%d, %d, %s)", r, c, v).hasDimensions(r, c);
                    for (double[] row : full) {
                        assertThat(row).containsOnly(c == 0 ? new double[0] : new double[] {v});
                    }
                    var id = Mat.identity(r);
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < r; j++) {
                            assertThat(id[i][j]).as("I[%d][%d]", i, j).isEqualTo(i == j ? 1.0 : 0.0);
                        }
                    }
                });
        for (int[] bad : new int[][] {{0, 3}, {-1, 2}, {2, -1}}) {
            assertThatThrownBy(() -> Mat.zeros(bad[0], bad[1])).as("zeros(%d, %d)", bad[0], bad[1])
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("copy is deep: changing the copy leaves the original as it was")
    void copyIsDeep() {
        var a = m(3, 2, 1);
        var before = Matrices.copyOf(a);
        var c = Mat.copy(a);
        c[1][1] = 99;
        assertThat(a).isDeepEqualTo(before);
        assertThat(c[0]).containsExactly(a[0]);
    }

    @Test
    @DisplayName("randn draws rng.nextGaussian()·scale row by row")
    void randnIsScaledGaussian() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), doubles().between(0.001, 3), longs().all())
                .checkAssert((r, c, scale, seed) -> {
                    var a = Mat.randn(r, c, scale, new Random(seed));
                    var rng = new Random(seed);
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            assertThat(a[i][j]).as("element [%d][%d]", i, j).isEqualTo(rng.nextGaussian() * scale);
                        }
                    }
                });
    }

    @Test
    @DisplayName("oneHot refuses no ids, fewer than one class, and an id below 0 or equal to the number of classes")
    void oneHotRefusesBadIds() {
        assertThatThrownBy(() -> Mat.oneHot(new int[0], 3)).as("no ids").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mat.oneHot(new int[] {0}, 0)).as("0 classes")
                .isInstanceOf(IllegalArgumentException.class);
        for (int bad : new int[] {-1, 4}) {
            assertThatThrownBy(() -> Mat.oneHot(new int[] {1, bad}, 4)).as("id %d of 4 classes", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
        assertThatThrownBy(() -> Mat.oneHot(new int[] {0}, -1)).as("−1 classes")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Mat.oneHot(new int[] {3, 0}, 4)).isDeepEqualTo(new double[][] {{0, 0, 0, 1}, {1, 0, 0, 0}});
    }

    @Test
    @DisplayName("concatRows refuses an empty list and parts of different widths")
    void concatRowsRefusesBadParts() {
        assertThatThrownBy(() -> Mat.concatRows(List.of())).as("nothing").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mat.concatRows(List.of(new double[2][3], new double[1][2])))
                .as("widths 3 and 2").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3")
                .hasMessageContaining("1x2");
    }

    @Test
    @DisplayName("transpose puts a[i][j] at [j][i], for small matrices and for ones large enough to be split over "
            + "threads")
    void transposeDefinition() {
        Props.qt(30).forAll(integers().between(1, 40), integers().between(1, 40), longs().all())
                .checkAssert((r, c, s) -> checkTranspose(m(r, c, s)));
        for (int[] shape : new int[][] {{300, 250}, {17, 4000}, {4001, 17}}) {
            checkTranspose(m(shape[0], shape[1], shape[0]));
        }
    }

    private static void checkTranspose(double[][] a) {
        int threads = Parallel.threads();
        try {
            for (int t : new int[] {1, 2}) {
                Parallel.setThreads(t);
                var tr = Mat.transpose(a);
                assertThat(tr).as("shape of the transpose of %s on %d thread(s)", Shapes.of(a), t)
                        .hasDimensions(a[0].length, a.length);
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a[0].length; j++) {
                        if (tr[j][i] != a[i][j]) {
                            assertThat(tr[j][i]).as("transpose of %s at [%d][%d], %d thread(s)", Shapes.of(a), j, i,
                                    t).isEqualTo(a[i][j]);
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    @DisplayName("A matrix of no rows or with ragged rows is refused by the operations that read its shape")
    void raggedAndEmptyAreRefused() {
        double[][] ragged = {{1, 2}, {3}};
        assertThatThrownBy(() -> Mat.transpose(ragged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mat.rowMax(ragged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mat.argmaxRows(ragged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mat.transpose(new double[0][0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Shapes.cols(new double[0][0])).as("a matrix without rows has 0 columns").isZero();
        assertThatThrownBy(() -> MatMul.mm(ragged, new double[2][2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatMul.mm(new double[2][2], ragged)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Element-wise operations refuse matrices that differ in rows only or in columns only")
    void oneDimensionOffIsRefused() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(1, 3))
                .checkAssert((r, c, d) -> {
                    for (double[][] other : new double[][][] {new double[r + d][c], new double[r][c + d]}) {
                        assertThatThrownBy(() -> Mat.add(new double[r][c], other))
                                .as("(%dx%d) + (%dx%d)", r, c, other.length, other[0].length)
                                .isInstanceOf(IllegalArgumentException.class);
                        assertThatThrownBy(() -> Mat.addInPlace(new double[r][c], other))
                                .as("(%dx%d) += (%dx%d)", r, c, other.length, other[0].length)
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                    assertThatThrownBy(() -> Mat.addRowVector(new double[r][c], new double[1][c + d]))
                            .as("bias of %d columns for (%dx%d)", c + d, r, c)
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThatThrownBy(() -> Mat.addRowVector(new double[r][c], new double[1 + d][c]))
                            .as("bias of %d rows", 1 + d).isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    @DisplayName("The Vector API kernel is available exactly when the JVM has the jdk.incubator.vector module; then "
            + "useVector switches it on and off, else switching it on is refused")
    void kernelSwitch() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertThat(Kernel.vectorApiAvailable()).as("available, with the module %s", module ? "present" : "absent")
                .isEqualTo(module);
        try {
            if (module) {
                Kernel.useVector(true);
                assertThat(Kernel.usesVector()).as("after useVector(true)").isTrue();
            } else {
                assertThatThrownBy(() -> Kernel.useVector(true)).as("useVector(true) without the module")
                        .isInstanceOf(IllegalStateException.class);
            }
            Kernel.useVector(false);
            assertThat(Kernel.usesVector()).as("after useVector(false)").isFalse();
        } finally {
            Kernel.useVector(false);
        }
    }

    @Test
    @DisplayName("The transposed products refuse a ragged operand, naming the operation")
    void transposedProductsRefuseRaggedOperands() {
        double[][] ragged = {{1, 2}, {3}};
        double[][] square = new double[2][2];
        assertThatThrownBy(() -> MatMul.mmTransA(ragged, square)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmTransA");
        assertThatThrownBy(() -> MatMul.mmTransA(square, ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmTransA");
        assertThatThrownBy(() -> MatMul.mmTransB(ragged, square)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmTransB");
        assertThatThrownBy(() -> MatMul.mmTransB(square, ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mmTransB");
    }
}
