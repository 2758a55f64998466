package rnnscratch.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.sub;
import static rnnscratch.autograd.Ops.sum;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** The Adam optimiser (torch.optim.Adam) used to train the sequence model. Docs: docs/sequence-models.md */
class AdamTest {
    @Test
    @DisplayName("Worked example: two Adam steps from θ = 1 with gradients 0.5 then −0.2 follow the formula")
    void twoStepsFollowTheFormula() {
        var theta = Tensor.param(new double[][] {{1.0}});
        var adam = new Adam(List.of(theta), 0.1, 0.9, 0.999, 1e-8);

        theta.grad()[0][0] = 0.5;
        adam.step();
        // m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025; m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25
        // θ = 1 − 0.1·0.5/(√0.25 + 1e-8) = 0.900000002
        assertThat(theta.value()[0][0]).as("after step 1").isCloseTo(0.900000002, within(1e-15));

        theta.grad()[0][0] = -0.2;
        adam.step();
        // m = 0.9·0.05 + 0.1·(−0.2) = 0.025, v = 0.999·0.00025 + 0.001·0.04 = 0.00028975
        // m̂ = 0.025/(1 − 0.9²) = 0.1315789…, v̂ = 0.00028975/(1 − 0.999²) = 0.1449474…
        // θ = 0.900000002 − 0.1·m̂/(√v̂ + 1e-8) = 0.8654394181…
        assertThat(theta.value()[0][0]).as("after step 2").isCloseTo(0.8654394181165108, within(1e-12));
        assertThat(adam.steps()).as("Adam's step count t after two steps").isEqualTo(2);
    }

    @Test
    @DisplayName("Adam's first step moves every parameter by lr against the sign of its gradient")
    void firstStepMovesByLearningRate() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), doubles().between(1e-4, 1.0), longs().all())
                .checkAssert((r, c, lr, s) -> {
                    double[][] start = Matrices.uniform(r, c, 3, s);
                    double[][] g = Matrices.uniform(r, c, 2, s + 1);
                    var p = Tensor.param(Mat.copy(start));
                    Mat.addInPlace(p.grad(), g);
                    new Adam(List.of(p), lr).step();
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            if (Math.abs(g[i][j]) < 1e-3) {
                                continue;
                            }
                            // bias correction makes m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε)
                            assertThat(p.value()[i][j] - start[i][j])
                                    .as("gradient %s with lr %s", g[i][j], lr)
                                    .isCloseTo(-lr * Math.signum(g[i][j]), within(lr * 1e-4));
                        }
                    }
                });
    }

    @Test
    @DisplayName("Adam (lr 0.05) on a random convex quadratic (w − c)·A·(w − c)ᵀ ends within 0.02 of its minimiser c")
    void convergesOnConvexQuadratic() {
        Props.qt(20).forAll(integers().between(1, 5), longs().all()).checkAssert((n, s) -> {
            double[][] m = Matrices.uniform(n, n, 1, s);
            double[][] a = Mat.add(MatMul.mmTransA(m, m), Mat.scale(Mat.identity(n), 0.5)); // MᵀM + ½I: positive definite
            double[][] c = Matrices.uniform(1, n, 2, s + 1);
            var w = Tensor.param(Matrices.uniform(1, n, 2, s + 2));
            var aT = Tensor.constant(a);
            var cT = Tensor.constant(c);
            var adam = new Adam(List.of(w), 0.05);
            for (int step = 0; step < 2000; step++) {
                adam.zeroGrad();
                var d = sub(w, cT);
                sum(mul(mm(d, aT), d)).backward();
                adam.step();
            }
            assertThat(Matrices.maxAbsDiff(w.value(), c))
                    .as("after 2000 steps w = %s should be near the minimiser c = %s (with a constant learning "
                            + "rate Adam keeps moving by about lr, so it settles near c rather than exactly on it)",
                            java.util.Arrays.toString(w.value()[0]), java.util.Arrays.toString(c[0]))
                    .isLessThan(0.02);
        });
    }

    @Test
    @DisplayName("step() leaves the gradients as they are; zeroGrad() sets them to 0, as trainer.zero_grad()")
    void stepKeepsGradientsAndZeroGradClearsThem() {
        var p = Tensor.param(new double[][] {{1, 2}});
        var adam = new Adam(List.of(p), 0.01);
        p.grad()[0][0] = 3;
        p.grad()[0][1] = -4;
        adam.step();
        assertThat(p.grad()[0]).containsExactly(3, -4);
        adam.zeroGrad();
        assertThat(p.grad()[0]).containsExactly(0, 0);
    }

    @Test
    @DisplayName("Adam refuses a non-positive learning rate and a tensor that is not a parameter")
    void badSettingsAreRefused() {
        var p = Tensor.param(new double[][] {{1}});
        assertThatThrownBy(() -> new Adam(List.of(p), 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr");
        assertThatThrownBy(() -> new Adam(List.of(Tensor.constant(new double[][] {{1}})), 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a parameter");
    }
}
