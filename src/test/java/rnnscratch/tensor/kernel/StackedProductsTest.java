package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Ops;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.OneHot;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** The kernel's stacking of a sum of products, switched on and off. Docs: docs/performance.md */
class StackedProductsTest {
    @AfterEach
    void backToTheDefaults() {
        StackedProducts.use(true);
        Kernel.useVector(false);
        Parallel.setThreads(Parallel.defaultThreads());
    }

    private static List<Kernel.Choice> kernels() {
        return Kernel.vectorApiAvailable() ? List.of(Kernel.Choice.PLAIN, Kernel.Choice.VECTOR)
                : List.of(Kernel.Choice.PLAIN);
    }

    @Test
    @DisplayName("C + Σᵢ Aᵢᵀ·Bᵢ is the same to the last bit with the stacking on and off, on every kernel and 1 to 3 "
            + "threads, for wide and narrow results and parts of any number of rows")
    void stackingOnAndOffGiveTheSameBits() {
        Props.qt(60).forAll(integers().between(1, 6), integers().between(1, 90), integers().between(1, 90),
                        longs().all())
                .checkAssert((parts, m, n, seed) -> {
                    var rng = new Random(seed);
                    int rowsEach = 1 + rng.nextInt(40);
                    var as = new ArrayList<double[][]>();
                    var bs = new ArrayList<double[][]>();
                    for (int p = 0; p < parts; p++) {
                        int k = 1 + rng.nextInt(rowsEach);
                        as.add(Matrices.sparse(k, m, rng.nextLong()));
                        bs.add(Matrices.uniform(k, n, 1.0, rng.nextLong()));
                    }
                    var start = Matrices.uniform(m, n, 1.0, seed + 1);
                    int threads = 1 + (int) Math.floorMod(seed, 3L);
                    for (Kernel.Choice kernel : kernels()) {
                        var on = Kernel.using(kernel, threads, () -> sum(true, start, as, bs));
                        var off = Kernel.using(kernel, threads, () -> sum(false, start, as, bs));
                        assertThat(Matrices.bitIdentical(on, off)).as("%d parts into a %dx%d sum, %s kernel, %d "
                                + "thread(s): stacked vs one by one", parts, m, n, kernel, threads).isTrue();
                    }
                });
    }

    private static double[][] sum(boolean stacking, double[][] start, List<double[][]> as, List<double[][]> bs) {
        StackedProducts.use(stacking);
        var c = Mat.copy(start);
        StackedProducts.addMmTransA(c, as, bs);
        return c;
    }

    @Test
    @DisplayName("The gradients of an RNN unrolled over time are the same to the last bit with the stacking on and off")
    void rnnGradientsAreTheSameWithStackingOnAndOff() {
        Props.qt(20).forAll(integers().between(1, 5), integers().between(1, 9), integers().between(1, 40),
                        longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    for (Kernel.Choice kernel : kernels()) {
                        var on = Kernel.using(kernel, 2, () -> gradients(true, batch, steps, hidden, seed));
                        var off = Kernel.using(kernel, 2, () -> gradients(false, batch, steps, hidden, seed));
                        for (int p = 0; p < on.size(); p++) {
                            assertThat(Matrices.bitIdentical(on.get(p), off.get(p))).as("the gradient of %s, batch "
                                    + "%d, %d steps, %d hidden units, %s kernel", RnnParams.NAMES.get(p), batch,
                                    steps, hidden, kernel).isTrue();
                        }
                    }
                });
    }

    private static List<double[][]> gradients(boolean stacking, int batch, int steps, int hidden, long seed) {
        StackedProducts.use(stacking);
        int vocab = 7;
        var rng = new Random(seed);
        var params = RnnParams.getParams(vocab, hidden, rng);
        var x = new int[batch][steps];
        var y = new int[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                x[b][t] = rng.nextInt(vocab);
                y[t * batch + b] = rng.nextInt(vocab);
            }
        }
        Rnn.Output out = Rnn.rnn(OneHot.oneHot(OneHot.transpose(x), vocab), RnnState.initRnnState(batch, hidden),
                params);
        Ops.crossEntropy(out.outputs(), y).backward();
        return params.list().stream().map(Tensor::grad).toList();
    }
}
