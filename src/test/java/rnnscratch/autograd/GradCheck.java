package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;

/**
 * Compares the gradients that {@link Tensor#backward()} computes with central finite differences.
 *
 * <p>The checked scalar is {@code L = Σ f(inputs) ⊙ R} with a fixed random {@code R}, so every output element sends a
 * different gradient back. For every input element, {@code (L(x+h) − L(x−h)) / 2h} must agree with the analytic
 * gradient to a relative error {@code |a − n| / max(1, |a|, |n|) < 1e-6}.
 */
final class GradCheck {
    private static final double H = 1e-6;
    static final double TOLERANCE = 1e-6;

    private GradCheck() {}

    /**
     * Checks {@code op} at {@code inputs}; fails with a message naming the op, the input, the index, and both values.
     */
    static void check(String op, List<double[][]> inputs, Function<List<Tensor>, Tensor> f, long seed) {
        var params = inputs.stream().map(v -> Tensor.param(Mat.copy(v))).toList();
        Tensor out = f.apply(params);
        double[][] r = Matrices.uniform(out.rows(), out.cols(), 1.0, seed);
        Ops.sum(Ops.mul(out, Tensor.constant(r))).backward();
        for (int p = 0; p < inputs.size(); p++) {
            double[][] analytic = params.get(p).grad();
            double[][] x = inputs.get(p);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    double numeric = numericGradient(inputs, p, i, j, f, r);
                    double a = analytic[i][j];
                    double rel = Math.abs(a - numeric) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(numeric)));
                    assertThat(rel)
                            .as("%s: gradient of input %d at [%d][%d] is %.12g by backward() but %.12g by finite "
                                    + "differences", op, p, i, j, a, numeric)
                            .isLessThan(TOLERANCE);
                }
            }
        }
    }

    private static double numericGradient(List<double[][]> inputs, int p, int i, int j,
            Function<List<Tensor>, Tensor> f, double[][] r) {
        double plus = loss(inputs, p, i, j, +H, f, r);
        double minus = loss(inputs, p, i, j, -H, f, r);
        return (plus - minus) / (2 * H);
    }

    private static double loss(List<double[][]> inputs, int p, int i, int j, double delta,
            Function<List<Tensor>, Tensor> f, double[][] r) {
        var shifted = inputs.stream().map(Mat::copy).toList();
        shifted.get(p)[i][j] += delta;
        var ts = shifted.stream().map(Tensor::constant).toList();
        return Mat.sum(Mat.mul(f.apply(ts).value(), r));
    }
}
