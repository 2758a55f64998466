package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.crossEntropy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.train.Labels;

/** Exercise 19: backpropagation through time by hand. Docs: docs/bptt.md */
@Tag("exercise")
@Tag("ex19")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex19BpttTest {
    private static final double LN3 = Math.log(3);

    /**
     * The page's worked example: V = 2 tokens (a = 0, b = 1), H = 1 hidden unit, one sequence, H_0 = 0. Reading a
     * gives A = ½ ln 3, so H = tanh(½ ln 3) = ½; W_hq = (2 ln 3, 0) turns H = ½ into the scores (ln 3, 0), whose
     * softmax is (¾, ¼). Reading b after H = ½ gives A = −½ ln 3 + ½ · ln 3 = 0, so H = 0 and the scores (0, 0).
     */
    static RnnParams workedParams() {
        return RnnParams.of(new double[][] {{LN3 / 2}, {-LN3 / 2}}, new double[][] {{LN3}}, new double[][] {{0}},
                new double[][] {{2 * LN3, 0}}, new double[][] {{0, 0}});
    }

    /** {@code what} is "the gradient = how to get it by hand"; the message gives the numbers first. */
    private static void near(double yours, double expected, String what) {
        int eq = what.indexOf(" = ");
        String gradient = eq < 0 ? what : what.substring(0, eq);
        String byHand = eq < 0 ? "" : " By hand: " + what.substring(eq + 3) + ".";
        assertThat(yours).as("Exercise 19: %s should be %.6f; you returned %.6f.%s", gradient, expected, yours,
                byHand).isCloseTo(expected, within(1e-12));
    }

    @Test
    @Order(1)
    @DisplayName("Worked examples: one step, then two steps, of a one-unit RNN whose gradients a reader can check by "
            + "hand")
    void workedExample() {
        // One step: x = a, label a. H_1 = ½, softmax(O_1) = (¾, ¼), N = 1.
        //   Ō_1 = (¾ − 1, ¼) = (−¼, ¼); H̄_1 = Ō_1·W_hqᵀ = −¼·2 ln 3 = −½ ln 3; Ā_1 = H̄_1·(1 − ¼) = −⅜ ln 3
        var p = workedParams();
        Bptt.Forward one = Bptt.forward(new int[][] {{0}}, new int[][] {{0}}, new double[][] {{0}}, p);
        Bptt.Gradients g = TestData.explained("Exercise 19: one step of the worked example, V = 2, H = 1, batch = 1: "
                + "each gradient has its parameter's shape, ∂ℓ/∂W_xh V × H = 2 × 1 (Σ X_tᵀ·Ā_t), ∂ℓ/∂W_hh H × H = 1 × 1 "
                + "(Σ H_{t−1}ᵀ·Ā_t), ∂ℓ/∂b_h 1 × H, ∂ℓ/∂W_hq H × V = 1 × 2 (Σ H_tᵀ·Ō_t), ∂ℓ/∂b_q 1 × V, and "
                + "∂ℓ/∂H_t batch × H", () -> Ex19Bptt.bptt(one, p));
        near(g.W_hq()[0][0], -0.125, "one step: ∂ℓ/∂W_hq[0][0] = H_1·Ō_1[a] = ½·(¾ − 1)");
        near(g.W_hq()[0][1], 0.125, "one step: ∂ℓ/∂W_hq[0][1] = H_1·Ō_1[b] = ½·¼");
        near(g.b_q()[0][0], -0.25, "one step: ∂ℓ/∂b_q[0] = Ō_1[a] = ¾ − 1");
        assertThat(g.H()).as("Exercise 19: one step: Gradients.H() lists ∂ℓ/∂H_t for t = 1 … T, here one matrix")
                .hasSize(1);
        near(g.H().get(0)[0][0], -LN3 / 2, "one step: ∂ℓ/∂H_1 at step 1 = Ō_1·W_hqᵀ = −¼·2 ln 3 = −½ ln 3");
        near(g.W_xh()[0][0], -3 * LN3 / 8, "one step: ∂ℓ/∂W_xh[a] at step 1 = Ā_1 = ∂ℓ/∂H_1·(1 − H_1²) = −½ ln 3·¾ "
                + "(tanh's derivative 1 − H_t² is part of every step back, taken at the state the step made, "
                + "H_1 = ½, not at the state before it, H_0 = 0)");
        near(g.W_xh()[1][0], 0, "one step: ∂ℓ/∂W_xh[b] (b was not read, so its row gets nothing)");
        near(g.W_hh()[0][0], 0, "one step: ∂ℓ/∂W_hh = H_0·Ā_1 with H_0 = 0 (the state before step 1)");
        near(g.b_h()[0][0], -3 * LN3 / 8, "one step: ∂ℓ/∂b_h = Ā_1 = −⅜ ln 3");
        near(g.H0()[0][0], -3 * LN3 * LN3 / 8, "one step: ∂ℓ/∂H_0 = Ā_1·W_hhᵀ = −⅜ ln 3·ln 3");

        // Two steps: x = (a, b), labels (a, b). H = (½, 0), softmax(O) = (¾, ¼) then (½, ½), N = 2.
        //   Ō_2 = ((½, ½) − (0, 1))/2 = (¼, −¼);  Ō_1 = ((¾, ¼) − (1, 0))/2 = (−⅛, ⅛)
        //   H̄_2 = ¼·2 ln 3 = ½ ln 3;  Ā_2 = H̄_2·(1 − 0²) = ½ ln 3
        //   H̄_1 = Ō_1·W_hqᵀ + Ā_2·W_hh = −¼ ln 3 + ½ (ln 3)²;  Ā_1 = ¾·H̄_1
        g = Ex19Bptt.bptt(Bptt.forward(new int[][] {{0, 1}}, new int[][] {{0, 1}}, new double[][] {{0}}, p), p);
        double dH1 = -LN3 / 4 + LN3 * LN3 / 2;
        assertThat(g.H()).as("Exercise 19: two steps: Gradients.H() lists ∂ℓ/∂H_1 and ∂ℓ/∂H_2").hasSize(2);
        boolean reversed = Math.abs(g.H().get(0)[0][0] - LN3 / 2) < 1e-12 && Math.abs(g.H().get(1)[0][0] - dH1) < 1e-12;
        assertThat(reversed).as("Exercise 19: two steps: Gradients.H() lists ∂ℓ/∂H_t in the order t = 1 … T, but yours "
                + "holds ∂ℓ/∂H_2 first: the pass goes back from step T, so put each one at the front of the list (or "
                + "reverse it at the end)").isFalse();
        near(g.H().get(1)[0][0], LN3 / 2, "two steps: ∂ℓ/∂H_2 at step 2 = Ō_2·W_hqᵀ = ¼·2 ln 3 (the loss is the mean "
                + "over N = 2 predictions)");
        near(g.H().get(0)[0][0], dH1, "two steps: ∂ℓ/∂H_1 at step 1 = Ō_1·W_hqᵀ + Ā_2·W_hhᵀ = −¼ ln 3 + ½ ln 3·ln 3 "
                + "(its own output, plus what step 2 sends back)");
        near(g.W_hq()[0][0], -1.0 / 16, "two steps: ∂ℓ/∂W_hq[0][0] = H_1·Ō_1[a] + H_2·Ō_2[a] = ½·(−⅛) + 0");
        near(g.b_q()[0][0], 0.125, "two steps: ∂ℓ/∂b_q[0] = Ō_1[a] + Ō_2[a] = −⅛ + ¼");
        near(g.W_xh()[1][0], LN3 / 2, "two steps: ∂ℓ/∂W_xh[b], b read at step 2 = Ā_2 = ½ ln 3");
        near(g.W_xh()[0][0], 0.75 * dH1,
                "two steps: ∂ℓ/∂W_xh[a], a read at step 1 = Ā_1 = ∂ℓ/∂H_1·(1 − H_1²) = ¾·∂ℓ/∂H_1");
        near(g.W_hh()[0][0], LN3 / 4, "two steps: ∂ℓ/∂W_hh = H_0·Ā_1 + H_1·Ā_2 = 0 + ½·½ ln 3 (step t pairs Ā_t "
                + "with the state before it, H_{t−1})");
        near(g.b_h()[0][0], 0.75 * dH1 + LN3 / 2, "two steps: ∂ℓ/∂b_h = Ā_1 + Ā_2");
        near(g.H0()[0][0], 0.75 * dH1 * LN3, "two steps: ∂ℓ/∂H_0 = Ā_1·W_hhᵀ");
    }

    /** The sizes of one case; a shrunk counterexample reads {@code Sizes[vocab=2, hiddens=2, steps=2, batch=1]}. */
    record Sizes(int vocab, int hiddens, int steps, int batch) {
        @Override
        public String toString() {
            return "V = " + vocab + ", H = " + hiddens + ", T = " + steps + " steps, batch = " + batch;
        }
    }

    static org.quicktheories.core.Gen<Sizes> sizes() {
        return integers().between(1, 6).zip(integers().between(1, 6), integers().between(1, 6),
                integers().between(1, 3), Sizes::new);
    }

    /** A random minibatch, model and starting state. */
    record Case(int[][] x, int[][] y, double[][] h0, RnnParams params) {
        static Case draw(Sizes n, double scale, long seed) {
            var rng = new Random(seed);
            var p = TestData.randomParams(n.vocab(), n.hiddens(), scale, rng.nextLong());
            return new Case(TestData.tokens(n.batch(), n.steps(), n.vocab(), rng.nextLong()),
                    TestData.tokens(n.batch(), n.steps(), n.vocab(), rng.nextLong()),
                    Matrices.uniform(n.batch(), n.hiddens(), 0.9, rng.nextLong()), p);
        }

        /** The first {@code k} steps of this case. */
        Case firstSteps(int k) {
            return new Case(Arrays.stream(x).map(r -> Arrays.copyOf(r, k)).toArray(int[][]::new),
                    Arrays.stream(y).map(r -> Arrays.copyOf(r, k)).toArray(int[][]::new), h0, params);
        }

        Bptt.Forward forward() {
            return Bptt.forward(x, y, Mat.copy(h0), params);
        }

        /** The autograd's gradients: the five parameters', then H_0's, then H_1 … H_T's. */
        List<double[][]> autograd() {
            var p = RnnParams.of(params.W_xh().value(), params.W_hh().value(), params.b_h().value(),
                    params.W_hq().value(), params.b_q().value());
            var h = Tensor.param(Mat.copy(h0));
            Rnn.Output out = new RNNModelScratch(p).forward(x, new RnnState(h));
            out.hiddenStates().forEach(Tensor::retainGrad);
            crossEntropy(out.outputs(), Labels.flattenTransposed(y)).backward();
            var all = new java.util.ArrayList<double[][]>();
            p.list().forEach(t -> all.add(t.grad()));
            all.add(h.grad());
            out.hiddenStates().forEach(t -> all.add(t.grad()));
            return all;
        }
    }

    @Test
    @Order(2)
    @DisplayName("The gradients are the autograd's, for every parameter, H_0 and every H_t, from the last step back")
    void matchesTheAutograd() {
        Props.qt().forAll(sizes(), doubles().between(0.1, 1.5), longs().all()).checkAssert((n, scale, seed) -> {
            var c = Case.draw(n, scale, seed);
            Bptt.Gradients g = Ex19Bptt.bptt(c.forward(), c.params());
            List<double[][]> lib = c.autograd();
            assertThat(g.H()).as("Exercise 19: Gradients.H() must list ∂ℓ/∂H_1 … ∂ℓ/∂H_T (%s)", n)
                    .hasSize(n.steps());
            for (int t = n.steps(); t >= 1; t--) {
                double[][] yours = g.H().get(t - 1);
                double[][] expected = lib.get(5 + t);
                assertThat(yours.length == expected.length && yours[0].length == expected[0].length)
                        .as("Exercise 19: ∂ℓ/∂H_%d must be batch × H = %d×%d (%s)", t, n.batch(), n.hiddens(), n)
                        .isTrue();
                assertThat(Matrices.maxAbsDiff(yours, expected)).as("Exercise 19: ∂ℓ/∂H_%d at step %d of %d is "
                        + "wrong (%s): it should be %s, you returned %s. Going back from step %d, every step before "
                        + "was right%s", t, t, n.steps(), n, Arrays.deepToString(expected), Arrays.deepToString(yours),
                        n.steps(), multipleOf(yours, expected, n).orElse(sentBack(c, lib, t, yours)))
                        .isLessThan(1e-10);
            }
            assertThat(Matrices.maxAbsDiff(g.H0(), lib.get(5))).as("Exercise 19: ∂ℓ/∂H_0, the gradient sent back "
                    + "to the starting state through step 1, is wrong (%s): it should be %s, you returned %s%s", n,
                    Arrays.deepToString(lib.get(5)), Arrays.deepToString(g.H0()), sentToH0(c, lib, g.H0()))
                    .isLessThan(1e-10);
            for (int i = 0; i < 5; i++) {
                if (Matrices.maxAbsDiff(g.list().get(i), lib.get(i)) >= 1e-10) {
                    int k = firstWrongPrefix(c, i, n.steps());
                    assertThat(Matrices.maxAbsDiff(g.list().get(i), lib.get(i))).as("Exercise 19: ∂ℓ/∂%s is wrong "
                            + "(%s), already with the first %d step%s: it should be %s, you returned %s%s",
                            RnnParams.NAMES.get(i), n, k, k == 1 ? "" : "s", Arrays.deepToString(lib.get(i)),
                            Arrays.deepToString(g.list().get(i)), parameterHint(i, g.list().get(i), lib.get(i), n))
                            .isLessThan(1e-10);
                }
            }
        });
    }

    /**
     * What to look at in a wrong ∂ℓ/∂H_t = Ō_t·W_hqᵀ + Ā_{t+1}·W_hhᵀ: names the untransposed W_hh when the student's
     * matrix is what Ā_{t+1}·W_hh would give.
     */
    private static String sentBack(Case c, List<double[][]> lib, int t, double[][] yours) {
        int steps = c.x()[0].length;
        if (t == steps) {
            return ": ∂ℓ/∂H_T = Ō_T·W_hqᵀ, from the last output only";
        }
        double[][] wHh = c.params().W_hh().value();
        double[][] dA = Mat.mul(lib.get(5 + t + 1), Mat.oneMinusSquare(c.forward().H(t + 1)));
        double[][] untransposed = Mat.add(Mat.sub(lib.get(5 + t), MatMul.mmTransB(dA, wHh)), MatMul.mm(dA, wHh));
        boolean sameShape = yours.length == untransposed.length && yours[0].length == untransposed[0].length;
        return sameShape && Matrices.maxAbsDiff(yours, untransposed) < 1e-10
                ? ": yours is Ō_%d·W_hqᵀ + Ā_%d·W_hh; what step %d sends back goes through W_hh transposed, Ā_%d·W_hhᵀ, "
                        .formatted(t, t + 1, t + 1, t + 1)
                        + "since A_%d = X_%d·W_xh + H_%d·W_hh + b_h".formatted(t + 1, t + 1, t)
                : ": ∂ℓ/∂H_%d = Ō_%d·W_hqᵀ + Ā_%d·W_hhᵀ, its own output plus what step %d sends back"
                        .formatted(t, t, t + 1, t + 1);
    }

    /** How each parameter's gradient is made: the sum over the steps of (the product's left factor)ᵀ·(its gradient). */
    private static final List<String> PARAMETER_RULES = List.of("Σ_t X_tᵀ·Ā_t (V × H)", "Σ_t H_{t−1}ᵀ·Ā_t (H × H)",
            "Σ_t Ā_t summed over the batch's rows", "Σ_t H_tᵀ·Ō_t (H × V)", "Σ_t Ō_t summed over the batch's rows");

    /**
     * What to look at in a wrong parameter gradient: names a transposed product, or a gradient that is a multiple of
     * the right one (the mean over N), and otherwise gives the rule.
     */
    private static String parameterHint(int i, double[][] yours, double[][] expected, Sizes n) {
        boolean square = yours.length == expected.length && yours.length == yours[0].length
                && expected.length == expected[0].length;
        if (square && Matrices.maxAbsDiff(yours, Mat.transpose(expected)) < 1e-10) {
            return ": yours is its transpose; ∂ℓ/∂%s = %s, the transposed factor on the left"
                    .formatted(RnnParams.NAMES.get(i), PARAMETER_RULES.get(i));
        }
        return multipleOf(yours, expected, n)
                .orElse(": ∂ℓ/∂%s = %s".formatted(RnnParams.NAMES.get(i), PARAMETER_RULES.get(i)));
    }

    /**
     * Names a gradient that is the right one times T, batch or T·batch, or divided by one of them: the loss is the mean
     * over N = T·batch predictions, so Ō_t carries the factor 1/N exactly once. Only for a gradient of two or more
     * nonzero numbers, where a multiple is no accident.
     */
    private static Optional<String> multipleOf(double[][] yours, double[][] expected, Sizes n) {
        if (yours.length != expected.length || yours[0].length != expected[0].length) {
            return Optional.empty();
        }
        double dot = 0;
        double norm = 0;
        int nonzero = 0;
        for (int r = 0; r < yours.length; r++) {
            for (int j = 0; j < yours[0].length; j++) {
                dot += yours[r][j] * expected[r][j];
                norm += expected[r][j] * expected[r][j];
                nonzero += Math.abs(expected[r][j]) > 1e-12 ? 1 : 0;
            }
        }
        if (nonzero < 2) {
            return Optional.empty();
        }
        double k = dot / norm;
        int N = n.steps() * n.batch();
        boolean aFactorOfN = IntStream.of(n.steps(), n.batch(), N).filter(f -> f > 1)
                .anyMatch(f -> Math.abs(k - f) < 1e-9 * f || Math.abs(k - 1.0 / f) < 1e-9 / f);
        if (!aFactorOfN || Matrices.maxAbsDiff(yours, Mat.scale(expected, k)) >= 1e-10) {
            return Optional.empty();
        }
        return Optional.of((": yours is %.4g times the right one; the loss is the mean over N = T·batch = %d "
                + "predictions, so Ō_t = (softmax(O_t) − onehot(Y_t))/N, with 1/N once and no other factor")
                .formatted(k, N));
    }

    /** What to look at in a wrong ∂ℓ/∂H_0 = Ā_1·W_hhᵀ: a multiple of it, or Ā_1·W_hh with W_hh not transposed. */
    private static String sentToH0(Case c, List<double[][]> lib, double[][] yours) {
        var n = new Sizes(c.params().vocabSize(), c.params().numHiddens(), c.x()[0].length, c.x().length);
        var multiple = multipleOf(yours, lib.get(5), n);
        if (multiple.isPresent()) {
            return multiple.get();
        }
        double[][] dA1 = Mat.mul(lib.get(6), Mat.oneMinusSquare(c.forward().H(1)));
        double[][] untransposed = MatMul.mm(dA1, c.params().W_hh().value());
        boolean sameShape = yours.length == untransposed.length && yours[0].length == untransposed[0].length;
        return sameShape && Matrices.maxAbsDiff(yours, untransposed) < 1e-10
                ? ": yours is Ā_1·W_hh; ∂ℓ/∂H_0 = Ā_1·W_hhᵀ, through W_hh transposed, since A_1 = X_1·W_xh + "
                        + "H_0·W_hh + b_h"
                : ": ∂ℓ/∂H_0 = Ā_1·W_hhᵀ, with Ā_1 = ∂ℓ/∂H_1 ⊙ (1 − H_1²)";
    }

    /** The smallest number of steps for which the student's gradient of parameter {@code i} is wrong. */
    private static int firstWrongPrefix(Case c, int i, int steps) {
        for (int k = 1; k < steps; k++) {
            Case first = c.firstSteps(k);
            if (Matrices.maxAbsDiff(Ex19Bptt.bptt(first.forward(), first.params()).list().get(i),
                    first.autograd().get(i)) >= 1e-10) {
                return k;
            }
        }
        return steps;
    }

    @Test
    @Order(3)
    @DisplayName("bptt leaves the forward pass and the parameters as they were")
    void changesNothingItReads() {
        Props.qt(30).forAll(sizes(), longs().all()).checkAssert((n, seed) -> {
            var c = Case.draw(n, 1.0, seed);
            Bptt.Forward f = c.forward();
            var before = f.states().stream().map(Mat::copy).toList();
            var outputs = f.outputs().stream().map(Mat::copy).toList();
            var params = c.params().list().stream().map(t -> Mat.copy(t.value())).toList();
            Ex19Bptt.bptt(f, c.params());
            for (int t = 0; t <= n.steps(); t++) {
                assertThat(f.H(t)).as("Exercise 19: H_%d after bptt (compute new matrices; do not write into the "
                        + "forward pass's)", t).isDeepEqualTo(before.get(t));
            }
            for (int t = 1; t <= n.steps(); t++) {
                assertThat(f.O(t)).as("Exercise 19: O_%d after bptt", t).isDeepEqualTo(outputs.get(t - 1));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(c.params().list().get(i).value()).as("Exercise 19: %s after bptt (it computes gradients; "
                        + "the update is sgd's job)", RnnParams.NAMES.get(i)).isDeepEqualTo(params.get(i));
            }
        });
    }
}
