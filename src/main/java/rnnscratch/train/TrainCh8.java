package rnnscratch.train;

import static rnnscratch.autograd.Ops.crossEntropy;
import static rnnscratch.train.GradClipping.gradClipping;
import static rnnscratch.train.Sgd.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Epoch;
import rnnscratch.text.Minibatch;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.Vocab;

/**
 * The book's training functions {@code train_epoch_ch8} and {@code train_ch8}.
 *
 * <p>Docs: docs/training.md
 */
public final class TrainCh8 {
    private TrainCh8() {}

    /**
     * What one epoch gives back: the book's {@code (perplexity, tokens/sec)}, plus counts.
     *
     * @param stopped true when the epoch ended early because a stop was requested
     */
    public record EpochResult(double perplexity, double tokensPerSec, long tokens, int minibatches, boolean stopped) {}

    /**
     * The book's {@code train_epoch_ch8} with {@code θ = 1}.
     */
    public static EpochResult trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, double lr,
            boolean useRandomIter) {
        return trainEpochCh8(net, trainIter, lr, 1.0, useRandomIter, () -> false);
    }

    /**
     * One epoch of training, as the book's {@code train_epoch_ch8}. For every minibatch {@code (X, Y)}:
     * <ol>
     *   <li>the state: a fresh zero state on the first minibatch, or on every minibatch with random iteration (its
     *       sequences do not continue the previous ones); otherwise the previous state, detached in place so no
     *       gradient flows back into the previous minibatch;</li>
     *   <li>labels {@code y = Yᵀ} flattened ({@code int[t·batch]}, time-major like the outputs);</li>
     *   <li>{@code l} = mean cross-entropy of the outputs against {@code y}; {@code l.backward()};</li>
     *   <li>clip the gradients to θ; {@code sgd(params, lr, 1)} (the loss is already a mean).</li>
     * </ol>
     *
     * @param theta         clipping threshold ({@code Double.POSITIVE_INFINITY}: none)
     * @param stopRequested polled before each minibatch; true ends the epoch early
     * @return perplexity {@code exp(Σ l·n / Σ n)} and tokens per second
     * @throws LossNotFiniteException when a loss is NaN or infinite (before any update with it)
     */
    public static EpochResult trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, double lr,
            double theta, boolean useRandomIter, BooleanSupplier stopRequested) {
        long start = System.nanoTime();
        List<Tensor> params = net.params().list();
        RnnState state = null;
        double lossSum = 0.0;
        long n = 0;
        int minibatches = 0;
        boolean stopped = false;
        for (Minibatch batch : trainIter) {
            if (stopRequested.getAsBoolean()) {
                stopped = true;
                break;
            }
            if (state == null || useRandomIter) {
                state = net.beginState(batch.x().length);
            } else {
                state.detachInPlace();
            }
            int[] y = flattenTransposed(batch.y());
            Rnn.Output out = net.forward(batch.x(), state);
            state = out.state();
            Tensor l = crossEntropy(out.outputs(), y);
            minibatches++;
            if (!Double.isFinite(l.item())) {
                throw new LossNotFiniteException(0, minibatches, l.item());
            }
            l.backward();
            gradClipping(params, theta);
            sgd(params, lr, 1);
            lossSum += l.item() * y.length;
            n += y.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double ppl = n == 0 ? Double.NaN : Perplexity.perplexity(lossSum, n);
        return new EpochResult(ppl, n / Math.max(seconds, 1e-9), n, minibatches, stopped);
    }

    /** {@code Y.T.reshape(-1)}: {@code int[batch][t]} becomes {@code int[t·batch]}, entry {@code t·batch + b}. */
    public static int[] flattenTransposed(int[][] y) {
        int batch = y.length;
        int steps = y[0].length;
        var flat = new int[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                flat[t * batch + b] = y[b][t];
            }
        }
        return flat;
    }

    /**
     * The book's {@code train_ch8} with its settings ({@link Ch8Options#book()}).
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, double lr,
            int numEpochs, EpochListener listener) {
        return trainCh8(net, trainIter, vocab, lr, numEpochs, Ch8Options.book(), listener);
    }

    /**
     * Trains for {@code numEpochs} epochs: each epoch draws fresh minibatches from {@code trainIter} and runs
     * {@link #trainEpochCh8}; every epoch's figures go to {@code listener}, and every {@code sampleEvery} epochs a
     * sample {@code predictCh8(samplePrefix, numPreds)}. At the end the listener gets the book's summary:
     * perplexity, tokens/sec, and the predictions for the final prefixes.
     *
     * @throws LossNotFiniteException naming the epoch and minibatch, when the loss becomes NaN or infinite
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, double lr,
            int numEpochs, Ch8Options options, EpochListener listener) {
        if (numEpochs < 1) {
            throw new IllegalArgumentException("trainCh8: numEpochs must be >= 1, got " + numEpochs);
        }
        long start = System.nanoTime();
        EpochResult last = new EpochResult(Double.NaN, 0.0, 0, 0, false);
        int epochsRun = 0;
        for (int epoch = 1; epoch <= numEpochs; epoch++) {
            Epoch data = trainIter.nextEpoch();
            try {
                last = trainEpochCh8(net, data.batches(), lr, options.theta(), data.useRandomIter(),
                        listener::stopRequested);
            } catch (LossNotFiniteException e) {
                throw new LossNotFiniteException(epoch, e.minibatch(), e.loss());
            }
            if (last.stopped()) {
                break;
            }
            epochsRun = epoch;
            var offset = data.useRandomIter() ? OptionalInt.empty() : OptionalInt.of(data.offset());
            double elapsed = (System.nanoTime() - start) / 1e9;
            listener.epochEnded(new EpochStats(epoch, numEpochs, last.perplexity(), last.tokensPerSec(), offset,
                    elapsed));
            if (epoch % options.sampleEvery() == 0 || epoch == numEpochs) {
                listener.sample(epoch, predict(options.samplePrefix(), options, net, vocab));
            }
        }
        var predictions = new ArrayList<String>();
        for (String prefix : options.finalPrefixes()) {
            predictions.add(predict(prefix, options, net, vocab));
        }
        var result = new TrainResult(last.perplexity(), last.tokensPerSec(), epochsRun, last.stopped(), predictions);
        listener.finished(result);
        return result;
    }

    private static String predict(String prefix, Ch8Options options, RNNModelScratch net, Vocab vocab) {
        return Predict.predict(prefix, options.numPreds(), net, vocab, options.token());
    }
}
