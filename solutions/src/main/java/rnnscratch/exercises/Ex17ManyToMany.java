package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.*;

import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.tensor.Mat;

/**
 * Exercise 17 — many-to-many: tagging every step (多对多), the notes' "由多个输入生成多个输出".
 *
 * <p>Every input step gets its own output: a tag. The RNN's outputs come time-major — row {@code t·batch + b} is
 * step {@code t} of sequence {@code b} ({@code torch.cat(outputs, dim=0)}) — so the tags, given batch-major as
 * {@code int[batch][T]}, must be flattened the same way ({@code Y.T.reshape(-1)}) before the loss, and the predicted
 * tags must be put back in {@code int[batch][T]} order afterwards:
 * <pre>
 *   loss = mean_{t,b} crossEntropy(outputs[t·batch + b], tags[b][t])
 *   tag[b][t] = argmax outputs[t·batch + b]
 * </pre>
 * The tests train a small RNN with your loss to tag every token with the token before it.
 *
 * <p>Shapes: {@code x, tags: int[batch][T]}; outputs {@code double[T·batch][V]} (here the tags are token ids, so
 * {@code C = V}); the loss {@code 1×1}.
 *
 * <p>Docs: docs/applications.md#exercises
 */
public final class Ex17ManyToMany {
    private Ex17ManyToMany() {}

    /** The mean cross-entropy of every step's output against its tag, from a zero state. */
    public static Tensor taggingLoss(RNNModelScratch net, int[][] x, int[][] tags) {
        // BEGIN SOLUTION
        int batch = x.length;
        int steps = x[0].length;
        var y = new int[steps * batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                y[t * batch + b] = tags[b][t];
            }
        }
        return crossEntropy(net.forward(x, net.beginState(batch)).outputs(), y);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 17 (many-to-many): write taggingLoss, the mean cross-entropy of every step against its tag — read docs/applications.md#exercises");
    }

    /** The most likely tag of every step, {@code int[batch][T]}, from a zero state. */
    public static int[][] tag(RNNModelScratch net, int[][] x) {
        // BEGIN SOLUTION
        int batch = x.length;
        int steps = x[0].length;
        int[] best = Mat.argmaxRows(net.forward(x, net.beginState(batch)).outputs().value());
        var tags = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                tags[b][t] = best[t * batch + b];
            }
        }
        return tags;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 17 (many-to-many): write tag, the most likely tag of every step — read docs/applications.md#exercises");
    }
}
