package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Ops;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataIter;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.testing.Props;

/** The training loop of the notes (模型的训练函数), stated as sentences. Docs: docs/training.md */
class TrainCh8Test {
    private static final String REPEATING = "the cat sat on the mat. ".repeat(40);

    private static Corpus corpus(String text) {
        return Corpus.loadCorpus(List.of(text), TokenKind.CHAR, -1);
    }

    @Test
    @DisplayName("Between sequential minibatches, the gradient into the previous minibatch is exactly zero, and "
            + "without the detach it is not")
    void detachBetweenMinibatchesCutsTheGradient() {
        Props.qt(40).forAll(integers().between(1, 4), integers().between(2, 6), integers().between(1, 8), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    var corpus = corpus(REPEATING);
                    var batches = SeqDataIter.seqDataIterSequential(corpus.ids(), batch, steps, 0);
                    var net = new RNNModelScratch(corpus.vocab().size(), hidden, new Random(seed));
                    for (boolean detach : new boolean[] {true, false}) {
                        RnnState first = net.forward(batches.get(0).x(), net.beginState(batch)).state();
                        Tensor h1 = first.H().retainGrad();
                        if (detach) {
                            first.detachInPlace();
                        }
                        var out = net.forward(batches.get(1).x(), first);
                        Ops.crossEntropy(out.outputs(), TrainCh8.flattenTransposed(batches.get(1).y())).backward();
                        double into = rnnscratch.tensor.Mat.norm(h1.grad());
                        if (detach) {
                            assertThat(into).as("gradient of minibatch 2's loss w.r.t. minibatch 1's final state, "
                                    + "after detach").isZero();
                        } else {
                            assertThat(into).as("without detach, gradient flows back into minibatch 1").isPositive();
                        }
                        net.params().list().forEach(Tensor::zeroGrad);
                    }
                });
    }

    @Test
    @DisplayName("predictCh8 returns the prefix followed by numPreds tokens, and is deterministic")
    void predictReturnsPrefixPlusNumPredsDeterministically() {
        var corpus = corpus(REPEATING);
        Props.qt(40).forAll(integers().between(1, 12), integers().between(0, 30), longs().all())
                .checkAssert((prefixLength, numPreds, seed) -> {
                    var net = new RNNModelScratch(corpus.vocab().size(), 8, new Random(seed));
                    var prefix = REPEATING.substring(0, prefixLength).chars().mapToObj(Character::toString).toList();
                    var once = Predict.predictTokens(prefix, numPreds, net, corpus.vocab());
                    assertThat(once).as("prefix + %d predicted tokens", numPreds).hasSize(prefixLength + numPreds)
                            .startsWith(prefix.toArray(String[]::new));
                    assertThat(Predict.predictTokens(prefix, numPreds, net, corpus.vocab()))
                            .as("greedy prediction is deterministic").isEqualTo(once);
                });
    }

    @Test
    @DisplayName("The same seed gives bit-identical perplexities across runs")
    void sameSeedSamePerplexities() {
        Props.qt(10).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, random) -> {
            assertThat(perplexities(seed, random == 1)).as("two runs with seed %d", seed)
                    .containsExactly(perplexities(seed, random == 1));
        });
    }

    private static double[] perplexities(long seed, boolean useRandomIter) {
        var corpus = corpus(REPEATING);
        var rng = new Random(seed);
        var net = new RNNModelScratch(corpus.vocab().size(), 16, rng);
        var loader = new SeqDataLoader(corpus.ids(), 4, 6, useRandomIter, rng);
        var ppl = new ArrayList<Double>();
        TrainCh8.trainCh8(net, loader, corpus.vocab(), 1.0, 3, options(), stats -> ppl.add(stats.perplexity()));
        return ppl.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Ch8Options options() {
        return new Ch8Options(1.0, TokenKind.CHAR, "the", List.of("the"), 10, 10);
    }

    @Test
    @DisplayName("Learning really happens: a small model on a short repeating text gets perplexity below 1.5")
    void learningHappensOnARepeatingText() {
        var corpus = corpus(REPEATING);
        var rng = new Random(7);
        var net = new RNNModelScratch(corpus.vocab().size(), 32, rng);
        var loader = new SeqDataLoader(corpus.ids(), 8, 10, false, rng);
        var result = TrainCh8.trainCh8(net, loader, corpus.vocab(), 1.0, 60, options(), EpochListener.none());
        assertThat(result.perplexity()).as("perplexity after 60 epochs on '%s…' repeated", REPEATING.substring(0, 24))
                .isLessThan(1.5);
        assertThat(Predict.predictCh8("the c", 10, net, corpus.vocab())).as("it continues the sentence")
                .isEqualTo("the cat sat on ");
    }

    @Test
    @DisplayName("Y.T.reshape(-1): label t·batch + b is Y[b][t]")
    void labelsAreTimeMajor() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all()).checkAssert((b, t, s) -> {
            var y = new int[b][t];
            var rng = new Random(s);
            for (int[] row : y) {
                for (int j = 0; j < t; j++) {
                    row[j] = rng.nextInt(100);
                }
            }
            int[] flat = TrainCh8.flattenTransposed(y);
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < t; j++) {
                    assertThat(flat[j * b + i]).isEqualTo(y[i][j]);
                }
            }
        });
    }


    @Test
    @DisplayName("Training on one thread and on two threads gives bit-identical parameters and perplexities")
    void oneAndTwoThreadsTrainIdentically() {
        double[][] one = trainedWeights(1);
        double[][] two = trainedWeights(2);
        assertThat(rnnscratch.testing.Matrices.bitIdentical(one, two))
                .as("W_hh after training with Parallel.setThreads(1) vs (2): the kernel splits work by whole output "
                        + "elements (rows, or columns of a short wide product), so every element is summed in the same "
                        + "order")
                .isTrue();
    }

    @Test
    @DisplayName("Training on 3, 4, 5 and 8 threads gives the same bits as on one thread")
    void anyNumberOfThreadsTrainsIdentically() {
        double[][] one = trainedWeights(1);
        for (int threads : new int[] {3, 4, 5, 8}) {
            assertThat(rnnscratch.testing.Matrices.bitIdentical(one, trainedWeights(threads)))
                    .as("W_hh after training on %d threads differs from training on one thread: each thread must "
                            + "compute whole output elements, each summed in the same order as on one thread", threads)
                    .isTrue();
        }
    }

    private static double[][] trainedWeights(int threads) {
        int before = rnnscratch.tensor.Parallel.threads();
        rnnscratch.tensor.Parallel.setThreads(threads);
        try {
            var corpus = corpus(REPEATING);
            var rng = new Random(3);
            // 8x192 · 192x192 and the stacked 192x40 · 40x192 are above the size at which products are split.
            var net = new RNNModelScratch(corpus.vocab().size(), 192, rng);
            var loader = new SeqDataLoader(corpus.ids(), 8, 5, false, rng);
            TrainCh8.trainCh8(net, loader, corpus.vocab(), 1.0, 2, options(), EpochListener.none());
            return net.params().W_hh().value();
        } finally {
            rnnscratch.tensor.Parallel.setThreads(before);
        }
    }
}
