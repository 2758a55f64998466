package rnnscratch.exercises;

import java.util.ArrayList;
import java.util.List;
import rnnscratch.autograd.Tensor;

/**
 * Exercise 07 — one-hot of Xᵀ (独热编码), the notes' {@code F.one_hot(X.T, vocab_size)}.
 *
 * <p>A minibatch {@code X} is {@code int[batch][t]}: one row per sequence. The RNN walks through time, so first
 * transpose it to {@code Xᵀ: int[t][batch]}, one row per time step ({@link #transpose}); then turn row {@code s}
 * into a {@code batch × V} matrix whose row {@code b} is all zeros except a 1 in column {@code Xᵀ[s][b]}
 * ({@link #oneHot}). Together: {@code batch × t} token ids become {@code t × batch × V} numbers.
 *
 * <p>Shapes: {@code int[batch][t]} → {@code int[t][batch]} → {@code t} constant tensors {@code double[batch][V]}.
 *
 * <p>Docs: docs/data-processing.md#exercises
 */
public final class Ex07OneHot {
    private Ex07OneHot() {}

    /** {@code Xᵀ}: {@code xt[s][b] = x[b][s]}. */
    public static int[][] transpose(int[][] x) {
        throw new UnsupportedOperationException("Exercise 07 (one-hot of Xᵀ): write transpose, Xᵀ of a minibatch of token ids — read docs/data-processing.md#exercises");
    }

    /** One constant tensor per time step: row {@code b} of step {@code s} is the one-hot of {@code xt[s][b]}. */
    public static List<Tensor> oneHot(int[][] xt, int vocabSize) {
        throw new UnsupportedOperationException("Exercise 07 (one-hot of Xᵀ): write oneHot, one batch×V one-hot matrix per time step — read docs/data-processing.md#exercises");
    }
}
