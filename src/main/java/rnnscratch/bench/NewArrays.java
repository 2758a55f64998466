package rnnscratch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a new result array costs beyond writing it: the time to make a new {@code double[rows][cols]} and write every
 * element once, against writing every element of the same array again. The library's operations return new arrays
 * (immutable values, as the notes' PyTorch code does); a new array's memory has not been touched since the last
 * collection, so it comes from far caches or memory, while an array written again is still near. The bench multiplies
 * the difference by the arrays a minibatch makes, for an estimate of their share of the step. The estimate counts
 * none of that cost as hidden behind other work, and it says more than reusing arrays saves: in the seventh round of
 * issue 23, a build that reused 7 of each step's 9 {@code 32×512} arrays (an experiment; the library's values stay
 * immutable) trained 1.08–1.10× as fast, where the estimate of that day's 16–19% for all 9 would have predicted
 * about 1.15×.
 *
 * <p>Docs: docs/performance.md
 */
final class NewArrays {
    private static final int ARRAYS = 2_000;
    private static final int ROUNDS = 7;
    /** Keeps the arrays from being optimised away. */
    private static volatile Object sink;

    private NewArrays() {}

    /** Bytes of a {@code double[rows][cols]}'s elements. */
    static long bytes(int rows, int cols) {
        return (long) rows * cols * Double.BYTES;
    }

    /**
     * Microseconds per array, the median of {@value #ROUNDS} rounds of {@value #ARRAYS}: {@code [0]} a new
     * {@code double[rows][cols]} written once, {@code [1]} one array written again.
     */
    static double[] micros(int rows, int cols) {
        List<Double> fresh = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        var same = new double[rows][cols];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ARRAYS; i++) {
                var a = new double[rows][cols];
                fill(a, i);
                sink = a;
            }
            fresh.add((System.nanoTime() - start) / 1e3 / ARRAYS);
            start = System.nanoTime();
            for (int i = 0; i < ARRAYS; i++) {
                fill(same, i);
                sink = same;
            }
            again.add((System.nanoTime() - start) / 1e3 / ARRAYS);
        }
        return new double[] {KernelBench.median(fresh), KernelBench.median(again)};
    }

    private static void fill(double[][] a, int i) {
        for (double[] row : a) {
            Arrays.fill(row, i);
        }
    }
}
