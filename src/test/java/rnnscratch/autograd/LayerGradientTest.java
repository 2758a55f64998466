package rnnscratch.autograd;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.seq.AutoregressiveModel;
import rnnscratch.seq.Linear;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Props;

/**
 * The layers of the sequence model (d2l 8.1) pass the finite-difference gradient check. They live in
 * {@code rnnscratch.seq}; the check sits here because {@link GradCheck} belongs to this package.
 * Docs: docs/sequence-models.md
 */
class LayerGradientTest {
    @Test
    @DisplayName("The gradient of a Linear layer X·W + b, for X, W and b, equals finite differences")
    void linearGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(1, 5), longs().all())
                .checkAssert((batch, in, out, s) -> GradCheck.check("Linear",
                        List.<double[][]>of(m(batch, in, s), m(in, out, s + 1), m(1, out, s + 2)),
                        t -> new Linear(t.get(1), t.get(2)).forward(t.get(0)), s));
    }

    @Test
    @DisplayName("The gradient of the whole autoregressive MLP, Linear → ReLU → Linear, equals finite differences")
    void autoregressiveModelGradientMatchesFiniteDifferences() {
        Props.qt(60).forAll(integers().between(1, 4), integers().between(1, 5), integers().between(1, 6), longs().all())
                .checkAssert((batch, tau, hidden, s) -> {
                    var in = List.<double[][]>of(m(batch, tau, s), m(tau, hidden, s + 1), m(1, hidden, s + 2),
                            m(hidden, 1, s + 3), m(1, 1, s + 4));
                    double[][] preActivation = Mat.addRowVector(MatMul.mm(in.get(0), in.get(1)), in.get(2));
                    if (nearZero(preActivation)) {
                        return; // ReLU has no derivative at 0: finite differences would straddle the kink
                    }
                    GradCheck.check("AutoregressiveModel", in, t -> new AutoregressiveModel(
                            new Linear(t.get(1), t.get(2)), new Linear(t.get(3), t.get(4))).forward(t.get(0)), s);
                });
    }

    private static boolean nearZero(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (Math.abs(v) < 1e-3) {
                    return true;
                }
            }
        }
        return false;
    }
}
