package rnnscratch.rnn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * Backpropagation through time (通过时间反向传播, d2l 8.7) written by hand: the gradients of a minibatch's mean loss
 * with respect to the five parameters and the starting state, computed with plain matrices and no tape. It gives the
 * same numbers as the autograd's {@code l.backward()} (to about 1e-16; {@code BpttTest}); the training loop's
 * hand-written epoch ({@code rnnscratch.train.TrainByHand}) trains with it.
 *
 * <p>In the code's orientation (row-major, one row per sequence of the minibatch), for {@code t = 1 … T}:
 * <pre>
 *   forward                                           shape
 *   A_t = X_t·W_xh + H_{t−1}·W_hh + b_h               batch × H
 *   H_t = tanh(A_t)                                   batch × H
 *   O_t = H_t·W_hq + b_q                              batch × V
 *   ℓ   = (1/N) Σ_t Σ_b [log Σ_j exp(O_t[b][j]) − O_t[b][Y_t[b]]],   N = T·batch
 *
 *   backward, t = T down to 1 (Ā_{T+1} = 0)
 *   Ō_t   = (softmax(O_t) − onehot(Y_t)) / N          batch × V
 *   W̄_hq += H_tᵀ·Ō_t                                  H × V
 *   b̄_q  += 1ᵀ·Ō_t (column sums)                      1 × V
 *   H̄_t   = Ō_t·W_hqᵀ + Ā_{t+1}·W_hhᵀ                 batch × H
 *   Ā_t   = H̄_t ⊙ (1 − H_t ⊙ H_t)                     batch × H
 *   W̄_xh += X_tᵀ·Ā_t                                  V × H
 *   W̄_hh += H_{t−1}ᵀ·Ā_t                              H × H
 *   b̄_h  += 1ᵀ·Ā_t                                    1 × H
 *   H̄_0   = Ā_1·W_hhᵀ                                 batch × H
 * </pre>
 * A bar is a gradient: {@code Z̄ = ∂ℓ/∂Z}, the shape of {@code Z}. Each line of {@link #backward} is one of these
 * equations, with the equation beside it.
 *
 * <p>Docs: docs/bptt.md
 */
public final class Bptt {
    private Bptt() {}

    /**
     * What the backward pass needs from the forward pass of one minibatch, kept as plain matrices. The steps are
     * counted from 1, as on the docs page: {@link #X(int) X(t)}, {@link #O(int) O(t)} and {@link #Y(int) Y(t)} for
     * {@code t = 1 … T}, {@link #H(int) H(t)} for {@code t = 0 … T} ({@code H(0)} is the starting state).
     *
     * @param inputs  {@code X_1 … X_T}, the one-hot inputs, each {@code double[batch][V]}
     * @param states  {@code H_0 … H_T}, each {@code double[batch][H]}
     * @param outputs {@code O_1 … O_T}, the scores, each {@code double[batch][V]}
     * @param labels  {@code Y_1 … Y_T}, the true next tokens of each step, each {@code int[batch]}
     * @param loss    the mean cross-entropy {@code ℓ} over all {@code N = T·batch} predictions
     */
    public record Forward(List<double[][]> inputs, List<double[][]> states, List<double[][]> outputs,
            List<int[]> labels, double loss) {
        public Forward {
            inputs = List.copyOf(inputs);
            states = List.copyOf(states);
            outputs = List.copyOf(outputs);
            labels = List.copyOf(labels);
            if (inputs.isEmpty() || states.size() != inputs.size() + 1 || outputs.size() != inputs.size()
                    || labels.size() != inputs.size()) {
                throw new IllegalArgumentException("Bptt.Forward: " + inputs.size() + " inputs, " + states.size()
                        + " states, " + outputs.size() + " outputs and " + labels.size() + " label rows; T ≥ 1 steps "
                        + "need T of each and T + 1 states (H_0 … H_T)");
            }
        }

        /** The number of time steps {@code T}. */
        public int steps() {
            return inputs.size();
        }

        /** The number of sequences in the minibatch. */
        public int batch() {
            return states.get(0).length;
        }

        /** {@code X_t}, {@code double[batch][V]}, for {@code t = 1 … T}. */
        public double[][] X(int t) {
            return inputs.get(t - 1);
        }

        /** {@code H_t}, {@code double[batch][H]}, for {@code t = 0 … T}. */
        public double[][] H(int t) {
            return states.get(t);
        }

        /** {@code O_t}, {@code double[batch][V]}, for {@code t = 1 … T}. */
        public double[][] O(int t) {
            return outputs.get(t - 1);
        }

        /** {@code Y_t}, the labels of step {@code t}, {@code int[batch]}, for {@code t = 1 … T}. */
        public int[] Y(int t) {
            return labels.get(t - 1);
        }
    }

    /**
     * The gradients of the mean loss {@code ℓ}: one per parameter, named as in {@link RnnParams}, plus those of the
     * hidden states.
     *
     * @param W_xh {@code ∂ℓ/∂W_xh}, {@code double[V][H]}
     * @param W_hh {@code ∂ℓ/∂W_hh}, {@code double[H][H]}
     * @param b_h  {@code ∂ℓ/∂b_h}, {@code double[1][H]}
     * @param W_hq {@code ∂ℓ/∂W_hq}, {@code double[H][V]}
     * @param b_q  {@code ∂ℓ/∂b_q}, {@code double[1][V]}
     * @param H0   {@code ∂ℓ/∂H_0}, the gradient that would flow into the previous minibatch without the detach,
     *             {@code double[batch][H]}
     * @param H    {@code ∂ℓ/∂H_1 … ∂ℓ/∂H_T}, each {@code double[batch][H]} (the run report's gradients through time)
     */
    public record Gradients(double[][] W_xh, double[][] W_hh, double[][] b_h, double[][] W_hq, double[][] b_q,
            double[][] H0, List<double[][]> H) {
        public Gradients {
            H = List.copyOf(H);
        }

        /** The five parameter gradients in the book's order {@code [W_xh, W_hh, b_h, W_hq, b_q]}. */
        public List<double[][]> list() {
            return List.of(W_xh, W_hh, b_h, W_hq, b_q);
        }

        /**
         * {@code p.grad += ∂ℓ/∂p} for the five parameters: what {@code l.backward()} leaves in them (gradients add
         * up, as in PyTorch).
         */
        public void addTo(RnnParams params) {
            List<Tensor> ps = params.list();
            List<double[][]> gs = list();
            for (int i = 0; i < ps.size(); i++) {
                Mat.addInPlace(ps.get(i).grad(), gs.get(i));
            }
        }
    }

    /** A backward pass: this class's {@link #backward}, or a student's (exercise 19). */
    @FunctionalInterface
    public interface BackwardFn {
        /** @return the gradients of {@code forward.loss()} with respect to the parameters and the states */
        Gradients backward(Forward forward, RnnParams params);
    }

    /**
     * The forward pass of {@link Rnn#rnn} and the mean cross-entropy of the training loop, on plain matrices,
     * keeping what {@link #backward} needs. The numbers are those of the tensors' forward pass, bit for bit (the same
     * {@link Mat} operations in the same order).
     *
     * @param x  token ids, {@code int[batch][T]}
     * @param y  the labels, {@code int[batch][T]} (the next token of each position)
     * @param h0 the starting state {@code H_0}, {@code double[batch][H]}
     */
    public static Forward forward(int[][] x, int[][] y, double[][] h0, RnnParams params) {
        int vocab = params.vocabSize();
        int[][] xt = OneHot.transpose(x); // int[T][batch]
        int[][] yt = OneHot.transpose(y);
        if (yt.length != xt.length || yt[0].length != xt[0].length) {
            throw new IllegalArgumentException("Bptt.forward: X is " + x.length + "x" + x[0].length + " but Y is "
                    + y.length + "x" + y[0].length + "; they must be the same shape (batch x T)");
        }
        double[][] W_xh = params.W_xh().value();
        double[][] W_hh = params.W_hh().value();
        double[][] b_h = params.b_h().value();
        double[][] W_hq = params.W_hq().value();
        double[][] b_q = params.b_q().value();
        var inputs = new ArrayList<double[][]>(xt.length);
        var states = new ArrayList<double[][]>(xt.length + 1);
        var outputs = new ArrayList<double[][]>(xt.length);
        double[][] H = h0;
        states.add(H);
        for (int[] ids : xt) {
            double[][] X = Mat.oneHot(ids, vocab);                                                  // X_t
            H = Mat.tanh(Mat.addRowVector(Mat.add(MatMul.mm(X, W_xh), MatMul.mm(H, W_hh)), b_h));  // H_t
            double[][] O = Mat.addRowVector(MatMul.mm(H, W_hq), b_q);                               // O_t
            inputs.add(X);
            states.add(H);
            outputs.add(O);
        }
        double[][] all = Mat.concatRows(outputs); // time-major, row t·batch + b, as the training loop's outputs
        int[] labels = timeMajor(yt);
        double loss = Mat.mean(Mat.sub(Mat.rowLogSumExp(all), Mat.pick(all, labels))); // ℓ
        return new Forward(inputs, states, outputs, List.of(yt), loss);
    }

    /**
     * Backpropagation through time: the equations of this class's Javadoc, one line each, from the last step to the
     * first.
     *
     * @return {@code ∂ℓ/∂} every parameter, {@code ∂ℓ/∂H_0} and {@code ∂ℓ/∂H_t} for {@code t = 1 … T}
     */
    public static Gradients backward(Forward f, RnnParams params) {
        double[][] W_hh = params.W_hh().value();
        double[][] W_hq = params.W_hq().value();
        int T = f.steps();
        int V = params.vocabSize();
        double N = (double) T * f.batch();
        double[][] dW_xh = Mat.zeros(V, params.numHiddens());
        double[][] dW_hh = Mat.zeros(params.numHiddens(), params.numHiddens());
        double[][] db_h = Mat.zeros(1, params.numHiddens());
        double[][] dW_hq = Mat.zeros(params.numHiddens(), V);
        double[][] db_q = Mat.zeros(1, V);
        var dH = new ArrayList<double[][]>(T);
        // Ā_{T+1} = 0
        double[][] dA = Mat.zeros(f.batch(), params.numHiddens());
        for (int t = T; t >= 1; t--) {
            // Ō_t = (softmax(O_t) − onehot(Y_t))/N
            double[][] dO = Mat.scale(Mat.sub(Mat.softmaxRows(f.O(t)), Mat.oneHot(f.Y(t), V)), 1 / N);
            // W̄_hq += H_tᵀ·Ō_t
            Mat.addInPlace(dW_hq, MatMul.mmTransA(f.H(t), dO));
            // b̄_q += 1ᵀ·Ō_t
            Mat.addInPlace(db_q, Mat.columnSums(dO));
            // H̄_t = Ō_t·W_hqᵀ + Ā_{t+1}·W_hhᵀ
            double[][] dHt = Mat.add(MatMul.mmTransB(dO, W_hq), MatMul.mmTransB(dA, W_hh));
            // Ā_t = H̄_t ⊙ (1 − H_t²)
            dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));
            // W̄_xh += X_tᵀ·Ā_t
            Mat.addInPlace(dW_xh, MatMul.mmTransA(f.X(t), dA));
            // W̄_hh += H_{t−1}ᵀ·Ā_t
            Mat.addInPlace(dW_hh, MatMul.mmTransA(f.H(t - 1), dA));
            // b̄_h += 1ᵀ·Ā_t
            Mat.addInPlace(db_h, Mat.columnSums(dA));
            dH.add(dHt);
        }
        // H̄_0 = Ā_1·W_hhᵀ
        double[][] dH0 = MatMul.mmTransB(dA, W_hh);
        Collections.reverse(dH); // collected from t = T down to 1; listed from t = 1
        return new Gradients(dW_xh, dW_hh, db_h, dW_hq, db_q, dH0, dH);
    }

    /** {@code Y.T.reshape(-1)} of an already transposed {@code int[T][batch]}: entry {@code t·batch + b}. */
    private static int[] timeMajor(int[][] yt) {
        int batch = yt[0].length;
        var flat = new int[yt.length * batch];
        for (int t = 0; t < yt.length; t++) {
            System.arraycopy(yt[t], 0, flat, t * batch, batch);
        }
        return flat;
    }
}
