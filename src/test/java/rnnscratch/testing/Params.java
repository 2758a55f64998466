package rnnscratch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;

/** Parameters with gradients, for the tests of what updates and clips them. */
public final class Params {
    private Params() {}

    /**
     * {@code count} parameters of random small shapes (1 to 3 rows and columns), values uniform in {@code [-2, 2)},
     * gradients uniform in {@code [-3, 3)}, from {@code seed}.
     */
    public static List<Tensor> withGradients(int count, long seed) {
        var rng = new Random(seed);
        var params = new ArrayList<Tensor>();
        for (int i = 0; i < count; i++) {
            var p = Tensor.param(Matrices.uniform(1 + rng.nextInt(3), 1 + rng.nextInt(3), 2.0, rng.nextLong()));
            Mat.addInPlace(p.grad(), Matrices.uniform(p.rows(), p.cols(), 3.0, rng.nextLong()));
            params.add(p);
        }
        return params;
    }

    /** Deep copies of {@code arrays} (values or gradients before a change). */
    public static List<double[][]> copies(List<double[][]> arrays) {
        return arrays.stream().map(Matrices::copyOf).toList();
    }
}
