package rnnscratch.seq;

import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.mm;

import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;

/**
 * A fully connected layer ({@code nn.Linear(in, out)}): {@code Y = X·W + b}.
 *
 * <p>Shapes: {@code X} is {@code double[batch][in]}, {@code W} is {@code double[in][out]}, {@code b} is
 * {@code double[1][out]}, {@code Y} is {@code double[batch][out]}. (PyTorch stores {@code W} transposed; the
 * product is the same.)
 *
 * <p>Docs: docs/sequence-models.md
 *
 * @param weight {@code W}, {@code in × out}
 * @param bias {@code b}, {@code 1 × out}
 */
public record Linear(Tensor weight, Tensor bias) {
    /** Checks that the bias is one row as wide as the weight. */
    public Linear {
        if (bias.rows() != 1 || bias.cols() != weight.cols()) {
            throw new IllegalArgumentException("Linear: weight " + weight.shape() + " with bias " + bias.shape()
                    + " (the bias must be 1 x out)");
        }
    }

    /**
     * A layer initialised as the book's {@code net.apply(init_weights)}: weights Xavier-uniform
     * ({@code nn.init.xavier_uniform_}), {@code W ~ U(−a, a)} with {@code a = √(6 / (in + out))}; bias PyTorch's
     * default for {@code nn.Linear}, {@code b ~ U(−1/√in, 1/√in)}. Weights are drawn row by row, then the bias.
     */
    public static Linear xavierUniform(int in, int out, Random rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear.xavierUniform: (" + in + " -> " + out + ") is not a layer");
        }
        double a = xavierBound(in, out);
        double c = biasBound(in);
        var w = new double[in][out];
        for (double[] row : w) {
            for (int j = 0; j < out; j++) {
                row[j] = uniform(rng, a);
            }
        }
        var b = new double[1][out];
        for (int j = 0; j < out; j++) {
            b[0][j] = uniform(rng, c);
        }
        return new Linear(Tensor.param(w), Tensor.param(b));
    }

    /** The Xavier-uniform bound {@code √(6 / (in + out))}. */
    public static double xavierBound(int in, int out) {
        return Math.sqrt(6.0 / (in + out));
    }

    /** PyTorch's default bias bound for {@code nn.Linear}, {@code 1/√in}. */
    public static double biasBound(int in) {
        return 1.0 / Math.sqrt(in);
    }

    private static double uniform(Random rng, double bound) {
        return (2.0 * rng.nextDouble() - 1.0) * bound;
    }

    /** {@code X·W + b}: {@code double[batch][in] → double[batch][out]}. */
    public Tensor forward(Tensor x) {
        return addBias(mm(x, weight), bias);
    }

    /** The same layer on detached parameters: evaluating it records no history ({@code torch.no_grad()}). */
    public Linear detach() {
        return new Linear(weight.detach(), bias.detach());
    }

    /** The parameters {@code [W, b]}, for an optimiser. */
    public List<Tensor> params() {
        return List.of(weight, bias);
    }

    /** The input width {@code in}. */
    public int in() {
        return weight.rows();
    }

    /** The output width {@code out}. */
    public int out() {
        return weight.cols();
    }
}
