package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.relu;
import static rnnscratch.autograd.Ops.scale;
import static rnnscratch.autograd.Ops.sub;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * A tensor used more than once gets the sum of the gradients of all its uses (the multivariable chain rule), and a
 * product's gradient flows into a computed operand as well as into a parameter. Docs: docs/tensor-and-autograd.md
 */
class SharedTensorGradientTest {
    @Test
    @DisplayName("For sum((x + y) + x), every element of ∂/∂x is 2 and every element of ∂/∂y is 1")
    void reusedTensorGetsBothShares() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var x = Tensor.param(m(r, c, s));
            var y = Tensor.param(m(r, c, s + 1));
            sum(add(add(x, y), x)).backward();
            assertThat(x.grad()).as("x is added twice, so each use sends 1").isDeepEqualTo(Mat.full(r, c, 2.0));
            assertThat(y.grad()).as("y is added once: the second use of x must not leak into y's gradient")
                    .isDeepEqualTo(Mat.full(r, c, 1.0));
        });
    }

    @Test
    @DisplayName("For sum(x + x − y + x), ∂/∂x is 3 and ∂/∂y is −1 everywhere, whatever order the uses come in")
    void threeUsesAddUp() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var x = Tensor.param(m(r, c, s));
            var y = Tensor.param(m(r, c, s + 1));
            sum(add(sub(add(x, x), y), x)).backward();
            assertThat(x.grad()).as("three uses of x, each with gradient 1").isDeepEqualTo(Mat.full(r, c, 3.0));
            assertThat(y.grad()).as("y is subtracted once").isDeepEqualTo(Mat.full(r, c, -1.0));
        });
    }

    @Test
    @DisplayName("A tensor fed into both sides of add, sub, mul or addBias gets the gradient of both uses, as finite "
            + "differences say")
    void bothOperandsTheSameTensor() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var xy = List.<double[][]>of(m(r, c, s), m(r, c, s + 1));
            GradCheck.check("add(x, x)", xy.subList(0, 1), t -> add(t.get(0), t.get(0)), s);
            GradCheck.check("sub(x, x)", xy.subList(0, 1), t -> sub(t.get(0), t.get(0)), s);
            GradCheck.check("mul(x, x)", xy.subList(0, 1), t -> mul(t.get(0), t.get(0)), s);
            GradCheck.check("(x + y) + x", xy, t -> add(add(t.get(0), t.get(1)), t.get(0)), s);
            GradCheck.check("(x − y)·x, element-wise", xy, t -> mul(sub(t.get(0), t.get(1)), t.get(0)), s);
            GradCheck.check("tanh(x) + x·y", xy, t -> add(tanh(t.get(0)), mul(t.get(0), t.get(1))), s);
            var bias = List.<double[][]>of(m(r, c, s), m(1, c, s + 2));
            GradCheck.check("addBias(addBias(x, b), b)", bias,
                    t -> addBias(addBias(t.get(0), t.get(1)), t.get(1)), s);
            GradCheck.check("addBias(x, b) ⊙ addBias(x, b), one bias used in two branches", bias,
                    t -> mul(addBias(t.get(0), t.get(1)), tanh(addBias(t.get(0), t.get(1)))), s);
        });
    }

    @Test
    @DisplayName("A square matrix multiplied by itself, x·x, gets ∂C·xᵀ + xᵀ·∂C, as finite differences say")
    void squareMatrixTimesItself() {
        Props.qt().forAll(integers().between(1, 5), longs().all()).checkAssert((n, s) -> {
            GradCheck.check("mm(x, x)", List.<double[][]>of(m(n, n, s)), t -> mm(t.get(0), t.get(0)), s);
            GradCheck.check("mm(mm(x, x), x)", List.<double[][]>of(m(n, n, s)),
                    t -> mm(mm(t.get(0), t.get(0)), t.get(0)), s);
        });
    }

    @Test
    @DisplayName("The gradient of mm flows into a computed right operand A·tanh(B) and a computed left operand "
            + "tanh(A)·B, as finite differences say")
    void mmWithComputedOperands() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((r, k, c, s) -> {
                    var ab = List.<double[][]>of(m(r, k, s), m(k, c, s + 1));
                    GradCheck.check("A·tanh(B)", ab, t -> mm(t.get(0), tanh(t.get(1))), s);
                    GradCheck.check("tanh(A)·B", ab, t -> mm(tanh(t.get(0)), t.get(1)), s);
                    GradCheck.check("(2A)·(−B/2)", ab, t -> mm(scale(t.get(0), 2.0), scale(t.get(1), -0.5)), s);
                });
    }

    @Test
    @DisplayName("A weight used at every step of a loop gets the sum of every step's gradient, also when a step's "
            + "right operand is computed")
    void weightSharedAcrossSteps() {
        Props.qt(50).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 4),
                longs().all()).checkAssert((b, h, steps, s) -> {
                    var in = List.<double[][]>of(m(b, h, s), m(h, h, s + 1), m(h, h, s + 2));
                    GradCheck.check("H ← tanh(H·W + H·tanh(U)) for " + steps + " steps", in, t -> {
                        Tensor hState = t.get(0);
                        for (int i = 0; i < steps; i++) {
                            hState = tanh(add(mm(hState, t.get(1)), mm(hState, tanh(t.get(2)))));
                        }
                        return hState;
                    }, s);
                });
    }

    @Test
    @DisplayName("A constant operand of mul, sub, addBias or mm receives no gradient, and the parameter beside it "
            + "gets exactly its share")
    void constantOperandGetsNoGradient() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            var p = Tensor.param(m(r, c, s));
            var k = Tensor.constant(m(r, c, s + 1));
            var bias = Tensor.constant(m(1, c, s + 2));
            var square = Tensor.constant(m(c, c, s + 3));
            sum(add(add(mul(k, p), sub(k, p)), add(addBias(p, bias), mm(p, square)))).backward();
            // ∂/∂p of Σ(k⊙p) + Σ(k − p) + Σ(p + b) + Σ(p·K) = k − 1 + 1 + 1·Kᵀ, where (1·Kᵀ)[i][j] = Σ_l K[j][l]
            var expected = Matrices.copyOf(k.value());
            for (double[] row : expected) {
                for (int j = 0; j < c; j++) {
                    row[j] += Mat.sum(new double[][] {square.value()[j]});
                }
            }
            assertThat(Matrices.maxAbsDiff(p.grad(), expected)).as("∂/∂p is k + 1·Kᵀ").isLessThan(1e-12);
            for (Tensor constant : List.of(k, bias, square)) {
                assertThat(Mat.sumSquares(constant.grad())).as("a constant never receives a gradient").isZero();
            }
        });
    }

    @Test
    @DisplayName("ReLU's gradient at exactly 0 is 0, as PyTorch takes it, and 1 just above 0")
    void reluGradientAtZeroIsZero() {
        var x = Tensor.param(new double[][] {{0.0, -0.0, 1e-300, -1e-300, 2.0}});
        sum(relu(x)).backward();
        assertThat(x.grad()[0]).as("∂relu/∂x at 0, −0, a tiny positive, a tiny negative and 2")
                .containsExactly(0.0, 0.0, 1.0, 0.0, 1.0);
    }
}
