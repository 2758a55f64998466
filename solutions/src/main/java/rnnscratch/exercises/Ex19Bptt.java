package rnnscratch.exercises;

import java.util.ArrayList;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.RnnParams;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * Exercise 19 — backpropagation through time by hand (通过时间反向传播), d2l 8.7: the gradients that the autograd's
 * {@code l.backward()} computes, written as the equations, without the tape.
 *
 * <p>The forward pass is done for you ({@code Bptt.forward}): for {@code t = 1 … T}, with the starting state H_0,
 * <pre>
 *   H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h)        O_t = H_t·W_hq + b_q
 *   ℓ = (1/N) Σ_t Σ_b cross-entropy(O_t[b], Y_t[b]),   N = T·batch
 * </pre>
 * Walk back from step T to step 1 (a bar is a gradient, Z̄ = ∂ℓ/∂Z, of Z's shape):
 * <pre>
 *   Ō_t = (softmax(O_t) − onehot(Y_t)) / N
 *   W̄_hq = Σ_t H_tᵀ·Ō_t              b̄_q = Σ_t column sums of Ō_t
 *   H̄_t = Ō_t·W_hqᵀ + Ā_{t+1}·W_hhᵀ   (Ā_{T+1} = 0: nothing comes back from after the last step)
 *   Ā_t = H̄_t ⊙ (1 − H_t ⊙ H_t)        (tanh's derivative, read from the saved output)
 *   W̄_xh = Σ_t X_tᵀ·Ā_t   W̄_hh = Σ_t H_{t−1}ᵀ·Ā_t   b̄_h = Σ_t column sums of Ā_t
 *   H̄_0 = Ā_1·W_hhᵀ
 * </pre>
 * The forward pass gives {@code X_t} ({@code f.X(t)}), {@code H_t} ({@code f.H(t)}, from {@code t = 0}), {@code O_t}
 * ({@code f.O(t)}) and the labels {@code Y_t} ({@code f.Y(t)}), with the steps counted from 1 as in the equations.
 * Change none of them.
 *
 * <p>Shapes: {@code X_t, O_t, Ō_t: double[batch][V]}; {@code H_t, H̄_t, Ā_t: double[batch][H]}; the gradients have
 * their parameters' shapes ({@code W_xh: V×H}, {@code W_hh: H×H}, {@code b_h: 1×H}, {@code W_hq: H×V},
 * {@code b_q: 1×V}); {@code Gradients.H()} lists H̄_1 … H̄_T.
 *
 * <p>Docs: docs/bptt.md#exercises
 */
public final class Ex19Bptt {
    private Ex19Bptt() {}

    /** The gradients of {@code f.loss()} with respect to the five parameters, H_0 and every H_t. */
    public static Bptt.Gradients bptt(Bptt.Forward f, RnnParams params) {
        // BEGIN SOLUTION
        double[][] W_hh = params.W_hh().value();
        double[][] W_hq = params.W_hq().value();
        int T = f.steps();
        int V = params.vocabSize();
        int H = params.numHiddens();
        double N = T * f.batch();
        var dW_xh = new double[V][H];
        var dW_hh = new double[H][H];
        var db_h = new double[1][H];
        var dW_hq = new double[H][V];
        var db_q = new double[1][V];
        var dH = new ArrayList<double[][]>();
        double[][] dA = new double[f.batch()][H]; // Ā_{T+1} = 0
        for (int t = T; t >= 1; t--) {
            double[][] dO = Mat.scale(Mat.sub(Mat.softmaxRows(f.O(t)), Mat.oneHot(f.Y(t), V)), 1 / N);
            Mat.addInPlace(dW_hq, MatMul.mmTransA(f.H(t), dO));
            Mat.addInPlace(db_q, Mat.columnSums(dO));
            double[][] dHt = Mat.add(MatMul.mmTransB(dO, W_hq), MatMul.mmTransB(dA, W_hh));
            dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));
            Mat.addInPlace(dW_xh, MatMul.mmTransA(f.X(t), dA));
            Mat.addInPlace(dW_hh, MatMul.mmTransA(f.H(t - 1), dA));
            Mat.addInPlace(db_h, Mat.columnSums(dA));
            dH.add(0, dHt);
        }
        double[][] dH0 = MatMul.mmTransB(dA, W_hh);
        return new Bptt.Gradients(dW_xh, dW_hh, db_h, dW_hq, db_q, dH0, dH);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 19 (backpropagation through time): write bptt, the gradients of the loss with respect to the five parameters and the hidden states, from the last step back to the first — read docs/bptt.md#exercises");
    }
}
