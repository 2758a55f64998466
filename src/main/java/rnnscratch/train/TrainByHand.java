package rnnscratch.train;

import static rnnscratch.train.GradClipping.gradClipping;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Optimizer;
import rnnscratch.optim.Updater;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Minibatch;

/**
 * {@code train_epoch_ch8} with backpropagation through time written by hand: the
 * book's epoch ({@link TrainCh8#trainEpochCh8}) with one change — the forward pass, the loss and
 * {@code l.backward()} are {@link Bptt#forward} on plain matrices and a hand-written backward pass (the library's
 * {@link Bptt#backward}, or a student's from exercise 19), whose gradients are added into every parameter's
 * {@code grad()}. No tape is recorded. The state, clipping, the two update branches and the metric are the book's.
 * Both epochs give the same numbers to about 1e-16 per minibatch, so the same perplexities.
 *
 * <p>Docs: docs/bptt.md
 */
public final class TrainByHand {
    private TrainByHand() {}

    /** One epoch as {@link TrainCh8#trainEpochCh8}, with {@code backward} in place of the tape's. */
    public static TrainCh8.TrainEpochCh8 trainEpochCh8(Bptt.BackwardFn backward) {
        return (net, trainIter, updater, useRandomIter, theta, epoch, listener) -> trainEpochCh8(net, trainIter,
                updater, useRandomIter, theta, epoch, listener, backward);
    }

    private static EpochStats trainEpochCh8(RNNModelScratch net, Iterable<Minibatch> trainIter, Updater updater,
            boolean useRandomIter, double theta, int epoch, EpochListener listener, Bptt.BackwardFn backward) {
        long start = System.nanoTime();
        List<Tensor> params = net.params().list();
        Optional<RnnState> state = Optional.empty();
        double lossSum = 0.0; // metric: Σ l·n and Σ n
        long tokens = 0;
        int minibatch = 0;
        for (Minibatch batch : trainIter) {
            minibatch++;
            if (state.isEmpty() || useRandomIter) {
                state = Optional.of(net.beginState(batch.x().length));
            } // else: the previous state is a constant already; it has no history to detach
            int[] y = Labels.flattenTransposed(batch.y());
            Bptt.Forward f = Bptt.forward(batch.x(), batch.y(), state.get().H().value(), net.params());
            state = Optional.of(new RnnState(Tensor.constant(f.H(f.steps()))));
            double l = f.loss();
            if (!Double.isFinite(l)) {
                throw new LossNotFiniteException(epoch, minibatch, l);
            }
            double gradNorm;
            if (updater instanceof Optimizer optimizer) {
                optimizer.zeroGrad();
                backward(f, net, backward, listener); // l.backward()
                gradNorm = gradClipping(params, theta);
                optimizer.step();
            } else {
                backward(f, net, backward, listener); // l.backward()
                gradNorm = gradClipping(params, theta);
                updater.update(1);
            }
            lossSum += l * y.length;
            tokens += y.length;
            listener.minibatchEnded(new MinibatchStats(epoch, minibatch, l, gradNorm, theta));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, Math.exp(lossSum / tokens), tokens / Math.max(seconds, 1e-9), tokens, minibatch,
                OptionalInt.empty(), seconds);
    }

    /** {@code l.backward()} by hand: the gradients into the parameters, and {@code ∂ℓ/∂H_t} to the listener. */
    private static void backward(Bptt.Forward f, RNNModelScratch net, Bptt.BackwardFn backward,
            EpochListener listener) {
        Bptt.Gradients g = backward.backward(f, net.params());
        g.addTo(net.params());
        listener.hiddenStateGradients(g.H());
    }
}
