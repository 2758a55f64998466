package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.Parallel;
import rnnscratch.text.Minibatch;
import rnnscratch.text.SeqDataIter;
import rnnscratch.text.Vocab;
import rnnscratch.train.EpochListener;
import rnnscratch.train.PredictCh8;
import rnnscratch.train.TrainCh8;

/**
 * Golden cases: the same initial parameters and the same minibatches give the same perplexities, trained parameters
 * and predictions as the book's PyTorch code in float64, to a relative 1e-9. The cases were recorded by
 * {@code src/test/python/make_golden.py} from {@code ../shared/reference/d2l_rnn.py}; see
 * {@code src/test/resources/golden/README.md}.
 */
class BookAgreementTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<String> cases() {
        return GoldenCase.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("With the opt-in Vector API kernel, training agrees with the book's PyTorch code just as well")
    void trainingWithTheVectorKernelAgreesWithTheBook(String name) {
        Assumptions.assumeTrue(Kernel.vectorApiAvailable(), "no --add-modules jdk.incubator.vector in this JVM");
        Kernel.using(Kernel.Choice.VECTOR, Parallel.threads(), () -> trainingAgreesWithTheBook(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("Training agrees with the book's PyTorch code: perplexity per epoch and final parameters to 1e-9")
    void trainingAgreesWithTheBook(String name) {
        var golden = GoldenCase.load(name);
        var init = golden.init();
        var net = new RNNModelScratch(RnnParams.of(init.wXh(), init.wHh(), init.bH(), init.wHq(), init.bQ()));
        double theta = golden.theta().orElse(Double.POSITIVE_INFINITY);
        for (int epoch = 0; epoch < golden.epochs(); epoch++) {
            var result = TrainCh8.trainEpochCh8(net, minibatches(golden, epoch), TrainCh8.sgdUpdater(net, golden.lr()),
                    golden.useRandomIter(), theta, epoch + 1, EpochListener.none());
            double expected = golden.perplexity()[epoch];
            assertThat(Math.abs(result.perplexity() - expected) / expected)
                    .as("%s, epoch %d: perplexity %.15f here, %.15f in the book's code", name, epoch + 1,
                            result.perplexity(), expected)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
        var trained = net.params().list();
        var expected = golden.finalParams().asList();
        for (int p = 0; p < RnnParams.NAMES.size(); p++) {
            double[][] ours = trained.get(p).value();
            double[][] theirs = expected.get(p);
            assertThat(relativeMaxError(ours, theirs))
                    .as("%s: trained %s differs from the book's (max |diff| / max |value|)", name,
                            RnnParams.NAMES.get(p))
                    .isLessThanOrEqualTo(TOLERANCE);
        }
        var vocab = Vocab.of(List.of(golden.vocab().subList(1, golden.vocab().size())));
        assertThat(vocab.idxToToken()).as("%s: the vocabulary rebuilt from its tokens", name)
                .isEqualTo(golden.vocab());
        List<String> prefix = golden.token().equals("word") ? List.of(golden.prefix().split(" "))
                : golden.prefix().codePoints().mapToObj(Character::toString).toList();
        var predicted = PredictCh8.predictTokens(prefix, golden.predictionIds().length - prefix.size(), net, vocab);
        assertThat(vocab.indices(predicted)).as("%s: predictCh8 after training", name)
                .containsExactly(golden.predictionIds());
    }

    private static List<Minibatch> minibatches(GoldenCase golden, int epoch) {
        if (!golden.useRandomIter()) {
            return SeqDataIter.seqDataIterSequential(golden.corpus(), golden.batchSize(), golden.numSteps(),
                    golden.offsets()[epoch]);
        }
        var batches = new ArrayList<Minibatch>();
        for (int b = 0; b < golden.batchesX()[epoch].length; b++) {
            batches.add(new Minibatch(golden.batchesX()[epoch][b], golden.batchesY()[epoch][b]));
        }
        return batches;
    }

    private static double relativeMaxError(double[][] ours, double[][] theirs) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < theirs.length; i++) {
            for (int j = 0; j < theirs[i].length; j++) {
                diff = Math.max(diff, Math.abs(ours[i][j] - theirs[i][j]));
                scale = Math.max(scale, Math.abs(theirs[i][j]));
            }
        }
        return scale == 0 ? diff : diff / scale;
    }

}
