package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The kernel's tanh, stated as sentences. Docs: docs/performance.md */
class FastTanhTest {
    @Test
    @DisplayName("The fast tanh agrees with Math.tanh to within 4e-15 relative, everywhere (a few units in the last "
            + "place; written with expm1, it loses no digits near 0)")
    void fastTanhAgreesWithMathTanh() {
        Props.qt().forAll(doubles().between(-30, 30), integers().between(-12, 0)).checkAssert((x, e) -> {
            double v = x * Math.pow(10, e);
            double expected = Math.tanh(v);
            double got = FastTanh.tanh(v);
            assertThat(Math.abs(got - expected)).as("tanh(%s): %s vs Math.tanh %s", v, got, expected)
                    .isLessThanOrEqualTo(4e-15 * Math.abs(expected));
        });
        double x = 0.06268187;
        assertThat(Math.abs(FastTanh.tanh(x) - Math.tanh(x))).as("tanh just above 1/16, where 1 − 2/(e^{2x} + 1) "
                + "would lose digits").isLessThanOrEqualTo(4e-15 * Math.tanh(x));
        assertThat(Math.abs(FastTanh.tanh(1e-300) - 1e-300)).as("tanh of a tiny x is x").isLessThanOrEqualTo(1e-315);
        assertThat(FastTanh.tanh(0.0)).isZero();
        assertThat(Double.doubleToRawLongBits(FastTanh.tanh(-0.0))).as("tanh(−0) is −0")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FastTanh.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(FastTanh.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(FastTanh.tanh(Double.NaN)).isNaN();
    }

    @Test
    @DisplayName("Without fused multiply-adds (a JVM whose processor has no FMA instruction) the fast tanh still agrees "
            + "with Math.tanh to within 4e-15 relative")
    void fastTanhWithoutFusedMultiplyAdds() {
        Props.qt().forAll(doubles().between(-30, 30), integers().between(-12, 0)).checkAssert((x, e) -> {
            double v = x * Math.pow(10, e);
            double expected = Math.tanh(v);
            assertThat(Math.abs(FastTanh.tanh(v, false) - expected))
                    .as("tanh(%s) with a multiply and an add: %s vs Math.tanh %s", v, FastTanh.tanh(v, false), expected)
                    .isLessThanOrEqualTo(4e-15 * Math.abs(expected));
        });
        assertThat(Double.doubleToRawLongBits(FastTanh.tanh(-0.0, false))).as("tanh(−0) is −0")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }
}
