package rnnscratch.exercises.yourrnn;

import static rnnscratch.autograd.Ops.crossEntropy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Optimizer;
import rnnscratch.optim.Updater;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Minibatch;
import rnnscratch.train.EpochListener;
import rnnscratch.train.EpochStats;
import rnnscratch.train.Labels;
import rnnscratch.train.LossNotFiniteException;
import rnnscratch.train.MinibatchStats;
import rnnscratch.train.TrainCh8;

/**
 * The notes' {@code train_epoch_ch8}, written from a student's parts: the state each minibatch starts from (ex12),
 * {@code grad_clipping} (ex11) and the epoch's perplexity from each minibatch's mean loss (ex10) — the student's
 * functions where they pass their exercise, the library's where not. Otherwise it is the library's
 * {@link TrainCh8#trainEpochCh8} line for line, so that with the reference answers it trains bit for bit as the
 * library does ({@code YourRnnMatchesTheLibraryTest}).
 *
 * <p>Docs: docs/exercises.md#your-rnn
 *
 * @param perplexity        {@code exp(Σ meanLosses[i]·tokenCounts[i] / Σ tokenCounts[i])} (ex10)
 * @param gradClipping      clips the gradients in place to a norm of at most θ and returns the norm before (ex11)
 * @param stateForMinibatch the state a minibatch starts from (ex12)
 * @param bptt              the student's backpropagation through time by hand (ex19), which then replaces the
 *                          tape: the forward pass runs on plain matrices ({@link Bptt#forward}), as in the library's
 *                          {@link rnnscratch.train.TrainByHand}; empty: the model's forward pass and {@code l.backward()}
 */
record StudentLoop(PerplexityFn perplexity, GradClippingFn gradClipping, StateFn stateForMinibatch,
        Optional<Bptt.BackwardFn> bptt) implements TrainCh8.TrainEpochCh8 {

    /** ex10's {@code perplexity}. */
    @FunctionalInterface
    interface PerplexityFn {
        double perplexity(double[] meanLosses, int[] tokenCounts);
    }

    /** ex11's {@code gradClipping}. */
    @FunctionalInterface
    interface GradClippingFn {
        double gradClipping(List<Tensor> params, double theta);
    }

    /** ex12's {@code stateForMinibatch}, given the model (whose {@code beginState} the library's uses). */
    @FunctionalInterface
    interface StateFn {
        RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter, RNNModelScratch net,
                int batchSize);
    }

    @Override
    public EpochStats trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter, double theta, int epoch, EpochListener listener) {
        long start = System.nanoTime();
        List<Tensor> params = net.params().list();
        Optional<RnnState> state = Optional.empty();
        var meanLosses = new ArrayList<Double>();
        var tokenCounts = new ArrayList<Integer>();
        int minibatch = 0;
        for (Minibatch batch : trainIter) {
            minibatch++;
            state = Optional.of(stateForMinibatch.stateForMinibatch(state, useRandomIter, net, batch.x().length));
            int[] y = Labels.flattenTransposed(batch.y());
            double l;
            Runnable backward; // l.backward()
            if (bptt.isPresent()) {
                Bptt.Forward f = Bptt.forward(batch.x(), batch.y(), state.get().H().value(), net.params());
                state = Optional.of(new RnnState(Tensor.constant(f.H(f.steps()))));
                l = f.loss();
                backward = () -> {
                    Bptt.Gradients g = bptt.get().backward(f, net.params());
                    g.addTo(net.params());
                    listener.hiddenStateGradients(g.H());
                };
            } else {
                Rnn.Output yHat = net.forward(batch.x(), state.get());
                state = Optional.of(yHat.state());
                Tensor loss = crossEntropy(yHat.outputs(), y);
                l = loss.item();
                backward = loss::backward;
            }
            if (!Double.isFinite(l)) {
                throw new LossNotFiniteException(epoch, minibatch, l);
            }
            double gradNorm;
            if (updater instanceof Optimizer optimizer) {
                optimizer.zeroGrad();
                backward.run();
                gradNorm = gradClipping.gradClipping(params, theta);
                optimizer.step();
            } else {
                backward.run();
                gradNorm = gradClipping.gradClipping(params, theta);
                updater.update(1);
            }
            meanLosses.add(l);
            tokenCounts.add(y.length);
            listener.minibatchEnded(new MinibatchStats(epoch, minibatch, l, gradNorm, theta));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long tokens = tokenCounts.stream().mapToLong(Integer::longValue).sum();
        double ppl = minibatch == 0 ? Double.NaN : perplexity.perplexity(
                meanLosses.stream().mapToDouble(Double::doubleValue).toArray(),
                tokenCounts.stream().mapToInt(Integer::intValue).toArray());
        return new EpochStats(epoch, ppl, tokens / Math.max(seconds, 1e-9), tokens, minibatch, OptionalInt.empty(),
                seconds);
    }
}
