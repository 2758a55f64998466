package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnscratch.golden.Parts.assertClose;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Ops;
import rnnscratch.autograd.Tensor;
import rnnscratch.io.Npz;
import rnnscratch.optim.Sgd;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.OneHot;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Vocab;
import rnnscratch.train.GradClipping;
import rnnscratch.train.Labels;
import rnnscratch.train.Perplexity;
import rnnscratch.train.PredictCh8;

/**
 * One minibatch of the book's RNN, function by function, against {@code ../shared/reference/d2l_rnn.py} in float64
 * ({@code golden/parts/rnn-step.npz}, made by {@code src/test/python/parts_golden.py}): V = 6, H = 4, batch 3,
 * 5 steps, weights N(0, 1) and small non-zero biases, a non-zero starting state. Where the training cases of
 * {@link BookAgreementTest} say only that an epoch went wrong, these say which function did.
 */
class BookRnnStepTest {
    private static final Npz GOLDEN = Parts.load("rnn-step");
    private static final int V = 6;
    private static final int H = 4;
    private static final int BATCH = 3;
    private static final int STEPS = 5;

    @Test
    @DisplayName("One-hot of Xᵀ is the book's F.one_hot(X.T, V), entry for entry")
    void oneHotIsTheBooks() {
        var steps = OneHot.oneHot(OneHot.transpose(x()), V);
        int[] expected = GOLDEN.ints("one_hot"); // (T, batch, V)
        assertThat(steps).hasSize(STEPS);
        for (int t = 0; t < STEPS; t++) {
            for (int b = 0; b < BATCH; b++) {
                for (int v = 0; v < V; v++) {
                    assertThat(steps.get(t).value()[b][v]).as("one-hot step %d, row %d, column %d", t, b, v)
                            .isEqualTo(expected[(t * BATCH + b) * V + v]);
                }
            }
        }
    }

    @Test
    @DisplayName("rnn from a non-zero state gives the book's outputs ((T·batch)×V) and new state (batch×H) to 1e-9")
    void forwardIsTheBooks() {
        var out = net().forward(x(), new RnnState(Tensor.constant(GOLDEN.matrix("H0"))));
        assertClose("the outputs Y of rnn (time-major rows)", out.outputs().value(), GOLDEN.matrix("outputs"));
        assertClose("the new state H", out.state().H().value(), GOLDEN.matrix("state"));
    }

    @Test
    @DisplayName("The loss, its perplexity, every gradient, grad_clipping (θ = half the norm) and sgd are the book's")
    void lossGradientsClippingAndSgdAreTheBooks() {
        var net = net();
        var params = net.params().list();
        var out = net.forward(x(), new RnnState(Tensor.constant(GOLDEN.matrix("H0"))));
        int[] y = Labels.flattenTransposed(Parts.reshape(GOLDEN.ints("Y"), BATCH, STEPS));
        Tensor l = Ops.crossEntropy(out.outputs(), y);
        assertClose("the mean cross-entropy l", new double[] {l.item()}, new double[] {GOLDEN.doubleScalar("loss")});
        assertClose("the perplexity exp(l·n / n)", new double[] {Perplexity.perplexity(l.item() * y.length,
                y.length)}, new double[] {GOLDEN.doubleScalar("perplexity")});

        l.backward();
        compare("gradient (l.backward())", "grad_", params, true);
        double norm = GradClipping.gradClipping(params, GOLDEN.doubleScalar("theta"));
        assertClose("the gradient norm grad_clipping measured", new double[] {norm},
                new double[] {GOLDEN.doubleScalar("norm")});
        compare("gradient after grad_clipping", "clipped_", params, true);
        Sgd.sgd(params, GOLDEN.doubleScalar("lr"), 1);
        compare("parameter after sgd(params, lr, 1)", "sgd_", params, false);
    }

    @Test
    @DisplayName("The hand-written backward pass (Bptt) gives the book's gradients of all five parameters")
    void handWrittenBackwardIsTheBooks() {
        var params = net().params();
        var f = Bptt.forward(x(), Parts.reshape(GOLDEN.ints("Y"), BATCH, STEPS), GOLDEN.matrix("H0"), params);
        var grads = Bptt.backward(f, params).list();
        for (int p = 0; p < grads.size(); p++) {
            String name = RnnParams.NAMES.get(p);
            assertClose("Bptt.backward's gradient of " + name, grads.get(p), GOLDEN.matrix("grad_" + name));
        }
    }

    @Test
    @DisplayName("predict_ch8 (greedy, prefix \"abca\", 12 tokens) gives the book's ids and text, <unk> included")
    void predictionIsTheBooks() {
        var vocab = Vocab.fromTokens(GOLDEN.text("vocab.txt").lines().toList());
        assertThat(vocab.idxToToken()).containsExactly("<unk>", "a", "b", "c", "d", "e");
        String prefix = GOLDEN.text("prefix.txt");
        int[] expected = GOLDEN.ints("prediction_ids");
        int[] prefixIds = vocab.indices(prefix.codePoints().mapToObj(Character::toString).toList());
        assertThat(Predict.predictIds(prefixIds, expected.length - prefixIds.length, net()))
                .as("the ids predict_ch8 chooses").containsExactly(expected);
        assertThat(PredictCh8.predictCh8(prefix, expected.length - prefixIds.length, net(), vocab))
                .as("the text predict_ch8 returns").isEqualTo(GOLDEN.text("prediction.txt"));
    }

    private static void compare(String what, String prefix, List<Tensor> params, boolean grads) {
        for (int p = 0; p < params.size(); p++) {
            String name = RnnParams.NAMES.get(p);
            var ours = grads ? params.get(p).grad() : params.get(p).value();
            assertClose(what + " of " + name, ours, GOLDEN.matrix(prefix + name));
        }
    }

    private static int[][] x() {
        return Parts.reshape(GOLDEN.ints("X"), BATCH, STEPS);
    }

    private static RNNModelScratch net() {
        var net = new RNNModelScratch(RnnParams.of(GOLDEN.matrix("init_W_xh"), GOLDEN.matrix("init_W_hh"),
                GOLDEN.matrix("init_b_h"), GOLDEN.matrix("init_W_hq"), GOLDEN.matrix("init_b_q")));
        assertThat(net.vocabSize()).isEqualTo(V);
        assertThat(net.numHiddens()).isEqualTo(H);
        return net;
    }
}
