package rnnscratch.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's double-precision peak: a loop of fused multiply-adds on the widest vectors the JVM offers
 * ({@code DoubleVector.SPECIES_PREFERRED}), twelve independent chains kept in registers (enough to cover the
 * latency of two FMA units; few enough for the 16 registers of AVX2), nothing loaded or stored. No matrix product
 * can go faster than this on as many threads.
 *
 * <p>Uses the incubating Vector API: load this class only in a JVM started with the module
 * {@code jdk.incubator.vector} ({@link rnnscratch.tensor.kernel.Kernel#vectorApiAvailable()}).
 *
 * <p>Docs: docs/performance.md
 */
final class FmaPeak {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int CHAINS = 12;
    private static final int ITERATIONS = 10_000_000;

    private FmaPeak() {}

    /** The doubles in one vector register: 8 with AVX-512, 4 with AVX2. */
    static int lanes() {
        return S.length();
    }

    /**
     * GFLOPS of the loop run on {@code threads} threads at once (each its own loop), the best of {@code repeats}
     * (a busy machine only ever makes it slower), an FMA counting as two floating-point operations.
     */
    static double gflops(int threads, int repeats) {
        for (int i = 0; i < 20; i++) {
            loop(ITERATIONS / 10); // the JIT compiles the loop
        }
        double best = 0.0;
        for (int r = 0; r < repeats; r++) {
            var workers = new Thread[threads - 1];
            for (int t = 0; t < workers.length; t++) {
                workers[t] = new Thread(() -> loop(ITERATIONS));
            }
            long t0 = System.nanoTime();
            for (Thread w : workers) {
                w.start();
            }
            double sink = loop(ITERATIONS);
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return best;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (sink != 0.0) { // always true: keeps the JIT from dropping the loop
                best = Math.max(best, 2.0 * CHAINS * S.length() * ITERATIONS * threads / seconds / 1e9);
            }
        }
        return best;
    }

    /** {@code a ← a·x + y} on twelve independent vectors, {@code n} times; returns their sum. */
    private static double loop(int n) {
        var x = DoubleVector.broadcast(S, 0.999999);
        var y = DoubleVector.broadcast(S, 1e-9);
        var a0 = DoubleVector.broadcast(S, 1.0);
        var a1 = a0.add(1.0);
        var a2 = a0.add(2.0);
        var a3 = a0.add(3.0);
        var a4 = a0.add(4.0);
        var a5 = a0.add(5.0);
        var a6 = a0.add(6.0);
        var a7 = a0.add(7.0);
        var a8 = a0.add(8.0);
        var a9 = a0.add(9.0);
        var a10 = a0.add(10.0);
        var a11 = a0.add(11.0);
        for (int i = 0; i < n; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
