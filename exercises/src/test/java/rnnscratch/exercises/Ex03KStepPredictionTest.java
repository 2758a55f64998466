package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.seq.AutoregressiveModel;
import rnnscratch.seq.Linear;
import rnnscratch.seq.MarkovFeatures;
import rnnscratch.seq.Prediction;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Exercise 03: k-step-ahead prediction. Docs: docs/sequence-models.md */
@Tag("exercise")
@Tag("ex03")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex03KStepPredictionTest {
    /** A handmade model that, for positive values, predicts the last value of its window again. */
    static AutoregressiveModel repeatLast(int tau) {
        var w = new double[tau][1];
        w[tau - 1][0] = 1.0;
        return new AutoregressiveModel(new Linear(Tensor.param(w), Tensor.param(new double[1][1])),
                new Linear(Tensor.param(new double[][] {{1.0}}), Tensor.param(new double[1][1])));
    }

    static double[] randomSeries(int length, long seed) {
        return new Random(seed).doubles(length, -1, 1).toArray();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: a model that repeats the last value, x = 1..5, τ = 2, two steps ahead")
    void workedExample() {
        double[] x = {1, 2, 3, 4, 5};
        double[][] m = Ex03KStepPrediction.kStep(repeatLast(2), x, 2);
        assertThat(m).as("Exercise 03: L − τ − maxSteps + 1 = 2 rows; τ observations, then 2 predictions each, the "
                        + "second read from the first (the model reads its own prediction, not x): [1, 2, 2, 2]")
                .isDeepEqualTo(new double[][] {{1, 2, 2, 2}, {2, 3, 3, 3}});
        assertThat(Ex03KStepPrediction.kStepMse(m, x, 2, 1)).as("Exercise 03: 1 step ahead: column τ + k − 1 = 2 holds the predictions 2 and 3 of x[2] = 3 "
                        + "and x[3] = 4, so the mean of (2−3)² and (3−4)²")
                .isCloseTo(1.0, within(1e-12));
        assertThat(Ex03KStepPrediction.kStepMse(m, x, 2, 2)).as("Exercise 03: 2 steps ahead: column τ + k − 1 = 3 holds the predictions 2 and 3 of "
                        + "x[3] = 4 and x[4] = 5, so the mean of (2−4)² and (3−5)²")
                .isCloseTo(4.0, within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("The k-step matrix is the library's Prediction.kStep, and the error per k its kStepErrors")
    void matchesTheLibrary() {
        Props.qt(50).forAll(integers().between(1, 4), integers().between(1, 4), integers().between(0, 12), longs().all())
                .checkAssert((tau, maxSteps, extra, seed) -> {
                    var net = AutoregressiveModel.getNet(tau, 5, new Random(seed));
                    double[] x = randomSeries(tau + maxSteps + extra, seed);
                    double[][] yours = Ex03KStepPrediction.kStep(net, x, maxSteps);
                    double[][] lib = Prediction.kStep(net, x, maxSteps);
                    assertThat(yours).as("Exercise 03: rows of the k-step matrix, τ = %s, maxSteps = %s, T = %s", tau,
                            maxSteps, x.length).hasNumberOfRows(lib.length);
                    assertThat(Matrices.maxAbsDiff(yours, lib))
                            .as("Exercise 03: the k-step matrix for τ = %s, maxSteps = %s, T = %s", tau, maxSteps,
                                    x.length)
                            .isLessThan(1e-12);
                    for (int k = 1; k <= maxSteps; k++) {
                        double expected = Prediction.kStepErrors(lib, x, tau, k).get(0).mse();
                        assertThat(Ex03KStepPrediction.kStepMse(lib, x, tau, k))
                                .as("Exercise 03: the mean squared error %s step(s) ahead", k)
                                .isCloseTo(expected, within(1e-12));
                    }
                });
    }

    @Test
    @Order(3)
    @DisplayName("One step ahead is one-step prediction: column τ is the model applied to each observed window")
    void oneStepAheadIsOneStepPrediction() {
        Props.qt(50).forAll(integers().between(1, 4), integers().between(0, 12), longs().all())
                .checkAssert((tau, extra, seed) -> {
                    var net = AutoregressiveModel.getNet(tau, 5, new Random(seed));
                    double[] x = randomSeries(tau + 1 + extra, seed);
                    double[][] m = Ex03KStepPrediction.kStep(net, x, 1);
                    double[] oneStep = Prediction.oneStep(net, MarkovFeatures.of(x, tau).features());
                    for (int r = 0; r < m.length; r++) {
                        assertThat(m[r][tau]).as("Exercise 03: row %s, column τ = %s (k = 1)", r, tau)
                                .isCloseTo(oneStep[r], within(1e-12));
                    }
                });
    }

    @Test
    @Order(4)
    @DisplayName("On a series the model generated itself, every k-step prediction is exact")
    void selfGeneratedSeriesIsPredictedExactly() {
        Props.qt(50).forAll(integers().between(1, 4), integers().between(1, 4), integers().between(0, 8), longs().all())
                .checkAssert((tau, maxSteps, extra, seed) -> {
                    var net = AutoregressiveModel.getNet(tau, 5, new Random(seed));
                    double[] start = randomSeries(tau + maxSteps + extra, seed);
                    double[] x = Prediction.multiStep(net, start, tau);
                    double[][] m = Ex03KStepPrediction.kStep(net, x, maxSteps);
                    for (int k = 1; k <= maxSteps; k++) {
                        assertThat(Ex03KStepPrediction.kStepMse(m, x, tau, k))
                                .as("Exercise 03: x continues itself by the model's own predictions, so the %s-step "
                                        + "error must be 0 (τ = %s)", k, tau)
                                .isCloseTo(0.0, within(1e-20));
                    }
                });
    }
}
