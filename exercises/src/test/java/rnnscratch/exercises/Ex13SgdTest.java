package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.optim.Sgd;

/** Exercise 13: the sgd update. Docs: docs/training.md */
@Tag("exercise")
@Tag("ex13")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex13SgdTest {
    static List<Tensor> withGradients(int count, long seed) {
        var rng = new Random(seed);
        var params = new ArrayList<Tensor>();
        for (int i = 0; i < count; i++) {
            int rows = 1 + rng.nextInt(3);
            int cols = 1 + rng.nextInt(3);
            var p = Tensor.param(Matrices.uniform(rows, cols, 1, rng.nextLong()));
            Mat.addInPlace(p.grad(), Matrices.uniform(rows, cols, 1, rng.nextLong()));
            params.add(p);
        }
        return params;
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: value 1, gradient 4, lr 0.5, batch 2 gives 1 − 0.5·4/2 = 0 and a zero gradient")
    void workedExample() {
        var p = Tensor.param(new double[][] {{1.0, -1.0}});
        p.grad()[0][0] = 4;
        p.grad()[0][1] = -2;
        double[][] shared = p.value();
        Ex13Sgd.sgd(List.of(p), 0.5, 2);
        boolean stayed = Arrays.equals(shared[0], new double[] {1.0, -1.0});
        boolean movesWithBatchOne = false;
        if (stayed) {
            var probe = Tensor.param(new double[][] {{1.0}});
            probe.grad()[0][0] = 4;
            Ex13Sgd.sgd(List.of(probe), 0.5, 1);
            movesWithBatchOne = probe.value()[0][0] != 1.0;
        }
        assertThat(shared[0]).as("Exercise 13: the values did not move, the model's array still holds [1, −1]: "
                        + (movesWithBatchOne
                                ? "they move with batchSize = 1 but not with 2, so the step was 0: in Java an int "
                                        + "divided by an int is an int, and 1 / batchSize is 0; write "
                                        + "lr * grad / batchSize, which divides a double"
                                : "change the entries of p.value() itself (not a copy), and use p.grad() before "
                                        + "p.zeroGrad() clears it"))
                .isNotEqualTo(new double[] {1.0, -1.0});
        String why = Arrays.deepEquals(shared, new double[][] {{2.0, -1.5}})
                ? "; you gave 1 + 0.5·4/2 = 2 and −1.5: the step goes against the gradient (−=, not +=)"
                : Arrays.deepEquals(shared, new double[][] {{-1.0, 0.0}})
                        ? "; you gave 1 − 0.5·4 = −1 and 0: divide the step by batchSize"
                        : "";
        assertThat(shared).as("Exercise 13: each value moves by lr·grad/batchSize: 1 − 0.5·4/2 = 0 and "
                + "−1 − 0.5·(−2)/2 = −0.5" + why).isDeepEqualTo(new double[][] {{0.0, -0.5}});
        assertThat(p.grad()).as("Exercise 13: the gradient is zero after the step (p.zeroGrad())")
                .isDeepEqualTo(new double[][] {{0.0, 0.0}});
    }

    @Test
    @Order(2)
    @DisplayName("Every parameter moves exactly as with the library's sgd, and its gradient is zeroed")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(1e-3, 10), integers().between(1, 64),
                        longs().all())
                .checkAssert((count, lr, batch, seed) -> {
                    var yours = withGradients(count, seed);
                    var lib = withGradients(count, seed);
                    Ex13Sgd.sgd(yours, lr, batch);
                    Sgd.sgd(lib, lr, batch);
                    for (int i = 0; i < count; i++) {
                        assertThat(Matrices.maxAbsDiff(yours.get(i).value(), lib.get(i).value()))
                                .as("Exercise 13: parameter %s after param −= lr·grad/batchSize with lr = %s, "
                                        + "batchSize = %s", i, lr, batch)
                                .isLessThan(1e-12);
                        assertThat(Matrices.maxAbsDiff(yours.get(i).grad(), new double[yours.get(i).rows()][
                                yours.get(i).cols()])).as("Exercise 13: gradient %s must be zero after the step", i)
                                .isZero();
                    }
                });
    }
}
