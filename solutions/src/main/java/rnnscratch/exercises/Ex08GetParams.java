package rnnscratch.exercises;

import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;

/**
 * Exercise 08 — {@code getParams} and the zero state (初始化模型参数), the notes' {@code get_params} and
 * {@code init_rnn_state}.
 *
 * <p>With {@code num_inputs = num_outputs = V} (the vocabulary size) and {@code H} hidden units:
 * <pre>
 *   W_xh = randn(V, H)·0.01    W_hh = randn(H, H)·0.01    b_h = zeros(1, H)
 *   W_hq = randn(H, V)·0.01    b_q = zeros(1, V)
 * </pre>
 * all five requiring gradients (parameters of the autograd). Draw the three weights from {@code rng} in this order —
 * W_xh, W_hh, W_hq — each as the library draws a matrix of {@code 0.01·N(0, 1)} numbers ({@link Mat}), so the same
 * seed gives the library's numbers. The state before the first step is {@code H = zeros(batch, H)}, a constant (no
 * gradient flows into it).
 *
 * <p>Shapes: {@code W_xh: double[V][H]}, {@code W_hh: double[H][H]}, {@code b_h: double[1][H]},
 * {@code W_hq: double[H][V]}, {@code b_q: double[1][V]}; the state {@code double[batch][H]}.
 *
 * <p>Docs: docs/parameters.md#exercises
 */
public final class Ex08GetParams {
    private Ex08GetParams() {}

    /** The five parameters {@code [W_xh, W_hh, b_h, W_hq, b_q]}, weights drawn from {@code rng} in that order. */
    public static RnnParams getParams(int vocabSize, int numHiddens, Random rng) {
        // BEGIN SOLUTION
        var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));
        var wHh = Tensor.param(Mat.randn(numHiddens, numHiddens, 0.01, rng));
        var bH = Tensor.param(Mat.zeros(1, numHiddens));
        var wHq = Tensor.param(Mat.randn(numHiddens, vocabSize, 0.01, rng));
        var bQ = Tensor.param(Mat.zeros(1, vocabSize));
        return new RnnParams(wXh, wHh, bH, wHq, bQ);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 08 (getParams and the zero state): write getParams, the RNN's five parameters with their initial values — read docs/parameters.md#exercises");
    }

    /** {@code init_rnn_state}: a constant {@code double[batchSize][numHiddens]} of zeros. */
    public static RnnState initRnnState(int batchSize, int numHiddens) {
        // BEGIN SOLUTION
        return new RnnState(Tensor.constant(Mat.zeros(batchSize, numHiddens)));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 08 (getParams and the zero state): write initRnnState, the zero state before the first step — read docs/parameters.md#exercises");
    }
}
