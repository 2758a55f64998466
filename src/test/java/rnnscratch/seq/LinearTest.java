package rnnscratch.seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The fully connected layer and its initialisation. Docs: docs/sequence-models.md */
class LinearTest {
    @Test
    @DisplayName("Xavier-uniform weights are in×out and lie in ±√(6/(in+out)); the bias is 1×out within ±1/√in")
    void xavierUniformRespectsShapesAndBounds() {
        Props.qt().forAll(integers().between(1, 30), integers().between(1, 30), longs().all()).checkAssert((in, out, s) -> {
            var layer = Linear.xavierUniform(in, out, new Random(s));
            double a = Math.sqrt(6.0 / (in + out));
            assertThat(layer.weight().shape()).isEqualTo("(" + in + "x" + out + ")");
            assertThat(layer.bias().shape()).isEqualTo("(1x" + out + ")");
            for (double[] row : layer.weight().value()) {
                for (double w : row) {
                    assertThat(Math.abs(w)).as("a weight of Linear(%d, %d) beyond the Xavier bound %s", in, out, a)
                            .isLessThanOrEqualTo(a);
                }
            }
            for (double b : layer.bias().value()[0]) {
                assertThat(Math.abs(b)).as("a bias beyond 1/√in").isLessThanOrEqualTo(1.0 / Math.sqrt(in));
            }
        });
    }

    @Test
    @DisplayName("The book's net reads 4 values, has 10 hidden units and one output: 61 parameters")
    void bookNetHasTheBookShape() {
        var net = AutoregressiveModel.getNet(new Random(42));
        assertThat(net.tau()).isEqualTo(4);
        int count = net.params().stream().mapToInt(p -> p.rows() * p.cols()).sum();
        assertThat(count).as("4·10 + 10 + 10·1 + 1").isEqualTo(61);
    }
}
