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
import rnnscratch.optim.SgdOptimizer;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.report.RunRecorder;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.StackedProducts;
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
                        Ops.crossEntropy(out.outputs(), Labels.flattenTransposed(batches.get(1).y())).backward();
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
                    var once = PredictCh8.predictTokens(prefix, numPreds, net, corpus.vocab());
                    assertThat(once).as("prefix + %d predicted tokens", numPreds).hasSize(prefixLength + numPreds)
                            .startsWith(prefix.toArray(String[]::new));
                    assertThat(PredictCh8.predictTokens(prefix, numPreds, net, corpus.vocab()))
                            .as("greedy prediction is deterministic").isEqualTo(once);
                });
    }

    @Test
    @DisplayName("The same seed gives bit-identical perplexities across runs")
    void sameSeedSamePerplexities() {
        Props.qt(10).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, random) -> {
            assertThat(perplexities(seed, random == 1)).as("two runs with seed %d", seed).hasSize(3)
                    .containsExactly(perplexities(seed, random == 1));
        });
    }

    private static double[] perplexities(long seed, boolean useRandomIter) {
        var corpus = corpus(REPEATING);
        var rng = new Random(seed);
        var net = new RNNModelScratch(corpus.vocab().size(), 16, rng);
        var loader = new SeqDataLoader(corpus.ids(), 4, 6, useRandomIter, rng);
        var ppl = new ArrayList<Double>();
        train(net, loader, corpus, 3, stats -> ppl.add(stats.perplexity()));
        return ppl.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Ch8Options options() {
        return Ch8Options.of(1.0, "the", List.of("the"), 10, 10);
    }

    /** {@code trainCh8} with lr 1 and the hand-written sgd updater. */
    private static TrainResult train(RNNModelScratch net, SeqDataLoader loader, Corpus corpus, int epochs,
            EpochListener listener) {
        return TrainCh8.trainCh8(net, loader, corpus.vocab(), TrainCh8.sgdUpdater(net, 1.0), epochs, options(),
                listener);
    }

    @Test
    @DisplayName("Learning really happens: a small model on a short repeating text gets perplexity below 1.5")
    void learningHappensOnARepeatingText() {
        var corpus = corpus(REPEATING);
        var rng = new Random(7);
        var net = new RNNModelScratch(corpus.vocab().size(), 32, rng);
        var loader = new SeqDataLoader(corpus.ids(), 8, 10, false, rng);
        var result = train(net, loader, corpus, 60, EpochListener.none());
        assertThat(result.perplexity()).as("perplexity after 60 epochs on '%s…' repeated", REPEATING.substring(0, 24))
                .isLessThan(1.5);
        assertThat(PredictCh8.predictCh8("the c", 10, net, corpus.vocab())).as("it continues the sentence")
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
            int[] flat = Labels.flattenTransposed(y);
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
        return Kernel.using(Kernel.choice(), threads, () -> {
            var corpus = corpus(REPEATING);
            var rng = new Random(3);
            // 8x192 · 192x192 and the stacked 192x40 · 40x192 are above the size at which products are split.
            var net = new RNNModelScratch(corpus.vocab().size(), 192, rng);
            var loader = new SeqDataLoader(corpus.ids(), 8, 5, false, rng);
            train(net, loader, corpus, 2, EpochListener.none());
            return net.params().W_hh().value();
        });
    }

    @Test
    @DisplayName("The notes' two update branches train to bit-identical parameters: an optimizer object (zeroGrad, "
            + "backward, clip, step) and the hand-written sgd updater (backward, clip, sgd with batch size 1)")
    void bothUpdaterBranchesTrainIdentically() {
        Props.qt(10).forAll(longs().all(), integers().between(0, 1)).checkAssert((seed, random) -> {
            var corpus = corpus(REPEATING);
            var custom = new RNNModelScratch(corpus.vocab().size(), 12, new Random(seed));
            var optimizer = new RNNModelScratch(corpus.vocab().size(), 12, new Random(seed));
            var customLoader = new SeqDataLoader(corpus.ids(), 4, 6, random == 1, new Random(seed + 1));
            var optimizerLoader = new SeqDataLoader(corpus.ids(), 4, 6, random == 1, new Random(seed + 1));
            var a = TrainCh8.trainCh8(custom, customLoader, corpus.vocab(), TrainCh8.sgdUpdater(custom, 0.7), 3,
                    options(), EpochListener.none());
            var b = TrainCh8.trainCh8(optimizer, optimizerLoader, corpus.vocab(),
                    new SgdOptimizer(optimizer.params().list(), 0.7), 3, options(), EpochListener.none());
            assertThat(b.perplexity()).as("last perplexity, optimizer vs hand-written updater")
                    .isEqualTo(a.perplexity());
            for (int p = 0; p < RnnParams.NAMES.size(); p++) {
                assertThat(rnnscratch.testing.Matrices.bitIdentical(custom.params().list().get(p).value(),
                        optimizer.params().list().get(p).value()))
                        .as("%s after 3 epochs: θ − lr·g/1 (sgd) and θ − lr·g (SGD.step) are the same numbers",
                                RnnParams.NAMES.get(p))
                        .isTrue();
            }
        });
    }

    @Test
    @DisplayName("Training runs the model's functions it is given, and every zero state comes from the model's "
            + "initRnnState (net.beginState): once an epoch with sequential minibatches, once a minibatch with random "
            + "ones, once a prediction")
    void trainingCallsTheModelsFunctions() {
        for (boolean random : new boolean[] {false, true}) {
            var corpus = corpus(REPEATING);
            var calls = new java.util.TreeMap<String, Integer>();
            java.util.function.Consumer<String> count = name -> calls.merge(name, 1, Integer::sum);
            var m = RnnFunctions.library();
            var zeroStates = new ArrayList<RnnState>();
            var model = new RnnFunctions(x -> {
                count.accept("transpose");
                return m.transpose().transpose(x);
            }, (xt, v) -> {
                count.accept("oneHot");
                return m.oneHot().oneHot(xt, v);
            }, (v, h, rng) -> {
                count.accept("getParams");
                return m.getParams().getParams(v, h, rng);
            }, (b, h) -> {
                count.accept("initRnnState");
                var zeros = m.initRnnState().initRnnState(b, h);
                zeroStates.add(zeros);
                return zeros;
            }, (inputs, state, params) -> {
                count.accept("rnn");
                boolean minibatch = inputs.size() > 1; // a prediction feeds one step at a time
                if (minibatch && zeroStates.stream().noneMatch(z -> z == state)) {
                    assertThat(state.H().requiresGrad()).as("a minibatch that does not start from zeros starts from "
                            + "the previous state, detached").isFalse();
                }
                return m.rnn().rnn(inputs, state, params);
            });
            var rng = new Random(5);
            var net = new RNNModelScratch(corpus.vocab().size(), 8, rng, model);
            var loader = new SeqDataLoader(corpus.ids(), 4, 6, random, rng);
            var minibatches = new int[1];
            TrainCh8.trainCh8(net, loader, corpus.vocab(), TrainCh8.sgdUpdater(net, 1.0), 2, options(),
                    new EpochListener() {
                        @Override
                        public void epochEnded(EpochStats stats) {}

                        @Override
                        public void minibatchEnded(MinibatchStats stats) {
                            minibatches[0]++;
                        }
                    });
            assertThat(calls.keySet()).as("functions called during trainCh8 (counts: %s)", calls)
                    .containsExactlyInAnyOrder("transpose", "oneHot", "getParams", "initRnnState", "rnn");
            assertThat(calls.get("getParams")).as("getParams: once, for the model's weights").isEqualTo(1);
            int predictions = 2 * options().finalPrefixes().size();
            assertThat(calls.get("initRnnState")).as("initRnnState with %s minibatches: %s, plus one per prediction",
                    random ? "random" : "sequential", random ? "every minibatch" : "the first of each of 2 epochs")
                    .isEqualTo((random ? minibatches[0] : 2) + predictions);
        }
    }

    @Test
    @DisplayName("Training with the kernel's stacking of the weight gradients on and off gives bit-identical "
            + "parameters")
    void stackingOnAndOffTrainIdentically() {
        Props.qt(5).forAll(longs().all()).checkAssert(seed -> {
            var on = trainedWithStacking(seed, true);
            var off = trainedWithStacking(seed, false);
            for (int p = 0; p < RnnParams.NAMES.size(); p++) {
                assertThat(rnnscratch.testing.Matrices.bitIdentical(on.get(p), off.get(p)))
                        .as("%s after 2 epochs with the stacking on and off", RnnParams.NAMES.get(p)).isTrue();
            }
        });
    }

    private static List<double[][]> trainedWithStacking(long seed, boolean stacking) {
        try {
            StackedProducts.use(stacking);
            var corpus = corpus(REPEATING);
            var rng = new Random(seed);
            var net = new RNNModelScratch(corpus.vocab().size(), 24, rng);
            train(net, new SeqDataLoader(corpus.ids(), 5, 7, false, rng), corpus, 2, EpochListener.none());
            return net.params().list().stream().map(Tensor::value).toList();
        } finally {
            StackedProducts.use(true);
        }
    }

    @Test
    @DisplayName("Watching the hidden states for a report (a hook on every H_t) changes no parameter: training "
            + "is bit-identical")
    void watchingHiddenStatesChangesNothing() {
        Props.qt(10).forAll(longs().all()).checkAssert(seed -> {
            var watched = trainedWithRecorder(seed, true);
            var plain = trainedWithRecorder(seed, false);
            for (int p = 0; p < RnnParams.NAMES.size(); p++) {
                assertThat(rnnscratch.testing.Matrices.bitIdentical(watched.params().list().get(p).value(),
                        plain.params().list().get(p).value()))
                        .as("%s after 2 epochs with and without the hidden states watched", RnnParams.NAMES.get(p))
                        .isTrue();
            }
        });
    }

    @Test
    @DisplayName("A recorder watching the model gets ‖∂l/∂H_t‖ for every time step of the minibatches it keeps, each "
            + "positive and finite")
    void hiddenGradientNormsReachTheRecorder() {
        var recorder = new RunRecorder();
        var corpus = corpus(REPEATING);
        var rng = new Random(11);
        var model = new RNNModelScratch(corpus.vocab().size(), 8, rng);
        var net = new RNNModelScratch(model.params(), recorder.watching(model.functions()));
        train(net, new SeqDataLoader(corpus.ids(), 4, 6, false, rng), corpus, 2, recorder);
        assertThat(recorder.firstMinibatchProbes()).as("the first minibatch of each of 2 epochs").hasSize(2);
        for (var probe : recorder.firstMinibatchProbes()) {
            double[] norms = probe.hiddenGradNorms();
            assertThat(norms).as("‖∂l/∂H_t‖ for t = 1 … 6").hasSize(6);
            for (double g : norms) {
                assertThat(g).as("every step's hidden state gets some gradient").isPositive().isFinite();
            }
        }
    }

    private static RNNModelScratch trainedWithRecorder(long seed, boolean watched) {
        var corpus = corpus(REPEATING);
        var rng = new Random(seed);
        var model = new RNNModelScratch(corpus.vocab().size(), 8, rng);
        var recorder = new RunRecorder();
        var net = watched ? new RNNModelScratch(model.params(), recorder.watching(model.functions())) : model;
        train(net, new SeqDataLoader(corpus.ids(), 4, 6, false, rng), corpus, 2, recorder);
        return net;
    }
}
