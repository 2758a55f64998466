package rnnscratch.rnn;

import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;

/**
 * The five parameters of the RNN, in the book's order {@code [W_xh, W_hh, b_h, W_hq, b_q]}.
 *
 * <p>Shapes, with {@code V} the vocabulary size and {@code H} the number of hidden units:
 * {@code W_xh: double[V][H]}, {@code W_hh: double[H][H]}, {@code b_h: double[1][H]}, {@code W_hq: double[H][V]},
 * {@code b_q: double[1][V]} (the book's biases are vectors of length H and V; here they are one-row matrices).
 *
 * <p>Docs: docs/parameters.md
 */
public record RnnParams(Tensor W_xh, Tensor W_hh, Tensor b_h, Tensor W_hq, Tensor b_q) {
    /** The names of the parameters in order, as in the book and in checkpoints. */
    public static final List<String> NAMES = List.of("W_xh", "W_hh", "b_h", "W_hq", "b_q");

    /** Checks that the five shapes fit together: {@code W_xh} is V×H, {@code W_hh} H×H, and so on. */
    public RnnParams {
        int v = W_xh.rows();
        int h = W_xh.cols();
        check("W_hh", W_hh, h, h, W_xh);
        check("b_h", b_h, 1, h, W_xh);
        check("W_hq", W_hq, h, v, W_xh);
        check("b_q", b_q, 1, v, W_xh);
    }

    private static void check(String name, Tensor t, int rows, int cols, Tensor wXh) {
        if (t.rows() != rows || t.cols() != cols) {
            throw new IllegalArgumentException("RnnParams: " + name + " is " + t.shape() + " but must be (" + rows
                    + "x" + cols + ") to fit W_xh " + wXh.shape() + ", which is read as V×H, V = " + wXh.rows()
                    + " and H = " + wXh.cols() + ": W_xh is V×H, W_hh H×H, b_h 1×H, W_hq H×V and b_q 1×V");
        }
    }

    /**
     * The book's {@code get_params}: weights drawn from a standard normal times 0.01, biases zero, all requiring
     * gradients. {@code num_inputs = num_outputs = vocab_size}.
     *
     * @param rng a seeded generator; the weights are drawn in the order W_xh, W_hh, W_hq
     * @return {@code W_xh: double[V][H]}, {@code W_hh: double[H][H]}, {@code b_h: double[1][H]},
     *         {@code W_hq: double[H][V]}, {@code b_q: double[1][V]} ({@code V = vocabSize}, {@code H = numHiddens})
     */
    public static RnnParams getParams(int vocabSize, int numHiddens, Random rng) {
        if (vocabSize < 1 || numHiddens < 1) {
            throw new IllegalArgumentException(
                    "getParams: vocab size " + vocabSize + " and hidden units " + numHiddens + " must be >= 1");
        }
        var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));
        var wHh = Tensor.param(Mat.randn(numHiddens, numHiddens, 0.01, rng));
        var bH = Tensor.param(Mat.zeros(1, numHiddens));
        var wHq = Tensor.param(Mat.randn(numHiddens, vocabSize, 0.01, rng));
        var bQ = Tensor.param(Mat.zeros(1, vocabSize));
        return new RnnParams(wXh, wHh, bH, wHq, bQ);
    }

    /**
     * Parameters that start from given values (a checkpoint, or the book's initial values in a golden test), copied,
     * shaped as the record says: V×H, H×H, 1×H, H×V, 1×V.
     */
    public static RnnParams of(double[][] wXh, double[][] wHh, double[][] bH, double[][] wHq, double[][] bQ) {
        return new RnnParams(Tensor.param(Mat.copy(wXh)), Tensor.param(Mat.copy(wHh)), Tensor.param(Mat.copy(bH)),
                Tensor.param(Mat.copy(wHq)), Tensor.param(Mat.copy(bQ)));
    }

    /** {@code [W_xh, W_hh, b_h, W_hq, b_q]}, the list the book's {@code params} is. */
    public List<Tensor> list() {
        return List.of(W_xh, W_hh, b_h, W_hq, b_q);
    }

    /** The vocabulary size {@code V} (rows of {@code W_xh}). */
    public int vocabSize() {
        return W_xh.rows();
    }

    /** The number of hidden units {@code H} (columns of {@code W_xh}). */
    public int numHiddens() {
        return W_xh.cols();
    }
}
