package rnnscratch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;

/**
 * GFLOPS of the three products that dominate training at the book's setting (H = 512, batch 32, 35 steps):
 * <ul>
 *   <li>{@code 32×512 · 512×512}: {@code H·W_hh} in every forward step;</li>
 *   <li>{@code 512×1120 · 1120×512}: the gradient of {@code W_hh} over all 35 steps at once ({@code Hᵀ·∂Z});</li>
 *   <li>{@code 32×512 · (512×512)ᵀ}: {@code ∂Z·W_hhᵀ} in every backward step, with {@code W_hhᵀ} formed once
 *       beforehand, as the backward pass does (once per pass, not once per step).</li>
 * </ul>
 *
 * <p>Docs: docs/performance.md
 */
final class KernelBench {
    /** One product to time: its name, its multiply-adds, and how to run it once. */
    record Product(String name, long flops, Supplier<double[][]> run) {}

    private KernelBench() {}

    static List<Product> products() {
        var rng = new Random(1);
        double[][] h = Mat.randn(32, 512, 1.0, rng);
        double[][] w = Mat.randn(512, 512, 1.0, rng);
        double[][] hs = Mat.randn(1120, 512, 1.0, rng);
        double[][] dz = Mat.randn(1120, 512, 1.0, rng);
        double[][] wT = Mat.transpose(w);
        return List.of(
                new Product("32x512 · 512x512", 2L * 32 * 512 * 512, () -> MatMul.mm(h, w)),
                new Product("512x1120 · 1120x512", 2L * 512 * 1120 * 512, () -> MatMul.mmTransA(hs, dz)),
                new Product("32x512 · (512x512)T", 2L * 32 * 512 * 512, () -> MatMul.mm(h, wT)));
    }

    /** The median GFLOPS of {@code product} on {@code threads} threads, over 15 repeats of ~1 GFLOP each, after one second of warm-up. */
    static double gflops(Product product, int threads) {
        return Kernel.using(Kernel.choice(), threads, () -> {
            int perRepeat = (int) Math.max(1, 1_000_000_000L / product.flops());
            long warmUntil = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                product.run().get(); // the JIT compiles the kernel while this runs
            }
            var samples = new ArrayList<Double>();
            for (int r = 0; r < 15; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < perRepeat; i++) {
                    product.run().get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                samples.add(product.flops() * (double) perRepeat / seconds / 1e9);
            }
            return median(samples);
        });
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] s = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
