package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The kernel's tanh on whole vectors, stated as sentences. Docs: docs/performance.md */
class VectorTanhTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
        -1e-20, 0.0625, -0.0625, 0.34657359027997264, 1.0, -1.0, 21.999999999999996, 22.0, -22.0, 22.000000000000004,
        40.0, -700.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    @BeforeEach
    void needsTheModule() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernel.vectorApiAvailable(),
                "the test JVM was started without --add-modules jdk.incubator.vector");
    }

    @Test
    @DisplayName("The vector tanh gives the scalar tanh's bits (both with fused multiply-adds), element for element, for "
            + "any row length")
    void vectorTanhGivesTheScalarTanhsBits() {
        Props.qt().forAll(integers().between(0, 40), longs().all()).checkAssert((length, seed) -> {
            var rng = new Random(seed);
            double[] in = new double[length];
            for (int j = 0; j < length; j++) {
                // a spread of magnitudes: tiny, around 1, beyond the point where tanh is ±1, and special values
                in[j] = switch (rng.nextInt(4)) {
                    case 0 -> rng.nextGaussian() * Math.pow(10, -rng.nextInt(20));
                    case 1 -> rng.nextGaussian() * 3;
                    case 2 -> (rng.nextDouble() - 0.5) * 60;
                    default -> SPECIAL[rng.nextInt(SPECIAL.length)];
                };
            }
            double[] out = new double[length];
            VectorTanh.tanh(in, out);
            for (int j = 0; j < length; j++) {
                double scalar = FastTanh.tanh(in[j], true);
                assertThat(Double.doubleToRawLongBits(out[j]))
                        .as("tanh(%s) at position %d of %d: vector %s, scalar %s (the two must make the same "
                                + "operations in the same order)", in[j], j, length, out[j], scalar)
                        .isEqualTo(Double.doubleToRawLongBits(scalar));
            }
        });
    }

    @Test
    @DisplayName("The vector tanh agrees with Math.tanh to within 4e-15 relative at the special values")
    void vectorTanhAtSpecialValues() {
        double[] out = new double[SPECIAL.length];
        VectorTanh.tanh(SPECIAL, out);
        for (int j = 0; j < SPECIAL.length; j++) {
            double expected = Math.tanh(SPECIAL[j]);
            if (Double.isNaN(expected)) {
                assertThat(out[j]).as("tanh(NaN)").isNaN();
            } else {
                assertThat(Math.abs(out[j] - expected)).as("tanh(%s): %s vs Math.tanh %s", SPECIAL[j], out[j], expected)
                        .isLessThanOrEqualTo(4e-15 * Math.abs(expected));
                assertThat(Math.copySign(1.0, out[j])).as("the sign of tanh(%s)", SPECIAL[j])
                        .isEqualTo(Math.copySign(1.0, expected));
            }
        }
    }
}
