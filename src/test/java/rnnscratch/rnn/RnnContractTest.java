package rnnscratch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.testing.Matrices.m;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * What the model refuses and what its prediction loop computes, stated as sentences. Docs: docs/rnn.md,
 * docs/parameters.md, docs/training.md#predicting
 */
class RnnContractTest {
    private static int[] ids(int length, int vocab, long seed) {
        var rng = new Random(seed);
        var ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = rng.nextInt(vocab);
        }
        return ids;
    }

    @Test
    @DisplayName("RnnParams refuses a parameter whose shape does not fit W_xh (V×H), naming that parameter")
    void paramsShapesMustFit() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((v, h, s) -> {
            double[][][] good = {m(v, h, s), m(h, h, s), m(1, h, s), m(h, v, s), m(1, v, s)};
            assertThat(RnnParams.of(good[0], good[1], good[2], good[3], good[4]).list()).as("fitting shapes")
                    .hasSize(5);
            double[][][] wrong = {null, m(h, h + 1, s), m(2, h, s), m(h, v + 1, s), m(1, v + 1, s)};
            double[][][] wrongRows = {null, m(h + 1, h, s), m(1, h + 1, s), m(h + 1, v, s), m(2, v, s)};
            for (int k = 1; k < 5; k++) {
                for (double[][][] bad : List.of(wrong, wrongRows)) {
                    var given = good.clone();
                    given[k] = bad[k];
                    assertThatThrownBy(() -> RnnParams.of(given[0], given[1], given[2], given[3], given[4]))
                            .as("%s of shape %dx%d with V = %d, H = %d", RnnParams.NAMES.get(k), given[k].length,
                                    given[k][0].length, v, h)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(RnnParams.NAMES.get(k));
                }
            }
        });
    }

    @Test
    @DisplayName("RnnParams.of copies the values it is given, and knows V and H from W_xh")
    void paramsOfCopies() {
        var wXh = m(3, 2, 1);
        var p = RnnParams.of(wXh, m(2, 2, 2), m(1, 2, 3), m(2, 3, 4), m(1, 3, 5));
        wXh[0][0] = 42;
        assertThat(p.W_xh().value()[0][0]).as("W_xh after the caller changed its own array").isNotEqualTo(42);
        assertThat(p.vocabSize()).as("V").isEqualTo(3);
        assertThat(p.numHiddens()).as("H").isEqualTo(2);
        assertThat(p.list()).as("the book's order").containsExactly(p.W_xh(), p.W_hh(), p.b_h(), p.W_hq(), p.b_q());
    }

    @Test
    @DisplayName("getParams refuses a vocabulary size or a number of hidden units below 1")
    void getParamsNeedsPositiveSizes() {
        for (int[] bad : new int[][] {{0, 3}, {3, 0}, {-1, 2}}) {
            assertThatThrownBy(() -> RnnParams.getParams(bad[0], bad[1], new Random(1)))
                    .as("V = %d, H = %d", bad[0], bad[1]).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("forward refuses a token id below 0 or equal to the vocabulary size, naming it, and accepts V − 1")
    void forwardRefusesIdsOutsideTheVocabulary() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 3), integers().between(1, 4), longs().all())
                .checkAssert((v, batch, steps, seed) -> {
                    var net = new RNNModelScratch(v, 3, new Random(seed));
                    var rng = new Random(seed);
                    for (int bad : new int[] {-1, v, v + 5}) {
                        var x = new int[batch][steps];
                        x[rng.nextInt(batch)][rng.nextInt(steps)] = bad;
                        assertThatThrownBy(() -> net.forward(x, net.beginState(batch)))
                                .as("token id %d with V = %d", bad, v).isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining(String.valueOf(bad));
                    }
                    var last = new int[batch][steps];
                    for (int[] row : last) {
                        java.util.Arrays.fill(row, v - 1);
                    }
                    assertThat(net.forward(last, net.beginState(batch)).outputs().rows())
                            .as("every token V − 1 = %d", v - 1).isEqualTo(batch * steps);
                });
    }

    @Test
    @DisplayName("Xᵀ refuses an empty minibatch and a ragged one")
    void transposeRefusesEmptyAndRagged() {
        assertThatThrownBy(() -> OneHot.transpose(new int[0][0])).as("no rows")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OneHot.transpose(new int[][] {{}})).as("one row of no steps")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OneHot.transpose(new int[][] {{1, 2}, {3}})).as("rows of 2 and 1 steps")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OneHot.transpose(new int[][] {{1}, {2, 3}})).as("rows of 1 and 2 steps")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("init_rnn_state is a constant of zeros, batch × H")
    void initStateIsZeros() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 6)).checkAssert((b, h) -> {
            var state = RnnState.initRnnState(b, h);
            assertThat(state.H().value()).as("H₀").isDeepEqualTo(new double[b][h]);
            assertThat(state.H().requiresGrad()).as("a fresh state is a constant").isFalse();
            var net = new RNNModelScratch(4, h, new Random(b));
            assertThat(net.beginState(b).H().value()).as("begin_state(%d)", b).isDeepEqualTo(new double[b][h]);
            assertThat(net.numHiddens()).as("the model's H").isEqualTo(h);
            assertThat(net.vocabSize()).as("the model's V").isEqualTo(4);
        });
    }

    @Test
    @DisplayName("One step computes H = tanh(X·W_xh + H·W_hh + b_h) and Y = H·W_hq + b_q")
    void oneStepIsTheFormula() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 5), integers().between(1, 4), longs().all())
                .checkAssert((b, v, h, s) -> {
                    var p = RnnParams.of(m(v, h, s), m(h, h, s + 1), m(1, h, s + 2), m(h, v, s + 3), m(1, v, s + 4));
                    var x = m(b, v, s + 5);
                    var h0 = m(b, h, s + 6);
                    var out = Rnn.rnn(List.of(Tensor.constant(x)), new RnnState(Tensor.constant(h0)), p);
                    var hidden = Mat.tanh(Mat.addRowVector(Mat.add(rnnscratch.tensor.MatMul.mm(x, p.W_xh().value()),
                            rnnscratch.tensor.MatMul.mm(h0, p.W_hh().value())), p.b_h().value()));
                    var y = Mat.addRowVector(rnnscratch.tensor.MatMul.mm(hidden, p.W_hq().value()), p.b_q().value());
                    assertThat(Matrices.maxAbsDiff(out.state().H().value(), hidden)).as("H").isLessThan(1e-12);
                    assertThat(Matrices.maxAbsDiff(out.outputs().value(), y)).as("Y").isLessThan(1e-12);
                    assertThat(out.hiddenStates()).as("the hidden state of each step").hasSize(1);
                    assertThat(out.hiddenStates().get(0).value()).as("H_1 is the state after one step")
                            .isDeepEqualTo(out.state().H().value());
                    assertThat(new Rnn.Output(out.outputs(), out.state()).hiddenStates())
                            .as("the book's pair reports no hidden states").isEmpty();
                });
    }

    @Test
    @DisplayName("predict_ch8's loop refuses an empty prefix and a negative number of predictions; 0 predictions "
            + "give the prefix back")
    void predictIdsArguments() {
        var net = new RNNModelScratch(5, 4, new Random(1));
        assertThatThrownBy(() -> Predict.predictIds(new int[0], 3, net)).as("no prefix")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Predict.predictIds(new int[] {1}, -1, net)).as("−1 predictions")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThat(Predict.predictIds(new int[] {1, 4, 2}, 0, net)).as("0 predictions").containsExactly(1, 4, 2);
    }

    @Test
    @DisplayName("Greedy prediction appends, one at a time, the argmax of the last output row of the model run on "
            + "everything so far from a zero state")
    void greedyPredictionIsArgmaxOfTheWholeSequence() {
        Props.qt(40).forAll(integers().between(2, 7), integers().between(1, 5), integers().between(0, 6),
                longs().all()).checkAssert((v, prefixLength, numPreds, seed) -> {
                    var net = new RNNModelScratch(v, 5, new Random(seed));
                    // large weights, so that the predictions depend on the whole history
                    for (Tensor p : net.params().list()) {
                        Mat.addInPlace(p.value(), m(p.rows(), p.cols(), seed + p.rows()));
                    }
                    int[] prefix = ids(prefixLength, v, seed);
                    int[] predicted = Predict.predictIds(prefix, numPreds, net);
                    assertThat(predicted).as("the prefix comes first").startsWith(prefix)
                            .hasSize(prefixLength + numPreds);
                    for (int i = prefixLength; i < predicted.length; i++) {
                        int[][] sofar = {java.util.Arrays.copyOf(predicted, i)};
                        double[][] outputs = net.forward(sofar, net.beginState(1)).outputs().value();
                        assertThat(predicted[i]).as("token %d after %s", i, java.util.Arrays.toString(sofar[0]))
                                .isEqualTo(Mat.argmaxRows(new double[][] {outputs[i - 1]})[0]);
                    }
                });
    }

    @Test
    @DisplayName("Prediction feeds back the token its chooser picks, and greedy picks the first of equal maxima")
    void chooserDecidesTheNextToken() {
        var net = new RNNModelScratch(6, 4, new Random(2));
        assertThat(Predict.predictIds(new int[] {0}, 4, net, logits -> logits.length - 1))
                .as("a chooser that always picks the last token").containsExactly(0, 5, 5, 5, 5);
        assertThat(Predict.GREEDY.choose(new double[] {1, 3, 3, 2})).as("argmax of [1, 3, 3, 2]").isEqualTo(1);
        assertThat(Predict.GREEDY.choose(new double[] {-2, -1, -5})).as("argmax of [−2, −1, −5]").isEqualTo(1);
    }

    @Test
    @DisplayName("A model runs on the functions it was given and keeps the parameters it was given")
    void modelKeepsItsFunctionsAndParameters() {
        var functions = RnnFunctions.library();
        var params = RnnParams.getParams(5, 3, new Random(4));
        var net = new RNNModelScratch(params, functions);
        assertThat(net.functions()).as("the functions the model runs on").isSameAs(functions);
        assertThat(net.params()).as("the parameters the model keeps").isSameAs(params);
        assertThat(net.vocabSize()).as("V, from W_xh (5×3)").isEqualTo(5);
        assertThat(net.numHiddens()).as("H, from W_xh (5×3)").isEqualTo(3);
        assertThat(new RNNModelScratch(params).params().list())
                .as("the parameters of a model on the library's functions")
                .containsExactlyElementsOf(params.list());
    }

    @Test
    @DisplayName("forward checks the token ids itself, also when the model runs on a one-hot function that checks "
            + "nothing")
    void forwardChecksIdsWhateverTheOneHot() {
        var lib = RnnFunctions.library();
        RnnFunctions.OneHotFn unchecked = (xt, v) -> java.util.Arrays.stream(xt)
                .map(step -> Tensor.constant(new double[step.length][v])).toList();
        var functions = new RnnFunctions(lib.transpose(), unchecked, lib.getParams(), lib.initRnnState(), lib.rnn());
        var net = new RNNModelScratch(4, 3, new Random(5), functions);
        for (int bad : new int[] {-1, 4}) {
            assertThatThrownBy(() -> net.forward(new int[][] {{0, bad}}, net.beginState(1)))
                    .as("token id %d with V = 4", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
        assertThat(net.forward(new int[][] {{0, 3}}, net.beginState(1)).outputs().rows()).as("ids 0 and 3")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("getParams names both sizes when it refuses them")
    void getParamsNamesBothSizes() {
        assertThatThrownBy(() -> RnnParams.getParams(3, 0, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3").hasMessageContaining("0");
        assertThatThrownBy(() -> RnnParams.getParams(0, 7, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7").hasMessageContaining("0");
    }
}
