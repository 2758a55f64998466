package rnnscratch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Options;
import rnnscratch.train.TrainByHand;
import rnnscratch.train.TrainCh8;

/** The run report of train --backward manual. Docs: docs/bptt.md#the-same-run-without-the-tape */
class ManualBackwardReportTest {
    private static RunRecorder train(boolean byHand) {
        var corpus = Corpus.loadCorpus(List.of("the time traveller for so it will be convenient to speak of him "
                .repeat(12)), TokenKind.CHAR, -1);
        var rng = new Random(11);
        var recorder = new RunRecorder();
        var model = new RNNModelScratch(corpus.vocab().size(), 12, rng);
        var net = new RNNModelScratch(model.params(), recorder.watching(model.functions()));
        var loader = new SeqDataLoader(corpus.ids(), 3, 8, false, rng);
        var options = Ch8Options.of(1.0, "the ", List.of("the "), 10, 5);
        TrainCh8.trainCh8(net, loader, corpus.vocab(), TrainCh8.sgdUpdater(net, 1.0), 3,
                byHand ? options.withTrainEpochCh8(TrainByHand.trainEpochCh8(Bptt::backward)) : options, recorder);
        return recorder;
    }

    @Test
    @DisplayName("With the hand-written backward pass the report's gradients through time are the autograd's")
    void sameGradientsThroughTime() {
        var tape = train(false).firstMinibatchProbes();
        var byHand = train(true).firstMinibatchProbes();
        assertThat(byHand).as("the first minibatch of every epoch is probed").hasSameSizeAs(tape).hasSize(3);
        for (int e = 0; e < tape.size(); e++) {
            assertThat(byHand.get(e).hiddenGradNorms()).as("‖∂ℓ/∂H_t‖, t = 1 … 8, epoch %d", e + 1).hasSize(8)
                    .containsExactly(tape.get(e).hiddenGradNorms(), within(1e-12));
        }
    }
}
