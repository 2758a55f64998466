package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Options;
import rnnscratch.train.EpochListener;
import rnnscratch.train.TrainByHand;
import rnnscratch.train.TrainCh8;

/** Exercise 19's backward pass inside "your RNN" ({@link StudentBackward}). Docs: docs/exercises.md#your-rnn */
@Tag("exercise")
class StudentBackwardTest {
    private static List<Double> perplexities(TrainCh8.TrainEpochCh8 epochFn) {
        var corpus = Corpus.loadCorpus(List.of("the cat sat on the mat. ".repeat(40)), TokenKind.CHAR, -1);
        var rng = new Random(3);
        var net = new RNNModelScratch(corpus.vocab().size(), 8, rng);
        var loader = new SeqDataLoader(corpus.ids(), 4, 6, false, rng);
        var ppl = new ArrayList<Double>();
        TrainCh8.trainCh8(net, loader, corpus.vocab(), TrainCh8.sgdUpdater(net, 1.0), 3,
                Ch8Options.of(1.0, "the", List.of("the"), 10, 5).withTrainEpochCh8(epochFn), new EpochListener() {
                    @Override
                    public void epochEnded(rnnscratch.train.EpochStats s) {
                        ppl.add(s.perplexity());
                    }
                });
        return ppl;
    }

    @Test
    @DisplayName("With the reference bptt, your RNN's epoch with the student's backward pass is the autograd's run "
            + "within 1e-9, and the library's manual run exactly")
    void referenceBackwardTrainsAsTheAutograd() {
        List<Double> tape = perplexities(TrainCh8::trainEpochCh8);
        List<Double> manual = perplexities(TrainByHand.trainEpochCh8(Bptt::backward));
        List<Double> yours = perplexities(StudentFunctions.build(java.util.Set.of("ex19")).trainEpochCh8());
        assertThat(yours).hasSameSizeAs(tape).containsExactlyElementsOf(manual);
        for (int e = 0; e < tape.size(); e++) {
            assertThat(yours.get(e)).as("epoch %d", e + 1).isCloseTo(tape.get(e), within(1e-9));
        }
    }
}
