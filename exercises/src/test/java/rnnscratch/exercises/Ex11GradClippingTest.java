package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.train.GradClipping;

/** Exercise 11: gradient clipping. Docs: docs/gradient-clipping.md */
@Tag("exercise")
@Tag("ex11")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex11GradClippingTest {
    /** Parameters of random shapes whose gradients are uniform in [-scale, scale). */
    static List<Tensor> withGradients(int count, double scale, long seed) {
        var rng = new Random(seed);
        var params = new ArrayList<Tensor>();
        for (int i = 0; i < count; i++) {
            var p = Tensor.param(new double[1 + rng.nextInt(3)][1 + rng.nextInt(3)]);
            Mat.addInPlace(p.grad(), Matrices.uniform(p.rows(), p.cols(), scale, rng.nextLong()));
            params.add(p);
        }
        return params;
    }

    /** A 1 × n parameter whose value is 0 and whose gradient is {@code g}. */
    static Tensor gradient(double... g) {
        var p = Tensor.param(new double[1][g.length]);
        System.arraycopy(g, 0, p.grad()[0], 0, g.length);
        return p;
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: gradients (3, 4) and (12) have norm 13; with θ = 1 they become (3, 4, 12)/13")
    void workedExample() {
        var a = gradient(3, 4);
        var b = gradient(12);
        double norm = Ex11GradClipping.gradClipping(List.of(a, b), 1.0);
        assertThat(norm).as("Exercise 11: ‖g‖ = √(9 + 16 + 144) = 13, the square root of the sum of the "
                        + "squares of every gradient p.grad() (not of the values, which are 0), returned as it was "
                        + "before clipping")
                .isCloseTo(13.0, within(1e-12));
        assertThat(a.grad()[0]).as("Exercise 11: a's gradient scaled by θ/‖g‖ = 1/13, in place, where ‖g‖ = 13 is "
                        + "the norm of all the gradients together (a's own norm is 5)")
                .containsExactly(new double[] {3 / 13.0, 4 / 13.0}, within(1e-12));
        assertThat(b.grad()[0]).as("Exercise 11: b's gradient scaled by the same 1/13")
                .containsExactly(new double[] {12 / 13.0}, within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: the same gradients with θ = 5 become 5·(3, 4, 12)/13, of norm 5")
    void workedExampleClipsToTheta() {
        var a = gradient(3, 4);
        var b = gradient(12);
        Ex11GradClipping.gradClipping(List.of(a, b), 5.0);
        assertThat(a.grad()[0]).as("Exercise 11: ‖g‖ = 13 > θ = 5, so every gradient is multiplied by θ/‖g‖ = 5/13 "
                        + "(not by 1/‖g‖: the clipped gradients have norm θ, not 1)")
                .containsExactly(new double[] {15 / 13.0, 20 / 13.0}, within(1e-12));
        assertThat(b.grad()[0]).as("Exercise 11: b's gradient multiplied by the same θ/‖g‖ = 5/13")
                .containsExactly(new double[] {60 / 13.0}, within(1e-12));
    }

    @Test
    @Order(3)
    @DisplayName("Worked example: gradients (0.3, 0.4) have norm 0.5; with θ = 1 they stay as they are")
    void workedExampleShortGradientsStay() {
        var a = gradient(0.3, 0.4);
        double norm = Ex11GradClipping.gradClipping(List.of(a), 1.0);
        assertThat(a.grad()[0]).as("Exercise 11: ‖g‖ = 0.5 is not above θ = 1, so the gradient stays (0.3, 0.4): "
                + "clip only when ‖g‖ > θ").containsExactly(new double[] {0.3, 0.4}, within(1e-12));
        assertThat(norm).as("Exercise 11: the norm √(0.09 + 0.16) = 0.5").isCloseTo(0.5, within(1e-12));
    }

    @Test
    @Order(4)
    @DisplayName("Clipping does what the library's gradClipping does, and returns the norm before clipping")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(1e-3, 100), doubles().between(1e-2, 10),
                        longs().all())
                .checkAssert((count, scale, theta, seed) -> {
                    var yours = withGradients(count, scale, seed);
                    var lib = withGradients(count, scale, seed);
                    double norm = Ex11GradClipping.gradClipping(yours, theta);
                    double libNorm = GradClipping.gradClipping(lib, theta);
                    assertThat(norm).as("Exercise 11: the returned ‖g‖ (before clipping), θ = %s", theta)
                            .isCloseTo(libNorm, within(1e-9 * libNorm));
                    for (int i = 0; i < count; i++) {
                        assertThat(Matrices.maxAbsDiff(yours.get(i).grad(), lib.get(i).grad()))
                                .as("Exercise 11: gradient %s of %s after clipping to θ = %s (‖g‖ = %s): scale "
                                        + "every gradient by the same min(1, θ/‖g‖)", i, count, theta, libNorm)
                                .isLessThan(1e-9 * Math.max(1, scale));
                    }
                });
    }

    @Test
    @Order(5)
    @DisplayName("After clipping the global norm is at most θ")
    void normIsAtMostTheta() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(1e-3, 1e3), doubles().between(1e-2, 10),
                        longs().all())
                .checkAssert((count, scale, theta, seed) -> {
                    var params = withGradients(count, scale, seed);
                    Ex11GradClipping.gradClipping(params, theta);
                    assertThat(GradClipping.globalNorm(params)).as("Exercise 11: ‖g‖ after clipping to θ = %s", theta)
                            .isLessThanOrEqualTo(theta * (1 + 1e-12));
                });
    }
}
