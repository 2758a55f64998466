package rnnscratch.seq;

import static rnnscratch.autograd.Ops.relu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;

/**
 * The book's autoregressive model (自回归模型) for the sine wave: a multilayer perceptron that reads the last
 * {@code τ} values and predicts the next one, {@code x̂_t = f(x_{t−τ}, …, x_{t−1})}:
 * <pre>
 *   Linear(τ, hidden) → ReLU → Linear(hidden, 1)
 * </pre>
 * Shapes: {@code double[batch][τ] → double[batch][1]}.
 *
 * <p>Docs: docs/sequence-models.md
 *
 * @param hidden the first layer, {@code τ → hidden}
 * @param output the second layer, {@code hidden → 1}
 */
public record AutoregressiveModel(Linear hidden, Linear output) {
    /** Checks that the layers fit together and that the model has one output. */
    public AutoregressiveModel {
        if (hidden.out() != output.in() || output.out() != 1) {
            throw new IllegalArgumentException("AutoregressiveModel: layers " + hidden.in() + " -> " + hidden.out()
                    + " and " + output.in() + " -> " + output.out() + " (need τ -> h, h -> 1)");
        }
    }

    /** The book's {@code get_net()}: {@code Linear(4, 10) → ReLU → Linear(10, 1)}, Xavier-uniform initialised. */
    public static AutoregressiveModel getNet(Random rng) {
        return getNet(4, 10, rng);
    }

    /** {@code Linear(tau, hiddens) → ReLU → Linear(hiddens, 1)}, each layer by {@link Linear#xavierUniform}. */
    public static AutoregressiveModel getNet(int tau, int hiddens, Random rng) {
        var first = Linear.xavierUniform(tau, hiddens, rng);
        return new AutoregressiveModel(first, Linear.xavierUniform(hiddens, 1, rng));
    }

    /** {@code ReLU(X·W₁ + b₁)·W₂ + b₂}: {@code double[batch][τ] → double[batch][1]}, recording history. */
    public Tensor forward(Tensor x) {
        return output.forward(relu(hidden.forward(x)));
    }

    /** The predictions for {@code double[batch][τ]} inputs, {@code double[batch][1]}, without recording history. */
    public double[][] predict(double[][] x) {
        return new AutoregressiveModel(hidden.detach(), output.detach()).forward(Tensor.constant(x)).value();
    }

    /** All parameters {@code [W₁, b₁, W₂, b₂]}, for an optimiser. */
    public List<Tensor> params() {
        var ps = new ArrayList<>(hidden.params());
        ps.addAll(output.params());
        return List.copyOf(ps);
    }

    /** The number of past values the model reads, {@code τ}. */
    public int tau() {
        return hidden.in();
    }
}
