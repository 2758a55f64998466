package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnscratch.golden.Parts.assertClose;
import static rnnscratch.golden.Parts.transpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.io.Npz;
import rnnscratch.seq.AutoregressiveModel;
import rnnscratch.seq.Linear;
import rnnscratch.seq.MarkovFeatures;
import rnnscratch.seq.Prediction;
import rnnscratch.seq.SineData;
import rnnscratch.seq.Training;

/**
 * d2l 8.1 (sequence models), run by the book's PyTorch code in float64 ({@code golden/parts/sequence-model.npz},
 * made by {@code src/test/python/parts_golden.py}, smaller than the book: T = 100, n_train = 60, 3 epochs,
 * max_steps = 4). PyTorch's random draws cannot be replayed in Java, so the test hands the library the book's
 * draws: its noise through {@code nextGaussian} and its shuffles through the {@code nextInt} draws that make the
 * library's Fisher–Yates shuffle give the same order. PyTorch stores a layer's weight as out×in, the library as in×out.
 */
class BookSequenceModelTest {
    private static final Npz GOLDEN = Parts.load("sequence-model");
    private static final int T = (int) GOLDEN.longScalar("T");
    private static final int TAU = (int) GOLDEN.longScalar("tau");

    @Test
    @DisplayName("The sine wave x_t = sin(0.01·t) + ε, t = 1 … T, is the book's for the book's noise ε")
    void sineWaveIsTheBooks() {
        double[] noise = GOLDEN.doubles("noise").data();
        var data = SineData.generate(T, 0.2, new Random(0) {
            private static final long serialVersionUID = 1L;
            private int next;

            @Override
            public synchronized double nextGaussian() {
                return noise[next++] / 0.2;
            }
        });
        assertThat(data.time()[0]).isEqualTo(1.0);
        assertThat(data.time()[T - 1]).isEqualTo(T);
        assertClose("x", data.x(), GOLDEN.doubles("x").data());
    }

    @Test
    @DisplayName("The τ-features and labels are the book's, exactly")
    void featuresAreTheBooks() {
        var f = MarkovFeatures.of(GOLDEN.doubles("x").data(), TAU);
        assertThat(f.features()).as("features (T − τ)×τ").isDeepEqualTo(GOLDEN.matrix("features"));
        assertThat(f.labels()).as("labels (T − τ)×1").isDeepEqualTo(GOLDEN.matrix("labels"));
    }

    @Test
    @DisplayName("Training (Adam, squared error summed per minibatch) on the book's shuffles gives its losses and weights")
    void trainingIsTheBooks() {
        int nTrain = (int) GOLDEN.longScalar("n_train");
        int epochs = (int) GOLDEN.longScalar("epochs");
        var train = MarkovFeatures.of(GOLDEN.doubles("x").data(), TAU).firstRows(nTrain);
        var net = model("init_");
        double[] losses = Training.train(net, train.features(), train.labels(), epochs, GOLDEN.doubleScalar("lr"),
                (int) GOLDEN.longScalar("batch_size"), shuffles(Parts.reshape(GOLDEN.ints("orders"), epochs, nTrain)));
        assertClose("evaluate_loss after each epoch", losses, GOLDEN.doubles("losses").data());
        var trained = model("final_");
        var names = List.of("W1", "b1", "W2", "b2");
        for (int p = 0; p < names.size(); p++) {
            assertClose("trained " + names.get(p) + " (library layout, in×out)", net.params().get(p).value(),
                    trained.params().get(p).value());
        }
    }

    @Test
    @DisplayName("One-step, multi-step (from n_train + τ) and k-step predictions of the trained net are the book's")
    void predictionsAreTheBooks() {
        double[] x = GOLDEN.doubles("x").data();
        var net = model("final_");
        assertClose("onestep_preds", Prediction.oneStep(net, MarkovFeatures.of(x, TAU).features()),
                GOLDEN.doubles("onestep_preds").data());
        int known = (int) GOLDEN.longScalar("n_train") + TAU;
        assertClose("multistep_preds", Prediction.multiStep(net, x, known), GOLDEN.doubles("multistep_preds").data());
        assertClose("the k-step features", Prediction.kStep(net, x, (int) GOLDEN.longScalar("max_steps")),
                GOLDEN.matrix("kstep_features"));
    }

    /** The model with the stored weights {@code PREFIX W1, b1, W2, b2}, transposed to the library's in×out. */
    private static AutoregressiveModel model(String prefix) {
        return new AutoregressiveModel(
                new Linear(Tensor.param(transpose(GOLDEN.matrix(prefix + "W1"))), Tensor.param(GOLDEN.matrix(prefix + "b1"))),
                new Linear(Tensor.param(transpose(GOLDEN.matrix(prefix + "W2"))), Tensor.param(GOLDEN.matrix(prefix + "b2"))));
    }

    /**
     * A generator whose {@code nextInt} draws make {@link Training#loadArray}'s Fisher–Yates shuffle (i = n−1 … 1,
     * swap i with nextInt(i + 1)) produce {@code orders[e]} in epoch {@code e}.
     */
    private static Random shuffles(int[][] orders) {
        var draws = new ArrayList<int[]>(); // {bound, value}
        for (int[] order : orders) {
            int n = order.length;
            var a = new int[n];
            var pos = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
                pos[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = pos[order[i]];
                draws.add(new int[] {i + 1, j});
                int tmp = a[i];
                a[i] = a[j];
                a[j] = tmp;
                pos[a[i]] = i;
                pos[a[j]] = j;
            }
            assertThat(a).as("the replayed shuffle").containsExactly(order);
        }
        return new Random(0) {
            private static final long serialVersionUID = 1L;
            private int next;

            @Override
            public int nextInt(int bound) {
                int[] d = draws.get(next++);
                assertThat(bound).as("draw %d: loadArray's bound", next).isEqualTo(d[0]);
                return d[1];
            }
        };
    }
}
