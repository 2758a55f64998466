package rnnscratch.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Params;
import rnnscratch.testing.Props;

/**
 * The updaters, each against its formula: the book's {@code sgd}, {@link SgdOptimizer} and the settings {@link Adam}
 * refuses. Docs: docs/training.md#two-kinds-of-updater
 */
class UpdatersTest {
    @Test
    @DisplayName("sgd(params, lr, b) moves every parameter by −lr·grad/b and then sets every gradient to 0")
    void sgdDividesByTheBatchSize() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 3), integers().between(1, 64), longs().all())
                .checkAssert((count, lr, batch, seed) -> {
                    var ps = Params.withGradients(count, seed);
                    var values = Params.copies(ps.stream().map(Tensor::value).toList());
                    var grads = Params.copies(ps.stream().map(Tensor::grad).toList());
                    Sgd.sgd(ps, lr, batch);
                    for (int k = 0; k < count; k++) {
                        var expected = Mat.sub(values.get(k), Mat.scale(grads.get(k), lr / batch));
                        assertThat(Matrices.maxAbsDiff(ps.get(k).value(), expected))
                                .as("parameter %d after sgd with lr %s and batch size %d", k, lr, batch)
                                .isLessThan(1e-12);
                        assertThat(Mat.sumSquares(ps.get(k).grad())).as("gradient %d after sgd", k).isZero();
                    }
                });
    }

    @Test
    @DisplayName("SgdOptimizer.step() moves every parameter by −lr·grad and keeps the gradients; zeroGrad() clears "
            + "them")
    void sgdOptimizerStepAndZeroGrad() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 3), longs().all())
                .checkAssert((count, lr, seed) -> {
                    var ps = Params.withGradients(count, seed);
                    var values = Params.copies(ps.stream().map(Tensor::value).toList());
                    var grads = Params.copies(ps.stream().map(Tensor::grad).toList());
                    var optimizer = new SgdOptimizer(ps, lr);
                    optimizer.step();
                    for (int k = 0; k < count; k++) {
                        var expected = Mat.sub(values.get(k), Mat.scale(grads.get(k), lr));
                        assertThat(Matrices.maxAbsDiff(ps.get(k).value(), expected))
                                .as("parameter %d after one step with lr %s", k, lr).isLessThan(1e-12);
                        assertThat(ps.get(k).grad()).as("gradient %d after step()", k).isDeepEqualTo(grads.get(k));
                    }
                    optimizer.zeroGrad();
                    for (Tensor p : ps) {
                        assertThat(Mat.sumSquares(p.grad())).as("a gradient after zeroGrad()").isZero();
                    }
                });
    }

    @Test
    @DisplayName("SgdOptimizer refuses an empty parameter list and a learning rate that is not positive")
    void sgdOptimizerRefusesBadSettings() {
        var p = Tensor.param(new double[][] {{1}});
        assertThatThrownBy(() -> new SgdOptimizer(List.of(), 0.1)).as("no parameters")
                .isInstanceOf(IllegalArgumentException.class);
        for (double lr : new double[] {0.0, -0.5, Double.NaN}) {
            assertThatThrownBy(() -> new SgdOptimizer(List.of(p), lr)).as("lr = %s", lr)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("Adam refuses an empty parameter list, β outside [0, 1), a non-positive ε and a computed tensor")
    void adamSettingsAreChecked() {
        var p = Tensor.param(new double[][] {{1}});
        assertThatThrownBy(() -> new Adam(List.of(), 0.1)).as("no parameters")
                .isInstanceOf(IllegalArgumentException.class);
        double[][] bad = {{0.1, -0.1, 0.999, 1e-8}, {0.1, 1.0, 0.999, 1e-8}, {0.1, 0.9, -0.1, 1e-8},
            {0.1, 0.9, 1.0, 1e-8}, {0.1, 0.9, 0.999, 0.0}, {Double.NaN, 0.9, 0.999, 1e-8}};
        for (double[] s : bad) {
            assertThatThrownBy(() -> new Adam(List.of(p), s[0], s[1], s[2], s[3]))
                    .as("lr %s, β₁ %s, β₂ %s, ε %s", s[0], s[1], s[2], s[3])
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Adam(List.of(p), 0.1, 0.0, 0.0, 1e-8).steps()).as("β = 0 is allowed").isZero();
        var computed = rnnscratch.autograd.Ops.tanh(p);
        assertThatThrownBy(() -> new Adam(List.of(computed), 0.1)).as("a computed tensor is not a parameter")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Adam counts its steps: t is 0 before the first step() and 2 after two")
    void adamCountsItsSteps() {
        var p = Tensor.param(new double[][] {{1}});
        assertThat(new Adam(List.of(p), 0.1).steps()).as("steps before any step() call").isZero();
        var adam = new Adam(List.of(p), 0.1);
        adam.step();
        adam.step();
        assertThat(adam.steps()).as("steps after two step() calls").isEqualTo(2);
    }

    @Test
    @DisplayName("An optimiser used as a hand-written updater steps and then zeroes the gradients, as the book's sgd "
            + "does")
    void optimizerAsUpdaterStepsThenZeroes() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 3), longs().all())
                .checkAssert((count, lr, seed) -> {
                    var a = Params.withGradients(count, seed);
                    var b = Params.withGradients(count, seed);
                    new SgdOptimizer(a, lr).update(1);
                    Sgd.sgd(b, lr, 1);
                    for (int k = 0; k < count; k++) {
                        assertThat(Matrices.bitIdentical(a.get(k).value(), b.get(k).value()))
                                .as("parameter %d: SgdOptimizer.update(1) and sgd(params, lr, 1)", k).isTrue();
                        assertThat(Mat.sumSquares(a.get(k).grad())).as("gradient %d after update(1)", k).isZero();
                    }
                });
    }
}
