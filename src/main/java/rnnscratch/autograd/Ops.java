package rnnscratch.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.tensor.Shapes;

/**
 * The differentiable operations the notes need, each with its backward rule next to its forward computation.
 *
 * <p>Write {@code import static rnnscratch.autograd.Ops.*;} and the RNN step reads like the book:
 * {@code H = tanh(addBias(add(mm(X, W_xh), mm(H, W_hh)), b_h))}. Shapes are checked before anything is computed.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 */
public final class Ops {
    private Ops() {}

    /**
     * Matrix product {@code C = A·B}, {@code (m×k)·(k×n) → (m×n)}. Backward: {@code ∂A = ∂C·Bᵀ},
     * {@code ∂B = Aᵀ·∂C}.
     */
    public static Tensor mm(Tensor a, Tensor b) {
        double[][] av = a.value();
        double[][] bv = b.value();
        return Tensor.computed(MatMul.mm(av, bv), "mm", List.of(a, b), (g, pass) -> {
            if (a.requiresGrad()) {
                pass.add(a, MatMul.mm(g, pass.transposed(bv)));
            }
            pass.addTransAProduct(b, av, g);
        });
    }

    /** Element-wise sum {@code A + B} (same shapes). Backward: {@code ∂A = ∂B = ∂C}. */
    public static Tensor add(Tensor a, Tensor b) {
        return Tensor.computed(Mat.add(a.value(), b.value()), "add", List.of(a, b), (g, pass) -> {
            pass.add(a, g);
            pass.add(b, g);
        });
    }

    /** Element-wise difference {@code A − B}. Backward: {@code ∂A = ∂C}, {@code ∂B = −∂C}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Tensor.computed(Mat.sub(a.value(), b.value()), "sub", List.of(a, b), (g, pass) -> {
            pass.add(a, g);
            if (b.requiresGrad()) {
                pass.add(b, Mat.scale(g, -1.0));
            }
        });
    }

    /**
     * Adds the one-row bias {@code b} ({@code 1×n}) to every row of {@code A} ({@code m×n}), as PyTorch broadcasts
     * {@code X + b}. Backward: {@code ∂A = ∂C}, {@code ∂b} = the column sums of {@code ∂C}.
     */
    public static Tensor addBias(Tensor a, Tensor b) {
        return Tensor.computed(Mat.addRowVector(a.value(), b.value()), "addBias", List.of(a, b), (g, pass) -> {
            pass.add(a, g);
            if (b.requiresGrad()) {
                var db = new double[1][g[0].length];
                for (double[] row : g) {
                    for (int j = 0; j < row.length; j++) {
                        db[0][j] += row[j];
                    }
                }
                pass.add(b, db);
            }
        });
    }

    /** Element-wise product {@code A ⊙ B}. Backward: {@code ∂A = ∂C ⊙ B}, {@code ∂B = ∂C ⊙ A}. */
    public static Tensor mul(Tensor a, Tensor b) {
        double[][] av = a.value();
        double[][] bv = b.value();
        return Tensor.computed(Mat.mul(av, bv), "mul", List.of(a, b), (g, pass) -> {
            if (a.requiresGrad()) {
                pass.add(a, Mat.mul(g, bv));
            }
            if (b.requiresGrad()) {
                pass.add(b, Mat.mul(g, av));
            }
        });
    }

    /** {@code s·A} for a constant {@code s}. Backward: {@code ∂A = s·∂C}. */
    public static Tensor scale(Tensor a, double s) {
        return Tensor.computed(Mat.scale(a.value(), s), "scale", List.of(a), (g, pass) -> pass.add(a, Mat.scale(g, s)));
    }

    /** {@code tanh(A)} element-wise. Backward: {@code ∂A = ∂C ⊙ (1 − tanh²(A))}, from the saved output. */
    public static Tensor tanh(Tensor a) {
        double[][] y = Mat.tanh(a.value());
        return Tensor.computed(y, "tanh", List.of(a), (g, pass) -> {
            var da = new double[g.length][];
            for (int i = 0; i < g.length; i++) {
                double[] gi = g[i];
                double[] yi = y[i];
                double[] di = new double[gi.length];
                for (int j = 0; j < gi.length; j++) {
                    di[j] = gi[j] * (1.0 - yi[j] * yi[j]);
                }
                da[i] = di;
            }
            pass.add(a, da);
        });
    }

    /** The sum of all elements, as a 1×1 tensor. Backward: every element gets {@code ∂C}. */
    public static Tensor sum(Tensor a) {
        int rows = a.rows();
        int cols = a.cols();
        return Tensor.computed(new double[][] {{Mat.sum(a.value())}}, "sum", List.of(a),
                (g, pass) -> pass.add(a, Mat.full(rows, cols, g[0][0])));
    }

    /**
     * The rows of all tensors one after the other ({@code torch.cat(outputs, dim=0)}): {@code T} tensors of
     * {@code b×n} give {@code (T·b)×n}, tensor {@code t}'s row {@code r} landing in row {@code t·b + r}.
     * Backward: each part gets its own rows of {@code ∂C}.
     */
    public static Tensor catRows(List<Tensor> parts) {
        var values = new ArrayList<double[][]>(parts.size());
        for (Tensor p : parts) {
            values.add(p.value());
        }
        return Tensor.computed(Mat.concatRows(values), "catRows", List.copyOf(parts), (g, pass) -> {
            int r = 0;
            for (Tensor p : parts) {
                int n = p.rows();
                if (p.requiresGrad()) {
                    pass.add(p, Arrays.copyOfRange(g, r, r + n));
                }
                r += n;
            }
        });
    }

    /**
     * The mean cross-entropy of the rows of {@code logits} ({@code N×V}) against integer {@code labels}
     * ({@code N}): {@code (1/N) Σᵢ [log Σⱼ exp(zᵢⱼ) − zᵢ,yᵢ]}, computed with a stable log-softmax, as
     * {@code nn.CrossEntropyLoss()} does. Backward: {@code ∂Z = (softmax(Z) − onehot(y)) · ∂C / N}.
     *
     * @return a 1×1 tensor
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        double[][] z = logits.value();
        if (labels.length != z.length) {
            throw new IllegalArgumentException("crossEntropy: logits " + Shapes.of(z) + " vs " + labels.length
                    + " labels (one label per row)");
        }
        int v = z[0].length;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= v) {
                throw new IllegalArgumentException("crossEntropy: label " + labels[i] + " at row " + i
                        + " is outside [0, " + v + ") for logits " + Shapes.of(z));
            }
        }
        double[] lse = Mat.rowLogSumExp(z);
        double total = 0.0;
        for (int i = 0; i < z.length; i++) {
            total += lse[i] - z[i][labels[i]];
        }
        int n = z.length;
        return Tensor.computed(new double[][] {{total / n}}, "crossEntropy", List.of(logits), (g, pass) -> {
            double s = g[0][0] / n;
            var dz = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                double[] di = new double[v];
                for (int j = 0; j < v; j++) {
                    di[j] = Math.exp(zi[j] - lse[i]) * s;
                }
                di[labels[i]] -= s;
                dz[i] = di;
            }
            pass.add(logits, dz);
        });
    }

    /**
     * {@code ReLU(A) = max(A, 0)} element-wise ({@code nn.ReLU()}). Backward: {@code ∂A = ∂C} where {@code A > 0},
     * else 0 (at exactly 0 the gradient is taken as 0, as PyTorch does).
     *
     * <p>Docs: docs/sequence-models.md
     */
    public static Tensor relu(Tensor a) {
        double[][] x = a.value();
        var y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double[] yi = new double[xi.length];
            for (int j = 0; j < xi.length; j++) {
                yi[j] = xi[j] > 0.0 ? xi[j] : 0.0;
            }
            y[i] = yi;
        }
        return Tensor.computed(y, "relu", List.of(a), (g, pass) -> {
            var da = new double[g.length][];
            for (int i = 0; i < g.length; i++) {
                double[] gi = g[i];
                double[] xi = x[i];
                double[] di = new double[gi.length];
                for (int j = 0; j < gi.length; j++) {
                    di[j] = xi[j] > 0.0 ? gi[j] : 0.0;
                }
                da[i] = di;
            }
            pass.add(a, da);
        });
    }

    /**
     * The squared error of every element, {@code (Ŷ − Y)²}, same shape as the inputs: the book's
     * {@code nn.MSELoss(reduction='none')} (no factor ½). Sum it with {@link #sum} for the backward pass, as d2l's
     * {@code l.sum().backward()}. Backward: {@code ∂Ŷ = 2(Ŷ − Y) ⊙ ∂C}, {@code ∂Y = −2(Ŷ − Y) ⊙ ∂C}.
     *
     * <p>Docs: docs/sequence-models.md
     *
     * @param pred {@code double[n][m]} predictions Ŷ
     * @param target {@code double[n][m]} labels Y
     */
    public static Tensor squaredError(Tensor pred, Tensor target) {
        double[][] diff = Mat.sub(pred.value(), target.value());
        return Tensor.computed(Mat.mul(diff, diff), "squaredError", List.of(pred, target), (g, pass) -> {
            double[][] d = Mat.scale(Mat.mul(g, diff), 2.0);
            if (pred.requiresGrad()) {
                pass.add(pred, d);
            }
            if (target.requiresGrad()) {
                pass.add(target, Mat.scale(d, -1.0));
            }
        });
    }
}
