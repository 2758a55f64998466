package rnnscratch.seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The book's training loop for the sine wave (d2l 8.1 train, evaluate_loss, load_array). Docs: docs/sequence-models.md */
class TrainingTest {
    @Test
    @DisplayName("Every epoch's minibatches hold every row exactly once, in batches of batchSize (the last may be shorter)")
    void minibatchesCoverEveryRowOnce() {
        Props.qt().forAll(integers().between(1, 300), integers().between(1, 40), longs().all()).checkAssert((n, b, s) -> {
            var batches = Training.loadArray(n, b, new Random(s));
            int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            assertThat(all).as("the rows of one epoch, sorted").containsExactly(
                    java.util.stream.IntStream.range(0, n).toArray());
            for (int i = 0; i < batches.size() - 1; i++) {
                assertThat(batches.get(i)).hasSize(b);
            }
            assertThat(batches.get(batches.size() - 1).length).isBetween(1, b);
        });
    }

    @Test
    @DisplayName("The book's run (τ = 4, 600 pairs, batches of 16, Adam lr 0.01, 5 epochs) ends with a loss ≤ 0.07")
    void bookRunReachesTheBooksLoss() {
        Props.qt(6).forAll(longs().all()).checkAssert(s -> {
            var rng = new Random(s);
            var train = MarkovFeatures.of(SineData.generate(rng).x(), 4).firstRows(600);
            var net = AutoregressiveModel.getNet(rng);
            double[] losses = Training.train(net, train.features(), train.labels(), 5, 0.01, 16, rng);
            assertThat(losses).hasSize(5);
            assertThat(losses[4]).as("final training loss (the book reaches about 0.052; the noise alone is 0.04)")
                    .isLessThanOrEqualTo(0.07);
        });
    }

    @Test
    @DisplayName("evaluateLoss is the mean of (net(x) − y)² over all rows")
    void evaluateLossIsTheMeanSquaredError() {
        var rng = new Random(3);
        var data = MarkovFeatures.of(SineData.generate(50, 0.2, rng).x(), 3);
        var net = AutoregressiveModel.getNet(3, 5, rng);
        double[][] pred = net.predict(data.features());
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            double d = pred[i][0] - data.labels()[i][0];
            sum += d * d;
        }
        assertThat(Training.evaluateLoss(net, data.features(), data.labels()))
                .as("evaluateLoss against Σ (net(x) − y)² / %d rows, summed here", data.size())
                .isCloseTo(sum / data.size(), org.assertj.core.api.Assertions.within(1e-15));
    }
}
