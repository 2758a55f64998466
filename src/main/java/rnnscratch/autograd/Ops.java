package rnnscratch.autograd;

import java.util.List;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.tensor.Product;
import rnnscratch.tensor.Shapes;

/**
 * The differentiable operations the notes need, each with its backward rule next to its forward computation.
 *
 * <p>Write {@code import static rnnscratch.autograd.Ops.*;} and the RNN step reads like the book:
 * {@code H = tanh(addBias(add(mm(X, W_xh), mm(H, W_hh)), b_h))}. Shapes are checked before anything is computed.
 *
 * <p>A rule receives {@code C̄ = ∂ℓ/∂C}, the gradient of the operation's result, as {@code g}, and adds each input's
 * share into {@code grads} by the input's position: {@code grads.add(0, …)} is {@code Ā += …}. Each rule is the row
 * of the table on the docs page, written with {@link Mat} and two named products, {@link Product#mmTransB}
 * ({@code C̄·Bᵀ}) and {@link Product#mmTransA} ({@code Aᵀ·C̄}), which the pass computes when it sums the gradient
 * (the kernel stacks the steps' {@code Aᵀ·C̄} into one product and transposes a {@code B} they share once); the
 * element loops live in {@code Mat}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Ops {
    private Ops() {}

    /**
     * Matrix product {@code C = A·B}, {@code double[m][k]·double[k][n] → double[m][n]} (for the RNN, {@code X_t·W_xh}:
     * {@code double[batch][V]·double[V][H]}). Backward: {@code Ā += C̄·Bᵀ},
     * {@code B̄ += Aᵀ·C̄}.
     */
    public static Tensor mm(Tensor a, Tensor b) {
        double[][] av = a.value();
        double[][] bv = b.value();
        return Tensor.computed(MatMul.mm(av, bv), "mm", List.of(a, b), (g, grads) -> {
            grads.add(0, Product.mmTransB(g, bv)); // Ā += C̄·Bᵀ
            grads.add(1, Product.mmTransA(av, g)); // B̄ += Aᵀ·C̄
        });
    }

    /** Element-wise sum {@code C = A + B} (same shapes). Backward: {@code Ā += C̄}, {@code B̄ += C̄}. */
    public static Tensor add(Tensor a, Tensor b) {
        return Tensor.computed(Mat.add(a.value(), b.value()), "add", List.of(a, b), (g, grads) -> {
            grads.add(0, g); // Ā += C̄
            grads.add(1, g); // B̄ += C̄
        });
    }

    /** Element-wise difference {@code C = A − B}. Backward: {@code Ā += C̄}, {@code B̄ += −C̄}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Tensor.computed(Mat.sub(a.value(), b.value()), "sub", List.of(a, b), (g, grads) -> {
            grads.add(0, g);                  // Ā += C̄
            grads.add(1, Mat.scale(g, -1.0)); // B̄ += −C̄
        });
    }

    /**
     * Adds the one-row bias {@code b} ({@code double[1][n]}) to every row of {@code A} ({@code double[m][n]}), as
     * PyTorch broadcasts {@code X + b}. Backward: {@code Ā += C̄}, {@code b̄ += Σᵢ C̄ᵢ} (the column sums of
     * {@code C̄}).
     */
    public static Tensor addBias(Tensor a, Tensor b) {
        return Tensor.computed(Mat.addRowVector(a.value(), b.value()), "addBias", List.of(a, b), (g, grads) -> {
            grads.add(0, g);                // Ā += C̄
            grads.add(1, Mat.columnSums(g)); // b̄ += Σᵢ C̄ᵢ
        });
    }

    /** Element-wise product {@code C = A ⊙ B}. Backward: {@code Ā += C̄ ⊙ B}, {@code B̄ += C̄ ⊙ A}. */
    public static Tensor mul(Tensor a, Tensor b) {
        double[][] av = a.value();
        double[][] bv = b.value();
        return Tensor.computed(Mat.mul(av, bv), "mul", List.of(a, b), (g, grads) -> {
            grads.add(0, Mat.mul(g, bv)); // Ā += C̄ ⊙ B
            grads.add(1, Mat.mul(g, av)); // B̄ += C̄ ⊙ A
        });
    }

    /** {@code C = s·A} for a constant {@code s}. Backward: {@code Ā += s·C̄}. */
    public static Tensor scale(Tensor a, double s) {
        return Tensor.computed(Mat.scale(a.value(), s), "scale", List.of(a),
                (g, grads) -> grads.add(0, Mat.scale(g, s))); // Ā += s·C̄
    }

    /** {@code C = tanh(A)} element-wise. Backward: {@code Ā += C̄ ⊙ (1 − C ⊙ C)}, from the saved output. */
    public static Tensor tanh(Tensor a) {
        double[][] c = Mat.tanh(a.value());
        return Tensor.computed(c, "tanh", List.of(a),
                (g, grads) -> grads.add(0, Mat.mul(g, Mat.oneMinusSquare(c)))); // Ā += C̄ ⊙ (1 − C ⊙ C)
    }

    /** The sum of all elements, {@code c = Σᵢⱼ Aᵢⱼ}, as a 1×1 tensor. Backward: {@code Āᵢⱼ += c̄}. */
    public static Tensor sum(Tensor a) {
        int rows = a.rows();
        int cols = a.cols();
        return Tensor.computed(new double[][] {{Mat.sum(a.value())}}, "sum", List.of(a),
                (g, grads) -> grads.add(0, Mat.full(rows, cols, g[0][0]))); // Āᵢⱼ += c̄
    }

    /**
     * The rows of all tensors one after the other ({@code torch.cat(outputs, dim=0)}): {@code T} tensors
     * {@code double[batch][n]} give {@code double[T·batch][n]}, tensor {@code t}'s row {@code b} landing in row
     * {@code t·batch + b}.
     * Backward: each part gets its own rows of {@code C̄}.
     */
    public static Tensor catRows(List<Tensor> parts) {
        double[][] c = Mat.concatRows(parts.stream().map(Tensor::value).toList());
        int[] rows = parts.stream().mapToInt(Tensor::rows).toArray();
        return Tensor.computed(c, "catRows", List.copyOf(parts),
                (g, grads) -> grads.addEach(Mat.splitRows(g, rows))); // Āₚ += its rows of C̄
    }

    /**
     * The mean cross-entropy of the rows of {@code logits} ({@code double[N][V]}) against integer {@code labels}
     * ({@code int[N]}): {@code c = (1/N) Σᵢ [log Σⱼ exp(Zᵢⱼ) − Zᵢ,yᵢ]}, computed with a stable log-softmax, as
     * {@code nn.CrossEntropyLoss()} does. Backward: {@code Z̄ += (softmax(Z) − onehot(y))·c̄/N}.
     *
     * @return a {@code double[1][1]} tensor
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        double[][] z = logits.value();
        Shapes.requireLabels("crossEntropy", z, labels);
        double[] lse = Mat.rowLogSumExp(z); // log Σⱼ exp(Zᵢⱼ) of each row
        double loss = Mat.mean(Mat.sub(lse, Mat.pick(z, labels)));
        int n = z.length;
        return Tensor.computed(new double[][] {{loss}}, "crossEntropy", List.of(logits),
                (g, grads) -> grads.add(0, Mat.softmaxMinusOneHot(z, lse, labels, g[0][0] / n)));
    }

    /**
     * {@code C = ReLU(A) = max(A, 0)} element-wise ({@code nn.ReLU()}). Backward: {@code Ā += C̄ ⊙ [A > 0]} (at
     * exactly 0 the gradient is taken as 0, as PyTorch does).
     *
     * <p>Docs: docs/sequence-models.md
     */
    public static Tensor relu(Tensor a) {
        double[][] x = a.value();
        return Tensor.computed(Mat.relu(x), "relu", List.of(a),
                (g, grads) -> grads.add(0, Mat.maskWherePositive(g, x))); // Ā += C̄ ⊙ [A > 0]
    }

    /**
     * The squared error of every element, {@code C = (Ŷ − Y)²}, same shape as the inputs: the book's
     * {@code nn.MSELoss(reduction='none')} (no factor ½). Sum it with {@link #sum} for the backward pass, as d2l's
     * {@code l.sum().backward()}. Backward: {@code Ŷ̄ += 2(Ŷ − Y) ⊙ C̄}, {@code Ȳ += −2(Ŷ − Y) ⊙ C̄}.
     *
     * <p>Docs: docs/sequence-models.md
     *
     * @param pred {@code double[n][m]} predictions Ŷ
     * @param target {@code double[n][m]} labels Y
     */
    public static Tensor squaredError(Tensor pred, Tensor target) {
        double[][] diff = Mat.sub(pred.value(), target.value());
        return Tensor.computed(Mat.mul(diff, diff), "squaredError", List.of(pred, target), (g, grads) -> {
            double[][] d = Mat.scale(Mat.mul(g, diff), 2.0); // 2(Ŷ − Y) ⊙ C̄
            grads.add(0, d);                                 // Ŷ̄ += d
            grads.add(1, Mat.scale(d, -1.0));                // Ȳ += −d
        });
    }
}
