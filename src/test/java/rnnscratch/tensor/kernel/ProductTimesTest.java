package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** How the bench times the products of a piece of work, stated as sentences. Docs: docs/performance.md */
class ProductTimesTest {
    private static double[][] random(int rows, int cols, Random rng) {
        var a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    @Test
    @DisplayName("Each product is counted once, under its own shape, with m·k·n multiply-adds")
    void eachProductIsCountedOnceUnderItsShape() {
        Props.qt(50).forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 40),
                        integers().between(1, 4))
                .checkAssert((m, k, n, times) -> {
                    var rng = new Random(m * 10_000L + k * 100L + n);
                    var a = random(m, k, rng);
                    var b = random(k, n, rng);
                    var at = random(k, m, rng);
                    var recorded = ProductTimes.recording(() -> {
                        for (int i = 0; i < times; i++) {
                            Products.mm(a, b);
                            Products.mmTransA(at, b); // a narrow one goes through two transposes: still one product
                        }
                        return 0;
                    });
                    var ab = new ProductTimes.Shape(m, k, n, false);
                    var atb = new ProductTimes.Shape(m, k, n, true);
                    assertThat(recorded.products()).as("%dx%d · %dx%d and its Aᵀ·B, %d times each", m, k, k, n, times)
                            .extracting(ProductTimes.Total::shape).containsExactlyInAnyOrder(ab, atb);
                    for (var t : recorded.products()) {
                        assertThat(t.products()).as("products of %s", t.shape().label()).isEqualTo((long) times);
                        assertThat(t.multiplyAdds()).as("multiply-adds of %s", t.shape().label())
                                .isEqualTo((long) times * m * k * n);
                    }
                });
    }

    @Test
    @DisplayName("Timing the products changes none of their bits")
    void timingChangesNoBit() {
        Props.qt(30).forAll(integers().between(1, 70), integers().between(1, 70), integers().between(1, 70))
                .checkAssert((m, k, n) -> {
                    var rng = new Random(m * 7_919L + k * 31L + n);
                    var a = random(m, k, rng);
                    var b = random(k, n, rng);
                    var at = random(k, m, rng);
                    double[][] plainAb = Products.mm(a, b);
                    double[][] plainAtb = Products.mmTransA(at, b);
                    var timed = ProductTimes.recording(() -> List.of(Products.mm(a, b), Products.mmTransA(at, b)));
                    assertThat(Arrays.deepEquals(timed.result().get(0), plainAb)).as("A·B timed and untimed, %dx%d · %dx%d",
                            m, k, k, n).isTrue();
                    assertThat(Arrays.deepEquals(timed.result().get(1), plainAtb)).as("Aᵀ·B timed and untimed").isTrue();
                });
    }

    @Test
    @DisplayName("A recording returns what the work returned, and its time holds the time of its products")
    void aRecordingReturnsTheResultAndHoldsItsProducts() {
        var rng = new Random(7);
        var a = random(32, 64, rng);
        var b = random(64, 48, rng);
        var recorded = ProductTimes.recording(() -> Products.mm(a, b).length);
        assertThat(recorded.result()).isEqualTo(32);
        assertThat(recorded.productNanos()).as("the products' time").isPositive()
                .isLessThanOrEqualTo(recorded.nanos());
        assertThat(recorded.products().get(0).gflops()).as("GFLOPS of a product that took time").isPositive();
    }

    @Test
    @DisplayName("Products outside a recording are not counted in the next one")
    void productsOutsideARecordingAreNotCounted() {
        var rng = new Random(8);
        var a = random(8, 8, rng);
        ProductTimes.recording(() -> Products.mm(a, a));
        Products.mm(a, a);
        Products.mm(a, a);
        var empty = ProductTimes.recording(() -> 0);
        assertThat(empty.products()).as("a recording with no product in it").isEmpty();
    }

    @Test
    @DisplayName("A shape names its operands as the bench's product table does")
    void aShapeNamesItsOperands() {
        assertThat(new ProductTimes.Shape(32, 512, 512, false).label()).isEqualTo("32x512 · 512x512");
        assertThat(new ProductTimes.Shape(512, 1120, 512, true).label()).isEqualTo("(1120x512)T · 1120x512");
    }
}
