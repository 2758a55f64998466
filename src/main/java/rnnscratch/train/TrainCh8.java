package rnnscratch.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Epoch;
import rnnscratch.text.Minibatch;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.Vocab;

/**
 * The book's training functions {@code train_epoch_ch8} and {@code train_ch8}.
 *
 * <p>Every function they call — the model's, {@code grad_clipping}, {@code sgd}, {@code predict_ch8}, … — comes from
 * a {@link Ch8Functions} value; the short overloads use this library's ({@link Ch8Functions#library()}).
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
     * The book's {@code train_epoch_ch8(net, train_iter, loss, updater, device, use_random_iter)}: θ = 1 and this
     * library's functions.
     */
    public static EpochResult trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter) {
        return trainEpochCh8(net, trainIter, updater, useRandomIter, 1.0, Ch8Functions.library(), 1,
                EpochListener.none());
    }

    /**
     * One epoch of training, as the book's {@code train_epoch_ch8}. For every minibatch {@code (X, Y)}:
     * <ol>
     *   <li>the state it starts from ({@link #stateForMinibatch}): fresh zeros on the first minibatch, or on every
     *       minibatch with random iteration; otherwise the previous state, detached in place so that no gradient
     *       flows back into the previous minibatch;</li>
     *   <li>labels {@code y = Yᵀ} flattened ({@code int[t·batch]}, time-major like the outputs);</li>
     *   <li>{@code l} = mean cross-entropy of the outputs against {@code y} — the forward pass, loss and backward
     *       pass come from {@code functions.backward()} ({@link Backward}): the tape's {@code l.backward()} (the
     *       book's) or backpropagation through time by hand;</li>
     *   <li>the update, in the notes' two branches ({@link Updater}): with an {@link Optimizer},
     *       {@code zeroGrad()}, {@code l.backward()}, clip to θ, {@code step()}; with a hand-written updater,
     *       {@code l.backward()}, clip to θ, {@code updater.update(1)} (the loss is already a mean).</li>
     * </ol>
     *
     * @param theta     clipping threshold ({@code Double.POSITIVE_INFINITY}: none)
     * @param functions the functions to call ({@link Ch8Functions#library()}: this library's)
     * @param epoch     the 1-based epoch, for the listener
     * @param listener  polled for a stop before each minibatch, and told each minibatch's figures
     * @return perplexity {@code exp(Σ l·n / Σ n)} and tokens per second
     * @throws LossNotFiniteException when a loss is NaN or infinite (before any update with it)
     */
    public static EpochResult trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter, double theta, Ch8Functions functions, int epoch, EpochListener listener) {
        long start = System.nanoTime();
        List<Tensor> params = net.params().list();
        Optional<RnnState> state = Optional.empty();
        var meanLosses = new double[16];
        var tokenCounts = new int[16];
        int minibatches = 0;
        long n = 0;
        boolean stopped = false;
        for (Minibatch batch : trainIter) {
            if (listener.stopRequested()) {
                stopped = true;
                break;
            }
            int number = minibatches + 1;
            RnnState begin = functions.stateForMinibatch().stateForMinibatch(state, useRandomIter,
                    batch.x().length, net.numHiddens());
            int[] y = flattenTransposed(batch.y());
            boolean probe = listener.wantsHiddenGradients(epoch, number);
            // forward and loss; backward() below is l.backward() or BPTT by hand (functions.backward(), docs/bptt.md)
            Backward.Pass l = functions.backward().forward(net, batch, begin, y, probe);
            state = Optional.of(l.state());
            if (!Double.isFinite(l.loss())) {
                throw new LossNotFiniteException(0, number, l.loss());
            }
            double gradNorm;
            if (updater instanceof Optimizer optimizer) {
                optimizer.zeroGrad();
                l.backward();
                gradNorm = functions.gradClipping().gradClipping(params, theta);
                optimizer.step();
            } else {
                l.backward();
                gradNorm = functions.gradClipping().gradClipping(params, theta);
                ((Updater.Custom) updater).update(1);
            }
            if (minibatches == meanLosses.length) {
                meanLosses = Arrays.copyOf(meanLosses, 2 * minibatches);
                tokenCounts = Arrays.copyOf(tokenCounts, 2 * minibatches);
            }
            meanLosses[minibatches] = l.loss();
            tokenCounts[minibatches] = y.length;
            minibatches = number;
            n += y.length;
            double[] hiddenGradNorms = probe ? l.hiddenGradNorms() : new double[0];
            listener.minibatchEnded(new MinibatchStats(epoch, number, l.loss(), gradNorm, theta, hiddenGradNorms));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double ppl = minibatches == 0 ? Double.NaN : functions.perplexity().perplexity(
                Arrays.copyOf(meanLosses, minibatches), Arrays.copyOf(tokenCounts, minibatches));
        return new EpochResult(ppl, n / Math.max(seconds, 1e-9), n, minibatches, stopped);
    }

    /**
     * The state a minibatch starts from, as in {@code train_epoch_ch8}: a zero state
     * ({@code init_rnn_state(batchSize, numHiddens)}, {@code double[batchSize][numHiddens]}) for the first minibatch
     * ({@code previous} empty) and for every minibatch when they are drawn at random (their sequences do not
     * continue the previous ones); otherwise the previous state with its history cut in place
     * ({@code s.detach_()}): the same values, but the next loss sends no gradient back into earlier minibatches.
     */
    public static RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, int batchSize,
            int numHiddens) {
        if (previous.isEmpty() || useRandomIter) {
            return RnnState.initRnnState(batchSize, numHiddens);
        }
        previous.get().detachInPlace();
        return previous.get();
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
     * The hand-written updater the book's {@code train_ch8} makes for a scratch model:
     * {@code lambda batch_size: sgd(net.params, lr, batch_size)}, with {@code functions.sgd()}.
     */
    public static Updater.Custom sgdUpdater(RNNModelScratch net, double lr, Ch8Functions functions) {
        List<Tensor> params = net.params().list();
        return batchSize -> functions.sgd().sgd(params, lr, batchSize);
    }

    /**
     * The book's {@code train_ch8(net, train_iter, vocab, lr, num_epochs)}: its settings ({@link Ch8Options#book()}),
     * this library's functions and the hand-written {@code sgd} updater.
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, double lr,
            int numEpochs, EpochListener listener) {
        var functions = Ch8Functions.library();
        return trainCh8(net, trainIter, vocab, sgdUpdater(net, lr, functions), numEpochs, Ch8Options.book(),
                functions, listener);
    }

    /**
     * Trains for {@code numEpochs} epochs: each epoch draws fresh minibatches from {@code trainIter} and runs
     * {@link #trainEpochCh8}; every epoch's figures go to {@code listener}, and every {@code sampleEvery} epochs a
     * sample {@code predictCh8(samplePrefix, numPreds)}. At the end the listener gets the book's summary:
     * perplexity, tokens/sec, and the predictions for the final prefixes.
     *
     * @param updater   an {@link Optimizer} or the hand-written updater ({@link #sgdUpdater})
     * @param functions the functions to call ({@link Ch8Functions#library()}: this library's)
     * @throws LossNotFiniteException naming the epoch and minibatch, when the loss becomes NaN or infinite
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, Updater updater,
            int numEpochs, Ch8Options options, Ch8Functions functions, EpochListener listener) {
        if (numEpochs < 1) {
            throw new IllegalArgumentException("trainCh8: numEpochs must be >= 1, got " + numEpochs);
        }
        long start = System.nanoTime();
        EpochResult last = new EpochResult(Double.NaN, 0.0, 0, 0, false);
        int epochsRun = 0;
        for (int epoch = 1; epoch <= numEpochs; epoch++) {
            Epoch data = trainIter.nextEpoch();
            try {
                last = trainEpochCh8(net, data.batches(), updater, data.useRandomIter(), options.theta(), functions,
                        epoch, listener);
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
                listener.sample(epoch, functions.predictCh8().predictCh8(options.samplePrefix(), options.numPreds(),
                        net, vocab));
            }
        }
        var predictions = new ArrayList<String>();
        for (String prefix : options.finalPrefixes()) {
            predictions.add(functions.predictCh8().predictCh8(prefix, options.numPreds(), net, vocab));
        }
        var result = new TrainResult(last.perplexity(), last.tokensPerSec(), epochsRun, last.stopped(), predictions);
        listener.finished(result);
        return result;
    }
}
