package rnnscratch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.tensor.Kernel;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Functions;
import rnnscratch.train.TrainCh8;

/**
 * Training speed at the book's setting (V = 28 characters, H = 512, batch 32, 35 steps, lr 1, θ = 1, 10,000 tokens,
 * sequential minibatches): the same {@link TrainCh8#trainEpochCh8} a student runs, timed epoch by epoch.
 *
 * <p>Docs: docs/performance.md
 */
final class TrainingBench {
    private final RNNModelScratch net;
    private final SeqDataLoader loader;

    /** A model and a data loader at the book's setting on {@code lines} (already preprocessed). */
    TrainingBench(List<String> lines) {
        var corpus = Corpus.loadCorpus(lines, TokenKind.CHAR, Corpus.DEFAULT_MAX_TOKENS);
        var rng = new Random(0);
        net = new RNNModelScratch(corpus.vocab().size(), 512, rng);
        loader = new SeqDataLoader(corpus.ids(), 32, 35, false, rng);
    }

    /** Median tokens per second over {@code epochs} epochs on {@code threads} threads. */
    double tokensPerSec(int epochs, int threads) {
        return Kernel.using(Kernel.choice(), threads, () -> {
            var speeds = new ArrayList<Double>();
            for (int e = 0; e < epochs; e++) {
                var result = TrainCh8.trainEpochCh8(net, loader.nextEpoch().batches(),
                        TrainCh8.sgdUpdater(net, 1.0, Ch8Functions.library()), false);
                speeds.add(result.tokensPerSec());
            }
            return KernelBench.median(speeds);
        });
    }
}
