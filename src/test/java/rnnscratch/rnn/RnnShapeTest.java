package rnnscratch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Shapes through the RNN, stated as sentences. Docs: docs/rnn.md, docs/parameters.md */
class RnnShapeTest {
    private static int[][] tokens(int batch, int steps, int vocab, long seed) {
        var rng = new Random(seed);
        var x = new int[batch][steps];
        for (int[] row : x) {
            for (int t = 0; t < steps; t++) {
                row[t] = rng.nextInt(vocab);
            }
        }
        return x;
    }

    @Test
    @DisplayName("One-hot of Xᵀ gives t matrices of batch × vocab_size, with X[b][t] marked in row b of matrix t")
    void oneHotOfXTransposedIsOneMatrixPerStep() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 8), integers().between(1, 12), longs().all())
                .checkAssert((batch, steps, vocab, seed) -> {
                    int[][] x = tokens(batch, steps, vocab, seed);
                    List<Tensor> inputs = OneHot.oneHot(OneHot.transpose(x), vocab);
                    assertThat(inputs).as("one matrix per time step").hasSize(steps);
                    for (int t = 0; t < steps; t++) {
                        assertThat(inputs.get(t).shape()).as("shape of step %d's one-hot matrix", t).isEqualTo("(" + batch + "x" + vocab + ")");
                        for (int b = 0; b < batch; b++) {
                            assertThat(Mat.argmaxRows(inputs.get(t).value())[b])
                                    .as("step %d, sequence %d holds token X[%d][%d]", t, b, b, t).isEqualTo(x[b][t]);
                            assertThat(Mat.sum(new double[][] {inputs.get(t).value()[b]}))
                                    .as("step %d, sequence %d: a one-hot row holds a single 1", t, b).isEqualTo(1.0);
                        }
                    }
                });
    }

    @Test
    @DisplayName("getParams gives W_xh V×H, W_hh H×H, b_h 1×H, W_hq H×V, b_q 1×V; small weights, zero biases")
    void getParamsShapesAndScale() {
        Props.qt().forAll(integers().between(1, 30), integers().between(1, 40), longs().all())
                .checkAssert((vocab, hidden, seed) -> {
                    var p = RnnParams.getParams(vocab, hidden, new Random(seed));
                    assertThat(p.list().stream().map(Tensor::shape).toList()).containsExactly(
                            "(" + vocab + "x" + hidden + ")", "(" + hidden + "x" + hidden + ")", "(1x" + hidden + ")",
                            "(" + hidden + "x" + vocab + ")", "(1x" + vocab + ")");
                    assertThat(p.list()).allMatch(Tensor::requiresGrad, "every parameter requires gradients");
                    assertThat(Mat.sumSquares(p.b_h().value()) + Mat.sumSquares(p.b_q().value()))
                            .as("biases start at zero").isZero();
                    double maxWeight = Math.max(Matrices.maxAbsDiff(p.W_xh().value(), new double[vocab][hidden]),
                            Matrices.maxAbsDiff(p.W_hh().value(), new double[hidden][hidden]));
                    assertThat(maxWeight).as("weights are N(0,1)·0.01, so far below 0.1").isLessThan(0.1);
                });
    }

    @Test
    @DisplayName("Outputs are (steps·batch)×V, the state batch×H, and token X[b][t] lands in output row t·batch + b")
    void outputsAreTimeMajor() {
        Props.qt(60).forAll(integers().between(1, 5), integers().between(1, 6), integers().between(2, 9),
                        integers().between(1, 8))
                .checkAssert((batch, steps, vocab, hidden) -> {
                    var net = new RNNModelScratch(vocab, hidden, new Random(batch * 31L + steps));
                    int[][] x = tokens(batch, steps, vocab, vocab * 7L + hidden);
                    var out = net.forward(x, net.beginState(batch));
                    assertThat(out.outputs().shape()).isEqualTo("(" + steps * batch + "x" + vocab + ")");
                    assertThat(out.state().H().shape()).isEqualTo("(" + batch + "x" + hidden + ")");
                    for (int b = 0; b < batch; b++) {
                        for (int t = 0; t < steps; t++) {
                            // Running sequence b alone up to step t must give the same output row.
                            int[][] alone = {java.util.Arrays.copyOf(x[b], t + 1)};
                            var single = net.forward(alone, net.beginState(1)).outputs().value();
                            assertThat(out.outputs().value()[t * batch + b])
                                    .as("output row t·batch + b = %d must be step %d of sequence %d", t * batch + b, t, b)
                                    .containsExactly(single[t]);
                        }
                    }
                });
    }
}
