package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.optim.SgdOptimizer;
import rnnscratch.optim.Updater;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.text.BundledCorpus;
import rnnscratch.text.Corpus;
import rnnscratch.text.Preprocess;
import rnnscratch.text.SeqDataIter;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;

/**
 * Training with the hand-written backward pass ({@link TrainByHand}, {@code train --backward manual}) is training
 * with the autograd's. Docs: docs/bptt.md
 */
class ManualBackwardTest {
    /** The first 2,000 characters of the bundled story. */
    private static final Corpus CORPUS = Corpus.loadCorpus(BundledCorpus.load("test").lines(Preprocess.D2L),
            TokenKind.CHAR, 2000);

    /** What one run leaves: each epoch's perplexity, each minibatch's gradient norm, the trained parameters. */
    record Run(List<Double> perplexities, List<Double> gradNorms, RnnParams params) {}

    private static Run train(TrainCh8.TrainEpochCh8 epochFn, long seed, boolean randomIter, boolean optimizer,
            int epochs) {
        var rng = new Random(seed);
        var net = new RNNModelScratch(CORPUS.vocab().size(), 16, rng);
        var loader = new SeqDataLoader(CORPUS.ids(), 4, 8, randomIter, rng);
        Updater updater = optimizer ? new SgdOptimizer(net.params().list(), 1.0) : TrainCh8.sgdUpdater(net, 1.0);
        var run = new Run(new ArrayList<>(), new ArrayList<>(), net.params());
        TrainCh8.trainCh8(net, loader, CORPUS.vocab(), updater, epochs,
                Ch8Options.of(1.0, "the", List.of("the"), 10, 5).withTrainEpochCh8(epochFn), new EpochListener() {
                    @Override
                    public void epochEnded(EpochStats s) {
                        run.perplexities().add(s.perplexity());
                    }

                    @Override
                    public void minibatchEnded(MinibatchStats s) {
                        run.gradNorms().add(s.gradNorm());
                    }
                });
        return run;
    }

    @Test
    @DisplayName("Ten epochs with the hand-written backward pass give the autograd run's perplexities within 1e-9, "
            + "with sequential or random minibatches and either update branch")
    void sameRunAsTheAutograd() {
        Props.qt(4).forAll(longs().between(0, 1000), booleans().all(), booleans().all())
                .checkAssert((seed, randomIter, optimizer) -> {
                    Run tape = train(TrainCh8::trainEpochCh8, seed, randomIter, optimizer, 10);
                    Run manual = train(TrainByHand.trainEpochCh8(Bptt::backward), seed, randomIter, optimizer, 10);
                    assertThat(manual.perplexities()).as("epochs run").hasSize(10);
                    for (int e = 0; e < 10; e++) {
                        assertThat(Math.abs(manual.perplexities().get(e) - tape.perplexities().get(e)))
                                .as("epoch %d: perplexity %s (manual) against %s (autograd)", e + 1,
                                        manual.perplexities().get(e), tape.perplexities().get(e))
                                .isLessThan(1e-9);
                    }
                    for (int i = 0; i < tape.gradNorms().size(); i++) {
                        assertThat(manual.gradNorms().get(i))
                                .as("minibatch %d's gradient norm before clipping", i + 1)
                                .isCloseTo(tape.gradNorms().get(i), org.assertj.core.api.Assertions.within(1e-9));
                    }
                });
    }

    @Test
    @DisplayName("An epoch by hand measures its time on the wall clock as the autograd's does: never more seconds than "
            + "the call took, and tokens per second of its tokens over those seconds")
    void anEpochByHandIsTimedOnTheWallClock() {
        var net = new RNNModelScratch(CORPUS.vocab().size(), 16, new Random(3));
        var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), 4, 8, 0);
        long start = System.nanoTime();
        EpochStats s = TrainByHand.trainEpochCh8(Bptt::backward).trainEpochCh8(net, batches,
                TrainCh8.sgdUpdater(net, 1.0), false, 1.0, 1, EpochListener.none());
        double outside = (System.nanoTime() - start) / 1e9;
        assertThat(s.elapsedSeconds()).as("the epoch's seconds, within the %s s the call took", outside)
                .isPositive().isLessThanOrEqualTo(outside);
        assertThat(s.tokensPerSec()).as("tokens/s of %d tokens in %s s", s.tokens(), s.elapsedSeconds())
                .isCloseTo(s.tokens() / s.elapsedSeconds(),
                        org.assertj.core.api.Assertions.within(1e-6 * s.tokensPerSec()));
    }

    @Test
    @DisplayName("An epoch by hand stops at the first minibatch whose loss is not finite, naming the epoch and the "
            + "minibatch, as the autograd's does: no NaN trains on silently")
    void anEpochByHandStopsAtANonFiniteLoss() {
        var net = new RNNModelScratch(CORPUS.vocab().size(), 16, new Random(4));
        net.params().b_q().value()[0][1] = Double.NaN;
        var batches = SeqDataIter.seqDataIterSequential(CORPUS.ids(), 4, 8, 0);
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(LossNotFiniteException.class,
                () -> TrainByHand.trainEpochCh8(Bptt::backward).trainEpochCh8(net, batches,
                        TrainCh8.sgdUpdater(net, 1.0), false, 1.0, 6, EpochListener.none()));
        assertThat(thrown).as("an epoch by hand with b_q[0][1] = NaN throws LossNotFiniteException").isNotNull();
        assertThat(thrown.minibatch()).as("the first minibatch already fails").isEqualTo(1);
        assertThat(thrown.epoch()).as("the epoch it was given").isEqualTo(6);
        assertThat(thrown.loss()).as("the loss it names").isNaN();
    }
}
