package rnnscratch.tensor.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the time of a piece of work goes in the kernel's products, shape by shape: the bench's breakdown of a training
 * step. Only while {@link #recording} runs. Otherwise each product reads one volatile flag more and records nothing.
 *
 * <p>Each product is timed once, on the thread that asked for it, from the call to its result. That time includes its
 * split over the threads, and for a narrow {@code Aᵀ·B}, the transposes it is computed through. Its multiply-adds are
 * counted as if dense, {@code m·k·n}. This holds also for a one-hot left operand, whose zeros the kernel skips. Such a
 * product's GFLOPS so count work it never did.
 *
 * <p>Docs: docs/performance.md
 */
public final class ProductTimes {
    /** What {@link #start()} returns while nothing is recorded. */
    private static final long OFF = Long.MIN_VALUE;
    private static volatile boolean on;
    /** Per shape: products, nanoseconds, multiply-adds. */
    private static final Map<Shape, long[]> totals = new HashMap<>();

    private ProductTimes() {}

    /**
     * A product's shape: {@code C (m×n)} gets the {@code k} terms of {@code A·B} ({@code A: double[m][k]}), or with
     * {@code transA} those of {@code Aᵀ·B} ({@code A: double[k][m]}).
     */
    public record Shape(int m, int k, int n, boolean transA) {
        /** The operands as the bench's product table names them: {@code "32x512 · 512x512"}, {@code "(1120x512)T · 1120x512"}. */
        public String label() {
            String a = transA ? "(" + k + "x" + m + ")T" : m + "x" + k;
            return a + " · " + k + "x" + n;
        }

        /** Multiply-adds of one product of this shape, counted as if dense. */
        public long multiplyAdds() {
            return (long) m * k * n;
        }
    }

    /** The products of one shape: how many ran, their time in all, and their multiply-adds in all. */
    public record Total(Shape shape, long products, long nanos, long multiplyAdds) {
        /** Billions of floating-point operations (two per multiply-add) per second of their time. */
        public double gflops() {
            return nanos == 0 ? Double.NaN : 2.0 * multiplyAdds / nanos;
        }
    }

    /**
     * What a piece of work returned, the wall time it took, and its products by shape, the longest in all first.
     *
     * @param <T> what the work returns
     */
    public record Recorded<T>(T result, long nanos, List<Total> products) {
        /** The time of all its products together. */
        public long productNanos() {
            return products.stream().mapToLong(Total::nanos).sum();
        }
    }

    /**
     * Runs {@code work}, timing every product it asks the kernel for (and any other thread asks for meanwhile). One
     * recording runs at a time; a second waits for the first.
     */
    public static synchronized <T> Recorded<T> recording(Supplier<T> work) {
        synchronized (totals) {
            totals.clear();
        }
        on = true;
        try {
            long start = System.nanoTime();
            T result = work.get();
            long nanos = System.nanoTime() - start;
            return new Recorded<>(result, nanos, snapshot());
        } finally {
            on = false;
        }
    }

    /** The time a product starts, while recording; {@link #OFF} otherwise. */
    static long start() {
        return on ? System.nanoTime() : OFF;
    }

    /**
     * Adds a product of shape {@code m, k, n, transA} ({@link Shape}) that started at {@code start} (from
     * {@link #start()}) to the totals; nothing while not recording.
     */
    static void record(long start, int m, int k, int n, boolean transA) {
        if (start == OFF) {
            return;
        }
        long nanos = System.nanoTime() - start;
        var shape = new Shape(m, k, n, transA);
        synchronized (totals) {
            long[] t = totals.computeIfAbsent(shape, s -> new long[3]);
            t[0]++;
            t[1] += nanos;
            t[2] += shape.multiplyAdds();
        }
    }

    private static List<Total> snapshot() {
        var list = new ArrayList<Total>();
        synchronized (totals) {
            totals.forEach((s, t) -> list.add(new Total(s, t[0], t[1], t[2])));
        }
        list.sort(Comparator.comparingLong(Total::nanos).reversed());
        return List.copyOf(list);
    }
}
