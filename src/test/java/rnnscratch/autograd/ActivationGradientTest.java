package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.relu;
import static rnnscratch.autograd.Ops.squaredError;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** ReLU and the squared error of the sequence model (d2l 8.1), checked against their definitions and finite differences. Docs: docs/sequence-models.md */
class ActivationGradientTest {
    /** Values at least 1e-3 away from 0, where ReLU has no derivative. */
    private static double[][] awayFromZero(double[][] a) {
        var c = Matrices.copyOf(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                if (Math.abs(row[j]) < 1e-3) {
                    row[j] = row[j] < 0 ? row[j] - 2e-3 : row[j] + 2e-3;
                }
            }
        }
        return c;
    }

    @Test
    @DisplayName("ReLU keeps positive values and turns the others into 0")
    void reluIsMaxOfXAndZero() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all()).checkAssert((r, c, s) -> {
            double[][] x = m(r, c, s);
            double[][] y = relu(Tensor.constant(x)).value();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    assertThat(y[i][j]).as("relu(%s) must be max(%s, 0)", x[i][j], x[i][j])
                            .isEqualTo(Math.max(x[i][j], 0.0));
                }
            }
        });
    }

    @Test
    @DisplayName("The gradient of ReLU equals finite differences away from 0")
    void reluGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all()).checkAssert((r, c, s) ->
                GradCheck.check("relu", List.<double[][]>of(awayFromZero(m(r, c, s))), t -> relu(t.get(0)), s));
    }

    @Test
    @DisplayName("The squared error of every element is (ŷ − y)², with no factor ½")
    void squaredErrorIsDifferenceSquared() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            double[][] p = m(r, c, s);
            double[][] y = m(r, c, s + 1);
            double[][] l = squaredError(Tensor.constant(p), Tensor.constant(y)).value();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    double d = p[i][j] - y[i][j];
                    assertThat(l[i][j]).as("the loss of prediction %s for label %s", p[i][j], y[i][j])
                            .isEqualTo(d * d);
                }
            }
        });
    }

    @Test
    @DisplayName("The gradient of the squared error, for both the prediction and the label, equals finite differences")
    void squaredErrorGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            var in = List.<double[][]>of(m(r, c, s), m(r, c, s + 1));
            GradCheck.check("squaredError", in, t -> squaredError(t.get(0), t.get(1)), s);
            GradCheck.check("sum of squaredError", in, t -> sum(squaredError(t.get(0), t.get(1))), s);
        });
    }
}
