package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.text.Corpus;
import rnnscratch.text.Minibatch;
import rnnscratch.text.SeqDataIter;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * The edges of the training loop, stated as sentences: what an epoch counts, when it stops, what the listener hears
 * and when, and what happens when the loss stops being a number. Docs: docs/training.md
 */
class TrainingLoopEdgesTest {
    private static final String TEXT = "the cat sat on the mat. ".repeat(20);
    private static final Corpus CORPUS = Corpus.loadCorpus(List.of(TEXT), TokenKind.CHAR, -1);

    private static RNNModelScratch net(long seed) {
        return new RNNModelScratch(CORPUS.vocab().size(), 6, new Random(seed));
    }

    private static Ch8Options options(int sampleEvery) {
        return Ch8Options.of(1.0, "the", List.of("the c", "mat"), sampleEvery, 4);
    }

    /** Everything a listener hears, in order. */
    private static class Recorder implements EpochListener {
        final List<EpochStats> epochs = new ArrayList<>();
        final List<MinibatchStats> minibatches = new ArrayList<>();
        final List<Integer> sampleEpochs = new ArrayList<>();
        final List<String> samples = new ArrayList<>();
        final List<TrainResult> finished = new ArrayList<>();

        @Override
        public void epochEnded(EpochStats stats) {
            epochs.add(stats);
        }

        @Override
        public void sample(int epoch, String text) {
            sampleEpochs.add(epoch);
            samples.add(text);
        }

        @Override
        public void finished(TrainResult result) {
            finished.add(result);
        }

        @Override
        public void minibatchEnded(MinibatchStats stats) {
            minibatches.add(stats);
        }

        /** The epoch in progress (1-based): one past the last epoch reported. */
        int epoch() {
            return epochs.size() + 1;
        }

        /** Minibatches trained so far in the epoch in progress. */
        long doneInThisEpoch() {
            return minibatches.stream().filter(m -> m.epoch() == epoch()).count();
        }
    }

    private static TrainResult train(RNNModelScratch net, SeqDataLoader loader, int epochs, Ch8Options options,
            EpochListener listener) {
        return TrainCh8.trainCh8(net, loader, CORPUS.vocab(), TrainCh8.sgdUpdater(net, 1.0), epochs, options,
                listener);
    }

    @Test
    @DisplayName("An epoch trains on every minibatch once, in order: it counts them and their tokens, and the listener "
            + "hears minibatch 1, 2, …, n of that epoch")
    void epochCountsEveryMinibatch() {
        Props.qt(20).forAll(integers().between(1, 3), integers().between(2, 5), integers().between(0, 5), longs().all())
                .checkAssert((batch, steps, offset, seed) -> {
                    var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), batch, steps,
                            Math.min(offset, steps));
                    var net = net(seed);
                    var heard = new Recorder();
                    var result = TrainCh8.trainEpochCh8(net, batches, TrainCh8.sgdUpdater(net, 0.5), false, 1.0, 4,
                            heard);
                    int n = batches.size();
                    assertThat(result.minibatches()).as("minibatches trained, of %d", n).isEqualTo(n);
                    assertThat(result.tokens()).as("tokens: %d minibatches of %d×%d", n, batch, steps)
                            .isEqualTo((long) n * batch * steps);
                    assertThat(heard.minibatches).extracting(MinibatchStats::minibatch)
                            .as("minibatch numbers reported").containsExactlyElementsOf(
                                    java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
                    assertThat(heard.minibatches).extracting(MinibatchStats::epoch).as("the epoch they report")
                            .containsOnly(4);
                    assertThat(result.tokensPerSec()).as("tokens per second").isPositive();
                });
    }

    @Test
    @DisplayName("An epoch's perplexity is exp of the minibatches' losses weighted by their tokens, "
            + "exp(Σ lᵢ·nᵢ / Σ nᵢ), even when minibatches differ in size")
    void epochPerplexityWeighsMinibatchesByTokens() {
        Props.qt(20).forAll(integers().between(1, 25), longs().all()).checkAssert((count, seed) -> {
            var rng = new Random(seed);
            var ids = CORPUS.ids();
            var batches = new ArrayList<Minibatch>();
            for (int k = 0; k < count; k++) {
                int batch = 1 + rng.nextInt(3);
                int steps = 1 + rng.nextInt(4);
                var starts = new int[batch];
                for (int i = 0; i < batch; i++) {
                    starts[i] = rng.nextInt(ids.length - steps - 1);
                }
                batches.addAll(SeqDataIter.seqDataIterRandom(ids, batch, steps, 0, starts));
            }
            var net = net(seed);
            var heard = new Recorder();
            var result = TrainCh8.trainEpochCh8(net, batches, TrainCh8.sgdUpdater(net, 0.5), true, 1.0, 1, heard);
            double weighted = 0;
            long tokens = 0;
            for (int k = 0; k < count; k++) {
                int n = batches.get(k).batchSize() * batches.get(k).numSteps();
                weighted += heard.minibatches.get(k).loss() * n;
                tokens += n;
            }
            assertThat(result.tokens()).as("tokens of %d minibatches of different sizes", count).isEqualTo(tokens);
            assertThat(result.perplexity()).as("exp(Σ lᵢ·nᵢ / Σ nᵢ) from the losses the listener heard")
                    .isCloseTo(Math.exp(weighted / tokens), within(1e-12 * Math.exp(weighted / tokens)));
        });
    }

    @Test
    @DisplayName("An epoch without minibatches trains nothing: perplexity NaN, no tokens, no minibatch, no update")
    void emptyEpoch() {
        var net = net(1);
        var before = net.params().list().stream().map(p -> Matrices.copyOf(p.value())).toList();
        var heard = new Recorder();
        var result = TrainCh8.trainEpochCh8(net, List.of(), TrainCh8.sgdUpdater(net, 1.0), false, 1.0, 1, heard);
        assertThat(result.perplexity()).as("nothing was measured").isNaN();
        assertThat(result.tokens()).isZero();
        assertThat(result.minibatches()).isZero();
        assertThat(heard.minibatches).as("minibatches heard").isEmpty();
        for (int p = 0; p < before.size(); p++) {
            assertThat(net.params().list().get(p).value()).as("%s", RnnParams.NAMES.get(p))
                    .isDeepEqualTo(before.get(p));
        }
    }

    @Test
    @DisplayName("A stop requested before minibatch k of epoch e ends training after minibatch k − 1: the result says "
            + "stopped, e − 1 epochs ran, and the listener still hears finished once")
    void stopRequestEndsTrainingCleanly() {
        Props.qt(15).forAll(integers().between(1, 3), integers().between(1, 6), longs().all())
                .checkAssert((stopEpoch, stopBefore, seed) -> {
                    var heard = new Recorder() {
                        @Override
                        public boolean stopRequested() {
                            return epoch() == stopEpoch && doneInThisEpoch() == stopBefore - 1;
                        }
                    };
                    var net = net(seed);
                    var loader = new SeqDataLoader(CORPUS.ids(), 8, 8, false, new Random(seed));
                    var result = train(net, loader, 4, options(1), heard);
                    assertThat(result.stopped()).as("stopped").isTrue();
                    assertThat(result.epochsRun()).as("epochs completed before the stop").isEqualTo(stopEpoch - 1);
                    assertThat(heard.epochs).as("epochs reported").hasSize(stopEpoch - 1);
                    assertThat(heard.minibatches.stream().filter(m -> m.epoch() == stopEpoch).count())
                            .as("minibatches trained in the stopped epoch").isEqualTo(stopBefore - 1);
                    assertThat(heard.finished).as("finished is heard once, with the result").containsExactly(result);
                    assertThat(heard.sampleEpochs).as("no sample for the stopped epoch")
                            .doesNotContain(stopEpoch);
                    if (stopEpoch > 1) {
                        assertThat(result.perplexity()).as("the summary's perplexity is the last completed epoch's")
                                .isEqualTo(heard.epochs.get(heard.epochs.size() - 1).perplexity());
                    } else {
                        assertThat(result.perplexity()).as("no epoch completed: no perplexity").isNaN();
                    }
                });
    }

    @Test
    @DisplayName("trainCh8 shows a sample every sampleEvery epochs and after the last one, and nowhere else")
    void sampleSchedule() {
        Props.qt(15).forAll(integers().between(1, 6), integers().between(1, 4), longs().all())
                .checkAssert((epochs, every, seed) -> {
                    var heard = new Recorder();
                    var net = net(seed);
                    var loader = new SeqDataLoader(java.util.Arrays.copyOf(CORPUS.ids(), 80), 8, 8, false,
                            new Random(seed)); // one minibatch per epoch
                    train(net, loader, epochs, options(every), heard);
                    var expected = new ArrayList<Integer>();
                    for (int e = 1; e <= epochs; e++) {
                        if (e % every == 0 || e == epochs) {
                            expected.add(e);
                        }
                    }
                    assertThat(heard.sampleEpochs).as("epochs with a sample, %d epochs, every %d", epochs, every)
                            .containsExactlyElementsOf(expected);
                    for (String s : heard.samples) {
                        assertThat(s).as("a sample is predictCh8(\"the\", 4)").startsWith("the").hasSize(3 + 4);
                    }
                    assertThat(heard.samples.get(heard.samples.size() - 1)).as("the last sample, on the trained model")
                            .isEqualTo(PredictCh8.predictCh8("the", 4, net, CORPUS.vocab()));
                });
    }

    @Test
    @DisplayName("trainCh8 reports every epoch once, in order, with the offset its sequential iterator drew (none for "
            + "random iteration)")
    void everyEpochIsReportedWithItsOffset() {
        Props.qt(10).forAll(integers().between(1, 4), integers().between(0, 1), longs().all())
                .checkAssert((epochs, random, seed) -> {
                    var heard = new Recorder();
                    var loader = new SeqDataLoader(CORPUS.ids(), 4, 6, random == 1, new Random(seed));
                    var twin = new SeqDataLoader(CORPUS.ids(), 4, 6, random == 1, new Random(seed));
                    var result = train(net(seed), loader, epochs, options(10), heard);
                    assertThat(heard.epochs).extracting(EpochStats::epoch).as("epochs reported")
                            .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, epochs).boxed()
                                    .toList());
                    for (EpochStats s : heard.epochs) {
                        int drawn = twin.nextEpoch().offset();
                        assertThat(s.offset()).as("the offset of epoch %d", s.epoch())
                                .isEqualTo(random == 1 ? OptionalInt.empty() : OptionalInt.of(drawn));
                        assertThat(s.perplexity()).as("perplexity of epoch %d", s.epoch()).isGreaterThan(1.0);
                        assertThat(s.tokensPerSec()).as("tokens per second of epoch %d", s.epoch()).isPositive();
                    }
                    var last = heard.epochs.get(epochs - 1);
                    assertThat(result.perplexity()).as("the result's perplexity is the last epoch's")
                            .isEqualTo(last.perplexity());
                    assertThat(result.epochsRun()).as("epochs the result says were run").isEqualTo(epochs);
                    assertThat(result.stopped()).as("a run that was not asked to stop says it was not stopped")
                            .isFalse();
                    assertThat(heard.finished).as("finished once, with the result").containsExactly(result);
                });
    }

    @Test
    @DisplayName("The final predictions are predictCh8(prefix, numPreds) of the trained model, one per final prefix, "
            + "in order")
    void finalPredictionsContinueEachFinalPrefix() {
        var net = net(3);
        var loader = new SeqDataLoader(CORPUS.ids(), 2, 6, false, new Random(3));
        var result = train(net, loader, 2, options(10), EpochListener.none());
        assertThat(result.predictions()).as("predictions for \"the c\" and \"mat\"").containsExactly(
                PredictCh8.predictCh8("the c", 4, net, CORPUS.vocab()), PredictCh8.predictCh8("mat", 4, net,
                        CORPUS.vocab()));
    }

    @Test
    @DisplayName("trainCh8 refuses fewer than one epoch")
    void atLeastOneEpoch() {
        for (int bad : new int[] {0, -3}) {
            var net = net(1);
            var loader = new SeqDataLoader(CORPUS.ids(), 2, 6, false, new Random(1));
            assertThatThrownBy(() -> train(net, loader, bad, options(10),
                    EpochListener.none())).as("%d epochs", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    @DisplayName("When a minibatch's loss is not finite, training stops with LossNotFiniteException naming its epoch, "
            + "its minibatch and the loss, and no update is made with it")
    void nonFiniteLossStopsTraining() {
        Props.qt(10).forAll(integers().between(1, 3), integers().between(1, 5), integers().between(0, 1),
                longs().all()).checkAssert((badEpoch, badMinibatch, infinite, seed) -> {
                    var net = net(seed);
                    var loader = new SeqDataLoader(CORPUS.ids(), 4, 6, false, new Random(seed));
                    var heard = new Recorder() {
                        List<double[][]> poisoned = List.of();

                        /** Polled before each minibatch: just before the bad one, a weight becomes NaN or +∞. */
                        @Override
                        public boolean stopRequested() {
                            if (epoch() == badEpoch && doneInThisEpoch() == badMinibatch - 1) {
                                net.params().W_hq().value()[0][0] = infinite == 1 ? Double.POSITIVE_INFINITY
                                        : Double.NaN;
                                poisoned = net.params().list().stream().map(p -> Matrices.copyOf(p.value())).toList();
                            }
                            return false;
                        }
                    };
                    var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(LossNotFiniteException.class,
                            () -> train(net, loader, 4, options(10), heard));
                    assertThat(thrown).as("training with W_hq[0][0] = %s before epoch %d minibatch %d",
                            infinite == 1 ? "+∞" : "NaN", badEpoch, badMinibatch).isNotNull();
                    assertThat(thrown.epoch()).as("the epoch named").isEqualTo(badEpoch);
                    assertThat(thrown.minibatch()).as("the minibatch named").isEqualTo(badMinibatch);
                    assertThat(Double.isFinite(thrown.loss())).as("the loss named, %s", thrown.loss()).isFalse();
                    assertThat(thrown.getMessage()).as("the message names the loss").contains(
                            String.valueOf(thrown.loss()));
                    for (int p = 0; p < RnnParams.NAMES.size(); p++) {
                        assertThat(Matrices.bitIdentical(net.params().list().get(p).value(), heard.poisoned.get(p)))
                                .as("%s is as it was before the minibatch whose loss was not finite",
                                        RnnParams.NAMES.get(p)).isTrue();
                    }
                    assertThat(heard.minibatches).as("the bad minibatch is not reported as trained")
                            .noneMatch(m -> m.epoch() == badEpoch && m.minibatch() == badMinibatch);
                    assertThat(heard.finished).as("a run that failed does not report finished").isEmpty();
                });
    }

    @Test
    @DisplayName("One epoch on its own names the epoch it was given and the minibatch whose loss is not finite")
    void nonFiniteLossInOneEpoch() {
        var net = net(2);
        net.params().b_q().value()[0][1] = Double.NaN;
        var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), 2, 6, 0);
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(LossNotFiniteException.class,
                () -> TrainCh8.trainEpochCh8(net, batches, TrainCh8.sgdUpdater(net, 1.0), false, 1.0, 6,
                        EpochListener.none()));
        assertThat(thrown).as("an epoch with b_q[0][1] = NaN").isNotNull();
        assertThat(thrown.minibatch()).as("the first minibatch already fails").isEqualTo(1);
        assertThat(thrown.epoch()).as("the epoch trainEpochCh8 was given").isEqualTo(6);
        assertThat(thrown.loss()).isNaN();
    }

    @Test
    @DisplayName("Tokens per second and elapsed seconds are measured on the wall clock: never more seconds than the "
            + "call took, so never fewer tokens per second than tokens over that time")
    void speedAndElapsedTimeAreWallClock() {
        var net = net(6);
        var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), 4, 6, 0);
        long start = System.nanoTime();
        var result = TrainCh8.trainEpochCh8(net, batches, TrainCh8.sgdUpdater(net, 0.5), false);
        double outside = (System.nanoTime() - start) / 1e9;
        assertThat(result.tokensPerSec()).as("tokens/s of %d tokens trained in at most %s s", result.tokens(), outside)
                .isGreaterThanOrEqualTo(result.tokens() / outside);
        var heard = new Recorder();
        start = System.nanoTime();
        train(net(6), new SeqDataLoader(CORPUS.ids(), 4, 6, false, new Random(6)), 3, options(10), heard);
        outside = (System.nanoTime() - start) / 1e9;
        double previous = 0;
        for (EpochStats s : heard.epochs) {
            assertThat(s.elapsedSeconds()).as("seconds since training started, after epoch %d", s.epoch())
                    .isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(outside);
            previous = s.elapsedSeconds();
            assertThat(s.tokensPerSec()).as("tokens/s in epoch %d", s.epoch())
                    .isGreaterThanOrEqualTo(batches.size() * 4 * 6 / 2.0 / outside);
        }
    }

    @Test
    @DisplayName("The short trainEpochCh8 is one epoch with θ = 1")
    void shortEpochOverload() {
        var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), 2, 6, 1);
        var a = net(8);
        var b = net(8);
        var shortResult = TrainCh8.trainEpochCh8(a, batches, TrainCh8.sgdUpdater(a, 0.5), false);
        var longResult = TrainCh8.trainEpochCh8(b, batches, TrainCh8.sgdUpdater(b, 0.5), false, 1.0, 1,
                EpochListener.none());
        assertThat(shortResult.minibatches()).isEqualTo(batches.size());
        assertThat(shortResult.perplexity()).as("the same epoch, short and long form").isEqualTo(
                longResult.perplexity());
        assertThat(Matrices.bitIdentical(a.params().W_hh().value(), b.params().W_hh().value())).as("W_hh").isTrue();
    }

    @Test
    @DisplayName("The book's trainCh8(net, iter, vocab, lr, epochs) predicts 50 tokens after \"time traveller\" and "
            + "\"traveller\"")
    void bookOverloadUsesTheBookSettings() {
        var net = net(9);
        var result = TrainCh8.trainCh8(net, new SeqDataLoader(CORPUS.ids(), 8, 8, false, new Random(9)),
                CORPUS.vocab(), 1.0, 1, EpochListener.none());
        assertThat(result.epochsRun()).isEqualTo(1);
        assertThat(result.predictions()).hasSize(2);
        assertThat(result.predictions().get(0)).startsWith("time traveller").hasSize(14 + 50);
        assertThat(result.predictions().get(1)).startsWith("traveller").hasSize(9 + 50);
    }

    @Test
    @DisplayName("withPredictCh8 swaps only predict_ch8: the samples and the final predictions come from the new "
            + "function")
    void withPredictCh8SwapsThePrediction() {
        var options = options(1).withPredictCh8((prefix, numPreds, net, vocab) -> prefix + "#" + numPreds);
        var heard = new Recorder();
        var result = train(net(10), new SeqDataLoader(java.util.Arrays.copyOf(CORPUS.ids(), 80), 8, 8, false,
                new Random(10)), 2, options, heard);
        assertThat(heard.samples).containsExactly("the#4", "the#4");
        assertThat(result.predictions()).containsExactly("the c#4", "mat#4");
    }

    @Test
    @DisplayName("withTrainEpochCh8 swaps only train_epoch_ch8: trainCh8 runs the epoch it is given, once per epoch")
    void withTrainEpochCh8SwapsTheEpoch() {
        var epochs = new ArrayList<Integer>();
        var options = options(10).withTrainEpochCh8((net, iter, updater, random, theta, epoch, listener) -> {
            epochs.add(epoch);
            return TrainCh8.trainEpochCh8(net, iter, updater, random, theta, epoch, listener);
        });
        var net = net(12);
        var result = train(net, new SeqDataLoader(CORPUS.ids(), 4, 6, false, new Random(12)), 3, options,
                EpochListener.none());
        var twin = net(12);
        var expected = train(twin, new SeqDataLoader(CORPUS.ids(), 4, 6, false, new Random(12)), 3, options(10),
                EpochListener.none());
        assertThat(epochs).as("the epochs the given function ran").containsExactly(1, 2, 3);
        assertThat(result.perplexity()).as("the same training").isEqualTo(expected.perplexity());
    }

    @Test
    @DisplayName("LossNotFiniteException names the loss, the epoch and the minibatch")
    void lossNotFiniteMessage() {
        var e = new LossNotFiniteException(7, 3, Double.POSITIVE_INFINITY);
        assertThat(e.getMessage()).startsWith("the loss became Infinity in epoch 7, at minibatch 3: ");
        assertThat(e.problem()).isEqualTo("the loss became Infinity in epoch 7, at minibatch 3");
        assertThat(e.epoch()).isEqualTo(7);
    }
}
