package rnnscratch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.crossEntropy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.train.Labels;

/**
 * The backward pass written by hand ({@link Bptt}) is the autograd's, number for number. Docs: docs/bptt.md
 */
class BpttTest {
    /** One random minibatch and model, and what the autograd makes of it. */
    record Case(int[][] x, int[][] y, double[][] h0, RnnParams params, double loss, List<double[][]> grads,
            double[][] gradH0, List<double[][]> gradH) {

        /** Parameters uniform in [−scale, scale), a starting state in (−1, 1), tokens and labels in [0, V). */
        static Case draw(int vocab, int hiddens, int steps, int batch, double scale, long seed) {
            var rng = new Random(seed);
            var params = RnnParams.of(Matrices.uniform(vocab, hiddens, scale, rng.nextLong()),
                    Matrices.uniform(hiddens, hiddens, scale, rng.nextLong()),
                    Matrices.uniform(1, hiddens, scale, rng.nextLong()),
                    Matrices.uniform(hiddens, vocab, scale, rng.nextLong()),
                    Matrices.uniform(1, vocab, scale, rng.nextLong()));
            double[][] h0 = Matrices.uniform(batch, hiddens, 0.99, rng.nextLong());
            var x = new int[batch][steps];
            var y = new int[batch][steps];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < steps; t++) {
                    x[b][t] = rng.nextInt(vocab);
                    y[b][t] = rng.nextInt(vocab);
                }
            }
            // the autograd: H_0 is a leaf that requires gradients, so that ∂ℓ/∂H_0 is kept
            var state = new RnnState(Tensor.param(rnnscratch.tensor.Mat.copy(h0)));
            Rnn.Output out = new RNNModelScratch(params).forward(x, state);
            out.hiddenStates().forEach(Tensor::retainGrad);
            Tensor l = crossEntropy(out.outputs(), Labels.flattenTransposed(y));
            l.backward();
            List<double[][]> grads = params.list().stream().map(Tensor::grad).toList();
            List<double[][]> gradH = out.hiddenStates().stream().map(Tensor::grad).toList();
            var fresh = RnnParams.of(params.W_xh().value(), params.W_hh().value(), params.b_h().value(),
                    params.W_hq().value(), params.b_q().value());
            return new Case(x, y, h0, fresh, l.item(), grads, state.H().grad(), gradH);
        }
    }

    /** The sizes of one case; a shrunk counterexample reads {@code Sizes[vocab=2, hiddens=1, steps=2, batch=1]}. */
    record Sizes(int vocab, int hiddens, int steps, int batch) {}

    /** Vocabularies and hidden layers of 1 to {@code max}, 1 to {@code maxSteps} steps, batches of 1 to 5. */
    static org.quicktheories.core.Gen<Sizes> sizes(int max, int maxSteps) {
        return integers().between(1, max).zip(integers().between(1, max), integers().between(1, maxSteps),
                integers().between(1, 5), Sizes::new);
    }

    private static double maxAbsDiff(double[][] a, double[][] b) {
        return Matrices.maxAbsDiff(a, b);
    }

    /** The largest difference any comparison saw, printed for the record. */
    private static double largest;

    @Test
    @DisplayName("The hand-written backward pass gives the autograd's gradients of all five parameters, of every H_t "
            + "and of H_0 within 1e-10, for random vocabulary sizes, hidden sizes, steps, batches and seeds")
    void equalsTheAutograd() {
        largest = 0;
        Props.qt().forAll(sizes(9, 12), doubles().between(0.01, 2.0), longs().all())
                .checkAssert((n, scale, seed) -> {
                    int vocab = n.vocab();
                    int hiddens = n.hiddens();
                    int steps = n.steps();
                    int batch = n.batch();
                    var c = Case.draw(vocab, hiddens, steps, batch, scale, seed);
                    Bptt.Forward f = Bptt.forward(c.x(), c.y(), c.h0(), c.params());
                    assertThat(f.loss()).as("the loss of the forward pass on plain matrices").isEqualTo(c.loss());
                    Bptt.Gradients g = Bptt.backward(f, c.params());
                    for (int i = 0; i < 5; i++) {
                        double d = maxAbsDiff(g.list().get(i), c.grads().get(i));
                        largest = Math.max(largest, d);
                        assertThat(d).as("∂ℓ/∂%s, V=%d H=%d T=%d batch=%d", RnnParams.NAMES.get(i), vocab, hiddens,
                                steps, batch).isLessThan(1e-10);
                    }
                    double d0 = maxAbsDiff(g.H0(), c.gradH0());
                    largest = Math.max(largest, d0);
                    assertThat(d0).as("∂ℓ/∂H_0").isLessThan(1e-10);
                    for (int t = 1; t <= steps; t++) {
                        double d = maxAbsDiff(g.H().get(t - 1), c.gradH().get(t - 1));
                        largest = Math.max(largest, d);
                        assertThat(d).as("∂ℓ/∂H_%d", t).isLessThan(1e-10);
                    }
                });
        System.out.printf("BpttTest: the largest difference between Bptt.backward and the autograd over 100 random "
                + "cases: %.3g%n", largest);
        assertThat(largest).as("the largest difference seen").isLessThan(1e-10);
    }

    @Test
    @DisplayName("The forward pass on plain matrices gives the tensors' states and outputs bit for bit")
    void forwardIsTheTensorsForward() {
        Props.qt().forAll(sizes(6, 8), longs().all())
                .checkAssert((n, seed) -> {
                    int steps = n.steps();
                    int batch = n.batch();
                    var c = Case.draw(n.vocab(), n.hiddens(), steps, batch, 1.0, seed);
                    Bptt.Forward f = Bptt.forward(c.x(), c.y(), c.h0(), c.params());
                    Rnn.Output out = new RNNModelScratch(c.params())
                            .forward(c.x(), new RnnState(Tensor.constant(c.h0())));
                    for (int t = 1; t <= steps; t++) {
                        assertThat(f.H(t)).as("H_%d", t).isDeepEqualTo(out.hiddenStates().get(t - 1).value());
                        for (int b = 0; b < batch; b++) {
                            assertThat(f.O(t)[b]).as("O_%d row %d", t, b)
                                    .isEqualTo(out.outputs().value()[(t - 1) * batch + b]);
                        }
                    }
                    assertThat(f.H(0)).as("H_0").isSameAs(c.h0());
                });
    }

    @Test
    @DisplayName("With one step, one sequence and one hidden unit the gradients are the page's worked example")
    void workedExample() {
        double ln3 = Math.log(3);
        // V = 2, H = 1: H_1 = tanh(½ ln 3) = ½, O_1 = (ln 3, 0), softmax = (¾, ¼), label 0
        var params = RnnParams.of(new double[][] {{ln3 / 2}, {-ln3 / 2}}, new double[][] {{ln3}},
                new double[][] {{0}}, new double[][] {{2 * ln3, 0}}, new double[][] {{0, 0}});
        Bptt.Forward f = Bptt.forward(new int[][] {{0}}, new int[][] {{0}}, new double[][] {{0}}, params);
        assertThat(f.H(1)[0][0]).as("H_1").isCloseTo(0.5, within(1e-15));
        assertThat(f.loss()).as("ℓ = −ln ¾").isCloseTo(Math.log(4.0 / 3), within(1e-15));
        Bptt.Gradients g = Bptt.backward(f, params);
        assertThat(g.W_hq()[0]).as("W̄_hq = H_1·(¾ − 1, ¼)").containsExactly(new double[] {-0.125, 0.125},
                within(1e-15));
        assertThat(g.H().get(0)[0][0]).as("H̄_1 = −¼·2 ln 3").isCloseTo(-ln3 / 2, within(1e-15));
        assertThat(g.W_xh()[0][0]).as("W̄_xh[0] = Ā_1 = H̄_1·(1 − ¼)").isCloseTo(-3 * ln3 / 8, within(1e-15));
        assertThat(g.W_hh()[0][0]).as("W̄_hh = H_0·Ā_1 = 0").isEqualTo(0.0);
        assertThat(g.H0()[0][0]).as("H̄_0 = Ā_1·W_hh").isCloseTo(-3 * ln3 * ln3 / 8, within(1e-15));
    }

    @Test
    @DisplayName("The forward pass refuses labels Y of another shape than the inputs X (batch x T), naming both")
    void forwardRefusesLabelsOfAnotherShape() {
        Props.qt().forAll(sizes(3, 4)).checkAssert(n -> {
            var c = Case.draw(n.vocab(), n.hiddens(), n.steps(), n.batch(), 0.5, 1);
            var longer = new int[n.batch()][n.steps() + 1];
            assertThatThrownBy(() -> Bptt.forward(c.x(), longer, c.h0(), c.params()))
                    .as("X %dx%d with Y %dx%d", n.batch(), n.steps(), n.batch(), n.steps() + 1)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
            var moreRows = new int[n.batch() + 1][n.steps()];
            assertThatThrownBy(() -> Bptt.forward(c.x(), moreRows, c.h0(), c.params()))
                    .as("X %dx%d with Y %dx%d", n.batch(), n.steps(), n.batch() + 1, n.steps())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
        });
    }

    @Test
    @DisplayName("A recorded forward pass holds T ≥ 1 inputs, T + 1 states, T outputs and T label rows, or is refused")
    void aRecordedForwardPassFitsItsSteps() {
        var c = Case.draw(3, 2, 2, 1, 0.5, 7);
        Bptt.Forward f = Bptt.forward(c.x(), c.y(), c.h0(), c.params());
        assertThatThrownBy(() -> new Bptt.Forward(f.inputs(), f.states().subList(0, 2), f.outputs(), f.labels(),
                f.loss())).as("2 inputs with 2 states instead of 3").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bptt.Forward(f.inputs(), f.states(), f.outputs().subList(0, 1), f.labels(),
                f.loss())).as("2 inputs with 1 output").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bptt.Forward(f.inputs(), f.states(), f.outputs(), f.labels().subList(0, 1),
                f.loss())).as("2 inputs with 1 label row").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bptt.Forward(List.of(), f.states().subList(0, 1), List.of(), List.of(),
                f.loss())).as("no steps at all").isInstanceOf(IllegalArgumentException.class);
        assertThat(new Bptt.Forward(f.inputs(), f.states(), f.outputs(), f.labels(), f.loss()).steps())
                .as("the steps of a forward pass that fits").isEqualTo(2);
    }
}
