package rnnscratch.train;

import static rnnscratch.autograd.Ops.crossEntropy;

import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.text.Minibatch;

/**
 * How {@link TrainCh8#trainEpochCh8} gets a minibatch's loss and gradients — the one step where
 * {@code train --backward autograd} (the default) and {@code train --backward manual} differ; everything before and
 * after it (the state, clipping, the update, the book-keeping) is the same code.
 * <ul>
 *   <li>{@link #AUTOGRAD}, the book's: the forward pass on tensors ({@code net(X, state)}) records a tape, and
 *       {@code l.backward()} walks it;</li>
 *   <li>{@link #MANUAL}: the forward pass on plain matrices ({@link Bptt#forward}) records nothing, and the
 *       backpropagation through time written by hand ({@link Bptt#backward}) adds the gradients.</li>
 * </ul>
 * Both give the same numbers to about 1e-16 per minibatch, so the same perplexities.
 *
 * <p>Docs: docs/bptt.md
 */
@FunctionalInterface
public interface Backward {
    /** A minibatch after its forward pass: the loss and the final state, and its backward pass still to run. */
    interface Pass {
        /** The mean loss {@code ℓ} of the minibatch. */
        double loss();

        /** The state after the last step, {@code double[batch][H]}, the next minibatch's start. */
        RnnState state();

        /** Adds {@code ∂ℓ/∂p} into {@code p.grad()} of every parameter (gradients accumulate, as in PyTorch). */
        void backward();

        /**
         * {@code ‖∂ℓ/∂H_t‖} for {@code t = 1 … T} (the report's gradients through time), once {@link #backward()}
         * ran; asked for only when the forward pass was told to keep them.
         */
        double[] hiddenGradNorms();
    }

    /**
     * The forward pass and the mean loss of one minibatch.
     *
     * @param begin the state it starts from, {@code double[batch][H]}
     * @param y     the labels flattened time-major, {@code Y.T.reshape(-1)}, {@code int[T·batch]}
     * @param probe whether {@link Pass#hiddenGradNorms()} will be asked for
     */
    Pass forward(RNNModelScratch net, Minibatch batch, RnnState begin, int[] y, boolean probe);

    /** The book's: the model's forward pass on tensors, {@code crossEntropy}, and {@code l.backward()}. */
    Backward AUTOGRAD = (net, batch, begin, y, probe) -> {
        Rnn.Output out = net.forward(batch.x(), begin);
        if (probe) {
            out.hiddenStates().forEach(Tensor::retainGrad);
        }
        Tensor l = crossEntropy(out.outputs(), y);
        return new Pass() {
            @Override
            public double loss() {
                return l.item();
            }

            @Override
            public RnnState state() {
                return out.state();
            }

            @Override
            public void backward() {
                l.backward();
            }

            @Override
            public double[] hiddenGradNorms() {
                return norms(out.hiddenStates().stream().map(Tensor::grad).toList());
            }
        };
    };

    /** Backpropagation through time by hand ({@link Bptt}): no tape at all. */
    Backward MANUAL = byHand(Bptt::backward);

    /**
     * {@link Bptt#forward} on plain matrices, then {@code backward} — this library's {@link Bptt#backward} or a
     * student's (exercise 19) — whose gradients are added into the parameters' {@code grad()}. The model's own
     * {@code rnn} function is not called: the forward pass is {@link Bptt#forward}'s.
     */
    static Backward byHand(Bptt.BackwardFn backward) {
        return (net, batch, begin, y, probe) -> {
            Bptt.Forward f = Bptt.forward(batch.x(), batch.y(), begin.H().value(), net.params());
            var end = new RnnState(Tensor.constant(f.H(f.steps()))); // a constant: there is no history to detach
            return new Pass() {
                private List<double[][]> hiddenGrads = List.of();

                @Override
                public double loss() {
                    return f.loss();
                }

                @Override
                public RnnState state() {
                    return end;
                }

                @Override
                public void backward() {
                    Bptt.Gradients grads = backward.backward(f, net.params());
                    List<Tensor> params = net.params().list();
                    List<double[][]> g = grads.list();
                    for (int i = 0; i < params.size(); i++) {
                        Mat.addInPlace(params.get(i).grad(), g.get(i)); // p.grad += ∂ℓ/∂p
                    }
                    hiddenGrads = grads.H();
                }

                @Override
                public double[] hiddenGradNorms() {
                    return norms(hiddenGrads);
                }
            };
        };
    }

    private static double[] norms(List<double[][]> gradients) {
        var norms = new double[gradients.size()];
        for (int t = 0; t < norms.length; t++) {
            norms[t] = Mat.norm(gradients.get(t));
        }
        return norms;
    }
}
