package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** detach() cuts the gradient, as the notes explain with their 12-versus-4 example. Docs: docs/training.md */
class DetachTest {
    @Test
    @DisplayName("The notes' detach example: x = 2, y = x·x; f = y·x gives df/dx = 12, g = detach(y)·x gives dg/dx = 4")
    void notesDetachExampleGives12And4() {
        var x = Tensor.param(new double[][] {{2.0}});
        var y = mul(x, x);
        var f = mul(y, x);
        f.backward();
        assertThat(x.grad()[0][0]).as("df/dx = 3x² = 12: the gradient flows through y as well").isEqualTo(12.0);

        x.zeroGrad();
        var yDetach = y.detach();
        var g = mul(yDetach, x);
        g.backward();
        assertThat(x.grad()[0][0]).as("dg/dx = y = 4: detach(y) is a constant, no gradient flows through it")
                .isEqualTo(4.0);
    }

    @Test
    @DisplayName("For any x, d(detach(y)·x)/dx = y where y = x·x")
    void gradientThroughDetachedFactorIsItsValue() {
        Props.qt().forAll(doubles().between(-100, 100)).checkAssert(v -> {
            var x = Tensor.param(new double[][] {{v}});
            var y = mul(x, x);
            mul(y.detach(), x).backward();
            assertThat(x.grad()[0][0]).as("d(detach(y)·x)/dx at x = %s", v).isEqualTo(y.item());
        });
    }

    @Test
    @DisplayName("Nothing upstream of a detached node receives gradient; downstream gradients are unchanged")
    void detachZeroesUpstreamGradients() {
        Props.qt(60).forAll(integers().between(1, 4), integers().between(1, 4), integers().between(1, 5), longs().all())
                .checkAssert((rows, cols, depth, seed) -> {
                    var rng = new Random(seed);
                    var up1 = Tensor.param(Matrices.uniform(rows, cols, 1, rng.nextLong()));
                    var up2 = Tensor.param(Matrices.uniform(cols, cols, 1, rng.nextLong()));
                    Tensor upstream = randomGraph(up1, up2, depth, rng.nextLong());

                    var down = Tensor.param(Matrices.uniform(cols, cols, 1, rng.nextLong()));
                    var bias = Tensor.param(Matrices.uniform(1, cols, 1, rng.nextLong()));
                    Function<Tensor, Tensor> downstream = h -> sum(tanh(addBias(mm(h, down), bias)));

                    boolean inPlace = rng.nextBoolean();
                    Tensor cut = inPlace ? upstream : upstream.detach();
                    if (inPlace) {
                        upstream.detachInPlace();
                    }
                    downstream.apply(cut).backward();
                    double[][] downGrad = Matrices.copyOf(down.grad());

                    assertThat(Matrices.maxAbsDiff(up1.grad(), new double[rows][cols]))
                            .as("a parameter upstream of %s received gradient", inPlace ? "detachInPlace" : "detach")
                            .isZero();
                    assertThat(Matrices.maxAbsDiff(up2.grad(), new double[cols][cols])).isZero();

                    down.zeroGrad();
                    bias.zeroGrad();
                    downstream.apply(Tensor.constant(cut.value())).backward();
                    assertThat(Matrices.bitIdentical(downGrad, down.grad()))
                            .as("gradients downstream of the cut must be those of a constant input").isTrue();
                });
    }

    /** A random chain of operations mixing two parameters; the result is rows×cols. */
    private static Tensor randomGraph(Tensor a, Tensor w, int depth, long seed) {
        var rng = new Random(seed);
        Tensor t = a;
        for (int d = 0; d < depth; d++) {
            t = switch (rng.nextInt(4)) {
                case 0 -> mm(t, w);
                case 1 -> tanh(t);
                case 2 -> add(t, mul(t, t));
                default -> Ops.catRows(List.of(t)).retainGrad();
            };
        }
        return t;
    }

    @Test
    @DisplayName("Calling backward twice doubles the gradients, and zeroGrad resets them to exactly 0")
    void backwardTwiceDoublesAndZeroGradResets() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            var w = Tensor.param(Matrices.uniform(c, c, 1, s));
            var x = Tensor.constant(Matrices.uniform(r, c, 1, s + 1));
            var loss = sum(tanh(mm(x, w)));
            loss.backward();
            double[][] once = Matrices.copyOf(w.grad());
            loss.backward();
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    assertThat(w.grad()[i][j]).as("after two backward() calls the gradient is twice the first")
                            .isCloseTo(2 * once[i][j], within(1e-15));
                }
            }
            w.zeroGrad();
            assertThat(Matrices.maxAbsDiff(w.grad(), new double[c][c])).as("zeroGrad leaves exact zeros").isZero();
        });
    }

    @Test
    @DisplayName("Operations on constants record no history, as under torch.no_grad()")
    void constantsRecordNoHistory() {
        var a = Tensor.constant(new double[][] {{1, 2}});
        var b = tanh(add(a, a));
        assertThat(b.requiresGrad()).as("tanh(a + a) of a constant a requires no gradient").isFalse();
        assertThat(b.isLeaf()).as("tanh(a + a) of a constant a is a leaf: no history was recorded").isTrue();
    }
}
