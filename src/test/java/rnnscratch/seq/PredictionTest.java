package rnnscratch.seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.seq.Prediction.KStepError;
import rnnscratch.testing.Props;

/** One-step, multi-step and k-step-ahead prediction (d2l 8.1). Docs: docs/sequence-models.md */
class PredictionTest {
    @Test
    @DisplayName("k-step-ahead prediction with k = 1 equals one-step-ahead prediction")
    void kStepWithKOneEqualsOneStep() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 20), integers().between(0, 60), longs().all())
                .checkAssert((tau, maxSteps, extra, s) -> {
                    var rng = new Random(s);
                    double[] x = SineData.generate(tau + maxSteps + extra, 0.2, rng).x();
                    var net = AutoregressiveModel.getNet(tau, 5, rng);
                    double[][] k = Prediction.kStep(net, x, maxSteps);
                    double[] oneStep = Prediction.oneStep(net, MarkovFeatures.of(x, tau).features());
                    double[] kOne = Prediction.kStepPreds(k, tau, 1);
                    assertThat(kOne).as("the 1-step column must be the one-step predictions of the same windows")
                            .containsExactly(Arrays.copyOf(oneStep, kOne.length));
                });
    }

    @Test
    @DisplayName("On a series the model generates itself, every k-step prediction is exact and every MSE is 0")
    void kStepIsExactOnTheModelsOwnSeries() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 16), longs().all()).checkAssert((tau, maxSteps, s) -> {
            var rng = new Random(s);
            var net = AutoregressiveModel.getNet(tau, 6, rng);
            double[] start = SineData.generate(tau + maxSteps + 20, 0.2, rng).x();
            double[] x = Prediction.multiStep(net, start, tau); // x[i] = net(x[i−τ … i−1]) for every i ≥ τ
            double[][] k = Prediction.kStep(net, x, maxSteps);
            int[] steps = java.util.stream.IntStream.rangeClosed(1, maxSteps).toArray();
            for (KStepError e : Prediction.kStepErrors(k, x, tau, steps)) {
                assertThat(e.mse()).as("the %d-step predictions are compared with the wrong times", e.k())
                        .isCloseTo(0.0, within(1e-20));
            }
        });
    }

    @Test
    @DisplayName("Multi-step prediction keeps the known observations and feeds each prediction back in")
    void multiStepFeedsPredictionsBack() {
        Props.qt().forAll(integers().between(1, 6), integers().between(0, 30), longs().all()).checkAssert((tau, extra, s) -> {
            var rng = new Random(s);
            double[] x = SineData.generate(tau + extra + 15, 0.2, rng).x();
            var net = AutoregressiveModel.getNet(tau, 4, rng);
            int known = tau + extra;
            double[] preds = Prediction.multiStep(net, x, known);
            assertThat(Arrays.copyOf(preds, known)).as("the first %d values are the observations", known)
                    .containsExactly(Arrays.copyOf(x, known));
            for (int i = known; i < x.length; i++) {
                double expected = net.predict(new double[][] {Arrays.copyOfRange(preds, i - tau, i)})[0][0];
                assertThat(preds[i]).as("value %d is the net applied to the %d values before it", i, tau)
                        .isEqualTo(expected);
            }
        });
    }
}
