package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Gradient clipping (梯度剪裁), stated as sentences. Docs: docs/gradient-clipping.md */
class GradClippingTest {
    /** Parameters whose gradients are random, scaled to a wide range of norms. */
    private static List<Tensor> paramsWithGradients(int count, double scale, long seed) {
        var rng = new Random(seed);
        var params = new ArrayList<Tensor>();
        for (int i = 0; i < count; i++) {
            var p = Tensor.param(new double[1 + rng.nextInt(4)][1 + rng.nextInt(4)]);
            var g = Matrices.uniform(p.rows(), p.cols(), scale, rng.nextLong());
            Mat.addInPlace(p.grad(), g);
            params.add(p);
        }
        return params;
    }

    @Test
    @DisplayName("After clipping, the global gradient norm is at most θ and every gradient keeps its direction")
    void clippedNormIsAtMostThetaAndDirectionIsKept() {
        Props.qt().forAll(integers().between(1, 5), doubles().between(1e-3, 1e3), doubles().between(1e-3, 10),
                        longs().all())
                .checkAssert((count, scale, theta, seed) -> {
                    var params = paramsWithGradients(count, scale, seed);
                    var before = params.stream().map(p -> Matrices.copyOf(p.grad())).toList();
                    double norm = GradClipping.gradClipping(params, theta);
                    double after = GradClipping.globalNorm(params);
                    assertThat(after).as("‖g‖ after clipping (it was %s, θ = %s)", norm, theta)
                            .isLessThanOrEqualTo(theta * (1 + 1e-12));
                    double factor = norm > theta ? theta / norm : 1.0;
                    for (int i = 0; i < params.size(); i++) {
                        var expected = Mat.scale(before.get(i), factor);
                        assertThat(Matrices.maxAbsDiff(params.get(i).grad(), expected))
                                .as("every gradient is scaled by the same factor min(1, θ/‖g‖) = %s", factor)
                                .isLessThanOrEqualTo(1e-15 * Math.max(1, scale));
                    }
                });
    }

    @Test
    @DisplayName("When the norm is already at most θ, clipping changes nothing")
    void smallGradientsAreUntouched() {
        Props.qt().forAll(integers().between(1, 5), longs().all()).checkAssert((count, seed) -> {
            var params = paramsWithGradients(count, 1.0, seed);
            double theta = GradClipping.globalNorm(params) * 1.5;
            var before = params.stream().map(p -> Matrices.copyOf(p.grad())).toList();
            GradClipping.gradClipping(params, theta);
            for (int i = 0; i < params.size(); i++) {
                assertThat(Matrices.bitIdentical(before.get(i), params.get(i).grad()))
                        .as("a gradient below the threshold must be left exactly as it was").isTrue();
            }
        });
    }
}
