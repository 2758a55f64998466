package rnnscratch.rnn;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;

/**
 * One-hot encoding of a minibatch, time step by time step: the notes' {@code F.one_hot(X.T, vocab_size)}.
 *
 * <p>A minibatch {@code X} is {@code int[batch][T]}. The notes transpose it first, to {@code int[T][batch]}, so that
 * one-hot encoding gives {@code T} constant tensors {@code double[batch][V]}, one per time step, which the RNN can walk
 * through in order.
 *
 * <p>Docs: docs/data-processing.md
 */
public final class OneHot {
    private OneHot() {}

    /** {@code Xᵀ}: {@code int[batch][T]} becomes {@code int[T][batch]}. */
    public static int[][] transpose(int[][] x) {
        if (x.length == 0 || x[0].length == 0) {
            throw new IllegalArgumentException("transpose: a minibatch needs at least one row and one column");
        }
        var t = new int[x[0].length][x.length];
        for (int b = 0; b < x.length; b++) {
            if (x[b].length != t.length) {
                throw new IllegalArgumentException("transpose: ragged minibatch, row 0 has " + t.length
                        + " steps but row " + b + " has " + x[b].length);
            }
            for (int s = 0; s < t.length; s++) {
                t[s][b] = x[b][s];
            }
        }
        return t;
    }

    /**
     * One-hot of each row of {@code xt}: row {@code s} (time step {@code s}, {@code int[batch]}) becomes a constant
     * {@code double[batch][vocabSize]} with a single 1 per row.
     *
     * @param xt {@code int[T][batch]}, already transposed
     * @return {@code T} constant tensors, each {@code double[batch][V]} ({@code V = vocabSize})
     */
    public static List<Tensor> oneHot(int[][] xt, int vocabSize) {
        var steps = new ArrayList<Tensor>(xt.length);
        for (int[] step : xt) {
            steps.add(Tensor.constant(Mat.oneHot(step, vocabSize)));
        }
        return steps;
    }
}
