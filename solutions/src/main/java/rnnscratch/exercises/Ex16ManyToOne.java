package rnnscratch.exercises;

import static rnnscratch.autograd.Ops.*;

import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.OneHot;
import rnnscratch.tensor.Mat;

/**
 * Exercise 16 — many-to-one: classification from the last hidden state (多对一), the notes'
 * "由多个输入生成一个输出（对文本内容进行分类）".
 *
 * <p>A whole sequence goes in; one label comes out. Run the recurrence over every step, but use only the hidden
 * state after the last step, which has seen the whole sequence, to score the classes:
 * <pre>
 *   H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h)    for t = 1 … T, from H_0 = 0
 *   logits = H_T·W_hc + b_c
 * </pre>
 * Build it from {@code Ops} so that a classifier can be trained through it (the tests train one to tell whether a
 * sequence contains a given token).
 *
 * <p>Shapes: {@code x: int[batch][T]} token ids; {@code X_t: double[batch][V]} (one-hot, {@code OneHot});
 * {@code H: double[batch][H]}; {@code W_hc: double[H][C]}, {@code b_c: double[1][C]}; logits
 * {@code double[batch][C]}.
 *
 * <p>Docs: docs/applications.md#exercises
 */
public final class Ex16ManyToOne {
    private Ex16ManyToOne() {}

    /**
     * A recurrent classifier: the RNN's input and recurrent weights, and a head from the last hidden state to
     * {@code C} class scores.
     */
    public record Classifier(Tensor W_xh, Tensor W_hh, Tensor b_h, Tensor W_hc, Tensor b_c) {
        /** Weights drawn from a normal of standard deviation {@code scale}, biases zero, all requiring gradients. */
        public static Classifier init(int vocabSize, int numHiddens, int numClasses, double scale, Random rng) {
            return new Classifier(Tensor.param(Mat.randn(vocabSize, numHiddens, scale, rng)),
                    Tensor.param(Mat.randn(numHiddens, numHiddens, scale, rng)),
                    Tensor.param(Mat.zeros(1, numHiddens)),
                    Tensor.param(Mat.randn(numHiddens, numClasses, scale, rng)),
                    Tensor.param(Mat.zeros(1, numClasses)));
        }

        /** {@code [W_xh, W_hh, b_h, W_hc, b_c]}, for an optimiser. */
        public List<Tensor> params() {
            return List.of(W_xh, W_hh, b_h, W_hc, b_c);
        }

        /** The vocabulary size V. */
        public int vocabSize() {
            return W_xh.rows();
        }

        /** The number of hidden units H. */
        public int numHiddens() {
            return W_xh.cols();
        }
    }

    /** The class scores of every sequence, {@code double[batch][C]}, from the last hidden state only. */
    public static Tensor logits(Classifier m, int[][] x) {
        // BEGIN SOLUTION
        Tensor h = Tensor.constant(Mat.zeros(x.length, m.numHiddens()));
        for (Tensor xt : OneHot.oneHot(OneHot.transpose(x), m.vocabSize())) {
            h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));
        }
        return addBias(mm(h, m.W_hc()), m.b_c());
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 16 (many-to-one): write logits, the class scores from the last hidden state — read docs/applications.md#exercises");
    }
}
