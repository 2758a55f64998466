package rnnscratch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.report.HiddenStates;
import rnnscratch.report.RunRecorder;
import rnnscratch.report.RunReport;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.text.Corpus;
import rnnscratch.text.SeqDataIter;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TokenKind;
import rnnscratch.train.EpochListener;
import rnnscratch.train.TrainCh8;

/**
 * Training speed at the book's setting (V = 28 characters, H = 512, batch 32, 35 steps, lr 1, θ = 1, 10,000 tokens,
 * sequential minibatches): the same {@link TrainCh8#trainEpochCh8} a student runs, timed epoch by epoch.
 *
 * <p>Docs: docs/performance.md
 */
final class TrainingBench {
    /** Hidden units, batch size and time steps of the book's setting. */
    static final int HIDDENS = 512;
    static final int BATCH = 32;
    static final int STEPS = 35;

    private final Corpus corpus;
    private final RNNModelScratch net;
    private final SeqDataLoader loader;

    /** A model and a data loader at the book's setting on {@code lines} (already preprocessed). */
    TrainingBench(List<String> lines) {
        corpus = Corpus.loadCorpus(lines, TokenKind.CHAR, Corpus.DEFAULT_MAX_TOKENS);
        var rng = new Random(0);
        net = new RNNModelScratch(corpus.vocab().size(), HIDDENS, rng);
        loader = new SeqDataLoader(corpus.ids(), BATCH, STEPS, false, rng);
    }

    /** The vocabulary size {@code V}. */
    int vocabSize() {
        return corpus.vocab().size();
    }

    /** Median tokens per second over {@code epochs} epochs with the kernel in use on {@code threads} threads. */
    double tokensPerSec(int epochs, int threads) {
        return tokensPerSec(epochs, threads, net, EpochListener.none());
    }

    /**
     * Median tokens per second over {@code epochs} epochs while {@code recorder} follows every minibatch and watches
     * the model's hidden states: what {@code train --report} adds to each epoch.
     */
    double tokensPerSec(int epochs, int threads, RunRecorder recorder) {
        var watched = new RNNModelScratch(net.params(), recorder.watching(RnnFunctions.library()));
        return tokensPerSec(epochs, threads, watched, recorder);
    }

    private double tokensPerSec(int epochs, int threads, RNNModelScratch model, EpochListener listener) {
        return Kernel.using(Kernel.choice(), threads, () -> {
            var speeds = new ArrayList<Double>();
            for (int e = 0; e < epochs; e++) {
                var result = TrainCh8.trainEpochCh8(model, loader.nextEpoch().batches(),
                        TrainCh8.sgdUpdater(model, 1.0), false, 1.0, e + 1, listener);
                speeds.add(result.tokensPerSec());
            }
            return KernelBench.median(speeds);
        });
    }

    /** Tokens in one epoch (its minibatches at offset 0, each {@code batch × steps}); the loader is not advanced. */
    long tokensPerEpoch() {
        return (long) SeqDataIter.seqDataIterSequential(corpus.ids(), BATCH, STEPS, 0).size() * BATCH * STEPS;
    }

    /**
     * Seconds to write the report of what {@code recorder} followed, as {@code train --report} does once at the end:
     * read the hidden states along a 50-character continuation of the prefix, and write the HTML file (to a
     * temporary file, deleted afterwards).
     */
    double reportSeconds(RunRecorder recorder) throws IOException {
        Path file = Files.createTempFile("rnn-scratch-bench-report", ".html");
        try {
            long start = System.nanoTime();
            var hidden = HiddenStates.read(net, corpus.vocab(), TokenKind.CHAR, "time traveller", 50);
            new RunReport("bench", Map.of("setting", "the book's"), recorder, Optional.of(hidden), Optional.empty())
                    .write(file);
            return (System.nanoTime() - start) / 1e9;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Whether {@code minibatches} minibatches of training from the same start, with the kernel in use, leave
     * bit-identical parameters on 1 thread and on {@code threads} threads.
     */
    boolean bitIdentical(int threads, int minibatches) {
        return Arrays.deepEquals(shortRun(1, minibatches), shortRun(threads, minibatches));
    }

    private double[][][] shortRun(int threads, int minibatches) {
        return Kernel.using(Kernel.choice(), threads, () -> {
            var rng = new Random(1);
            var model = new RNNModelScratch(corpus.vocab().size(), HIDDENS, rng);
            var batches = new SeqDataLoader(corpus.ids(), BATCH, STEPS, false, rng).nextEpoch().batches();
            TrainCh8.trainEpochCh8(model, batches.subList(0, Math.min(minibatches, batches.size())),
                    TrainCh8.sgdUpdater(model, 1.0), false);
            return model.params().list().stream().map(Tensor::value).toArray(double[][][]::new);
        });
    }
}
