package rnnscratch.train;

import static rnnscratch.autograd.Ops.crossEntropy;
import static rnnscratch.train.GradClipping.gradClipping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Optimizer;
import rnnscratch.optim.Sgd;
import rnnscratch.optim.Updater;
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
     * {@code train_epoch_ch8} as a value: {@link TrainCh8#trainEpochCh8}, or a copy of it written from a student's
     * parts (the exercises' "your RNN" run), for {@link Ch8Options#trainEpochCh8()}.
     */
    @FunctionalInterface
    public interface TrainEpochCh8 {
        /** One epoch, as {@link TrainCh8#trainEpochCh8(RNNModelScratch, Iterable, Updater, boolean, double, int,
         * EpochListener)}. */
        EpochStats trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
                boolean useRandomIter, double theta, int epoch, EpochListener listener);
    }

    /**
     * The book's {@code train_epoch_ch8(net, train_iter, loss, updater, device, use_random_iter)}, with θ = 1.
     */
    public static EpochStats trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter) {
        return trainEpochCh8(net, trainIter, updater, useRandomIter, 1.0, 1, EpochListener.none());
    }

    /**
     * One epoch of training, line for line the notes' {@code train_epoch_ch8}. For every minibatch {@code (X, Y)}:
     * <ol>
     *   <li>the state ({@link #stateForMinibatch}): a fresh zero state {@code net.beginState(batch)} for the first
     *       minibatch and for every minibatch drawn at random; otherwise the previous state, detached in place, so that
     *       no gradient flows back into the previous minibatch;</li>
     *   <li>labels {@code y = Yᵀ} flattened ({@code int[T·batch]}, time-major like the outputs);</li>
     *   <li>{@code l} = mean cross-entropy of the outputs {@code ŷ} ({@code double[T·batch][V]}) against {@code y},
     *       {@code (1/N) Σᵢ [log Σⱼ exp(ŷᵢⱼ) − ŷᵢ,yᵢ]}, {@code N = T·batch};</li>
     *   <li>the update, in the notes' two branches ({@link Updater}): an {@link Optimizer} — {@code zeroGrad()},
     *       {@code l.backward()}, clip to θ, {@code step()}; a hand-written updater — {@code l.backward()}, clip to θ,
     *       {@code updater.update(1)} (the loss is already a mean);</li>
     *   <li>the metric: {@code Σ l·n} and {@code Σ n} over the minibatches, {@code n} the tokens in each.</li>
     * </ol>
     * The listener is told each minibatch's figures after its update.
     *
     * @param trainIter the epoch's minibatches, {@code X} and {@code Y} each {@code int[batch][T]}
     * @param theta     clipping threshold ({@code Double.POSITIVE_INFINITY}: none)
     * @param epoch     the 1-based epoch, for the listener and for a loss that is not finite
     * @return perplexity {@code exp(Σ l·n / Σ n)} and tokens per second
     * @throws LossNotFiniteException when a loss is NaN or infinite (before any update with it)
     */
    public static EpochStats trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter, double theta, int epoch, EpochListener listener) {
        long start = System.nanoTime();
        List<Tensor> params = net.params().list();
        Optional<RnnState> state = Optional.empty();
        double lossSum = 0.0; // metric = d2l.Accumulator(2): Σ l·n and Σ n
        long tokens = 0;
        int minibatch = 0;
        for (Minibatch batch : trainIter) {
            minibatch++;
            state = Optional.of(MinibatchState.stateForMinibatch(state, useRandomIter, net, batch.x().length));
            int[] y = Labels.flattenTransposed(batch.y());
            Rnn.Output yHat = net.forward(batch.x(), state.get());
            state = Optional.of(yHat.state());
            Tensor l = crossEntropy(yHat.outputs(), y);
            if (!Double.isFinite(l.item())) {
                throw new LossNotFiniteException(epoch, minibatch, l.item());
            }
            double gradNorm;
            if (updater instanceof Optimizer optimizer) {
                optimizer.zeroGrad();
                l.backward();
                gradNorm = gradClipping(params, theta);
                optimizer.step();
            } else {
                l.backward();
                gradNorm = gradClipping(params, theta);
                updater.update(1);
            }
            lossSum += l.item() * y.length;
            tokens += y.length;
            listener.minibatchEnded(new MinibatchStats(epoch, minibatch, l.item(), gradNorm, theta));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, Math.exp(lossSum / tokens), tokens / Math.max(seconds, 1e-9), tokens, minibatch,
                OptionalInt.empty(), seconds);
    }

    /**
     * The hand-written updater the book's {@code train_ch8} makes for a scratch model:
     * {@code lambda batch_size: sgd(net.params, lr, batch_size)}.
     */
    public static Updater.Custom sgdUpdater(RNNModelScratch net, double lr) {
        List<Tensor> params = net.params().list();
        return batchSize -> Sgd.sgd(params, lr, batchSize);
    }

    /**
     * The book's {@code train_ch8(net, train_iter, vocab, lr, num_epochs, device, use_random_iter)}: its settings
     * ({@link Ch8Options#book()}) and the hand-written {@code sgd} updater. {@code use_random_iter} is the loader's
     * ({@link SeqDataLoader#useRandomIter()}): it picks both how minibatches are cut and whether each starts from a
     * zero state (the book's argument does only the latter; its random-iteration run of 8.5 reuses the sequential
     * {@code train_iter}).
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, double lr,
            int numEpochs, EpochListener listener) {
        return trainCh8(net, trainIter, vocab, sgdUpdater(net, lr), numEpochs, Ch8Options.book(), listener);
    }

    /**
     * Trains for {@code numEpochs} epochs: each epoch draws fresh minibatches from {@code trainIter} and runs
     * {@code options.trainEpochCh8()} ({@link #trainEpochCh8} unless told otherwise); every epoch's figures go to
     * {@code listener}, and every {@code sampleEvery} epochs, and after the last, a sample
     * {@code predict(samplePrefix)}. At the end the listener gets the book's summary: perplexity, tokens/sec, and the
     * predictions for the final prefixes.
     *
     * <p>The listener may ask to stop ({@link EpochListener#stopRequested}, polled before each minibatch): the epoch
     * in progress then ends after its current minibatch and is not counted.
     *
     * @param updater an {@link Optimizer} or the hand-written updater ({@link #sgdUpdater})
     * @throws LossNotFiniteException naming the epoch and minibatch, when the loss becomes NaN or infinite
     */
    public static TrainResult trainCh8(RNNModelScratch net, SeqDataLoader trainIter, Vocab vocab, Updater updater,
            int numEpochs, Ch8Options options, EpochListener listener) {
        if (numEpochs < 1) {
            throw new IllegalArgumentException("trainCh8: numEpochs must be >= 1, got " + numEpochs);
        }
        TrainEpochCh8 trainEpochCh8 = options.trainEpochCh8();
        PredictCh8.Fn predict = options.predictCh8();
        long start = System.nanoTime();
        EpochStats last = new EpochStats(0, Double.NaN, 0.0, 0, 0, OptionalInt.empty(), 0.0);
        int epochsRun = 0;
        boolean stopped = false;
        for (int epoch = 1; epoch <= numEpochs; epoch++) {
            Epoch data = trainIter.nextEpoch();
            var batches = new UntilStopped(data.batches(), listener);
            EpochStats stats = trainEpochCh8.trainEpochCh8(net, batches, updater, data.useRandomIter(), options.theta(),
                    epoch, listener);
            if (batches.stopped) { // the interrupted epoch is not counted, nor are its figures
                stopped = true;
                break;
            }
            epochsRun = epoch;
            last = stats.inRun(data.useRandomIter() ? OptionalInt.empty() : OptionalInt.of(data.offset()),
                    (System.nanoTime() - start) / 1e9);
            listener.epochEnded(last);
            if (epoch % options.sampleEvery() == 0 || epoch == numEpochs) {
                listener.sample(epoch, predict.predictCh8(options.samplePrefix(), options.numPreds(), net, vocab));
            }
        }
        var predictions = new ArrayList<String>();
        for (String prefix : options.finalPrefixes()) {
            predictions.add(predict.predictCh8(prefix, options.numPreds(), net, vocab));
        }
        var result = new TrainResult(last.perplexity(), last.tokensPerSec(), epochsRun, stopped, predictions);
        listener.finished(result);
        return result;
    }

    /** An epoch's minibatches, ending early once the listener asks to stop. */
    private static final class UntilStopped implements Iterable<Minibatch> {
        private final Iterable<Minibatch> batches;
        private final EpochListener listener;
        private boolean stopped;

        UntilStopped(Iterable<Minibatch> batches, EpochListener listener) {
            this.batches = batches;
            this.listener = listener;
        }

        @Override
        public Iterator<Minibatch> iterator() {
            Iterator<Minibatch> it = batches.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    stopped = stopped || it.hasNext() && listener.stopRequested();
                    return !stopped && it.hasNext();
                }

                @Override
                public Minibatch next() {
                    if (stopped) {
                        throw new NoSuchElementException();
                    }
                    return it.next();
                }
            };
        }
    }
}
