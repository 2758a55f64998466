package rnnscratch.autograd;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.catRows;
import static rnnscratch.autograd.Ops.crossEntropy;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.scale;
import static rnnscratch.autograd.Ops.sub;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * Every operation's gradient equals central finite differences on random shapes and values.
 * Docs: docs/tensor-and-autograd.md
 */
class GradientTest {
    @Test
    @DisplayName("The gradient of mm equals finite differences")
    void mmGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(1, 5), longs().all())
                .checkAssert((r, k, c, s) -> GradCheck.check("mm", List.<double[][]>of(m(r, k, s), m(k, c, s + 1)),
                        t -> mm(t.get(0), t.get(1)), s));
    }

    @Test
    @DisplayName("The gradients of add, sub and mul equal finite differences")
    void elementwiseGradientsMatchFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var in = List.<double[][]>of(m(r, c, s), m(r, c, s + 1));
            GradCheck.check("add", in, t -> add(t.get(0), t.get(1)), s);
            GradCheck.check("sub", in, t -> sub(t.get(0), t.get(1)), s);
            GradCheck.check("mul", in, t -> mul(t.get(0), t.get(1)), s);
            GradCheck.check("scale", in.subList(0, 1), t -> scale(t.get(0), -2.5), s);
        });
    }

    @Test
    @DisplayName("The gradient of a row-broadcast bias add equals finite differences")
    void addBiasGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all())
                .checkAssert((r, c, s) -> GradCheck.check("addBias", List.<double[][]>of(m(r, c, s), m(1, c, s + 1)),
                        t -> addBias(t.get(0), t.get(1)), s));
    }

    @Test
    @DisplayName("The gradient of tanh equals finite differences")
    void tanhGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all())
                .checkAssert((r, c, s) -> GradCheck.check("tanh", List.<double[][]>of(m(r, c, s)), t -> tanh(t.get(0)), s));
    }

    @Test
    @DisplayName("The gradients of sum and of concatenation along rows equal finite differences")
    void sumAndCatRowsGradientsMatchFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((r1, r2, c, s) -> {
                    GradCheck.check("sum", List.<double[][]>of(m(r1, c, s)), t -> sum(t.get(0)), s);
                    GradCheck.check("catRows", List.<double[][]>of(m(r1, c, s), m(r2, c, s + 1), m(r1, c, s + 2)),
                            t -> catRows(t), s);
                });
    }

    @Test
    @DisplayName("The gradient of the mean cross-entropy equals finite differences")
    void crossEntropyGradientMatchesFiniteDifferences() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 8), longs().all()).checkAssert((n, v, s) -> {
            int[] labels = Matrices.labels(n, v, s);
            GradCheck.check("crossEntropy", List.<double[][]>of(m(n, v, s)), t -> crossEntropy(t.get(0), labels), s);
        });
    }

    @Test
    @DisplayName("The gradient of a whole RNN step, tanh(X·W_xh + H·W_hh + b_h)·W_hq, equals finite differences")
    void rnnStepGradientMatchesFiniteDifferences() {
        Props.qt(40).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((b, v, h, s) -> GradCheck.check("rnn step",
                        List.<double[][]>of(m(b, v, s), m(v, h, s + 1), m(b, h, s + 2), m(h, h, s + 3), m(1, h, s + 4),
                                m(h, v, s + 5)),
                        t -> mm(tanh(addBias(add(mm(t.get(0), t.get(1)), mm(t.get(2), t.get(3))), t.get(4))),
                                t.get(5)), s));
    }
}
