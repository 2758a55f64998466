package rnnscratch.tensor.kernel;

import java.util.function.Supplier;

/**
 * Which matrix kernel the products use: the plain-Java one (the library's default, {@link PlainKernel}) or the Vector
 * API one ({@link VectorKernel}), which needs the JVM started with {@code --add-modules jdk.incubator.vector}.
 * {@link #fastestHere()} says which is faster on this machine; the command line uses it by default, so the README's
 * book command, which passes the module, runs the vector kernel on AVX-512.
 *
 * <p>Switch it on with {@code -Drnnscratch.kernel=vector} or {@link #use(Choice)}; run a piece of work with a given
 * kernel and number of threads, and the ones before restored afterwards, with {@link #using}.
 *
 * <p>Docs: docs/performance.md
 */
public final class Kernel {
    /** The matrix kernels. */
    public enum Choice {
        /** The plain-Java kernel, {@link PlainKernel} (the default). */
        PLAIN,
        /** The Vector API kernel of {@link VectorKernel}. */
        VECTOR
    }

    private static volatile boolean vector = false;

    private Kernel() {}

    static {
        if ("vector".equals(System.getProperty("rnnscratch.kernel"))) {
            use(Choice.VECTOR);
        }
    }

    /** True when the JVM was started with the incubating Vector API module. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Switches the products to {@code kernel}.
     *
     * @throws IllegalStateException for {@link Choice#VECTOR} in a JVM without the module {@code jdk.incubator.vector}
     */
    public static void use(Choice kernel) {
        if (kernel == Choice.VECTOR && !vectorApiAvailable()) {
            throw new IllegalStateException("the vector kernel needs the module jdk.incubator.vector, which this JVM "
                    + "was started without");
        }
        vector = kernel == Choice.VECTOR;
    }

    /** Switches the Vector API kernel on or off: {@link #use(Choice)} with {@code VECTOR} or {@code PLAIN}. */
    public static void useVector(boolean on) {
        use(on ? Choice.VECTOR : Choice.PLAIN);
    }

    /** The kernel in use. */
    public static Choice choice() {
        return vector ? Choice.VECTOR : Choice.PLAIN;
    }

    /**
     * What {@code VECTOR} does on this machine, in words: its register tile, or that it keeps the plain kernel where
     * the vectors are too short for it to win (AVX2). Needs the Vector API ({@link #vectorApiAvailable()}).
     */
    public static String vectorKernelHere() {
        return VectorKernel.beatsPlain()
                ? "register tiles of 4 rows x 6 vectors of " + VectorKernel.lanes() + " doubles, fused multiply-adds"
                : "the plain kernel (vectors of " + VectorKernel.lanes() + " doubles are too short for the vector "
                        + "kernel to win)";
    }

    /**
     * The faster kernel on this machine, which the command line uses by default: {@code VECTOR} where
     * the JVM has the Vector API module and the vectors hold 8 doubles (AVX-512), else {@code PLAIN}. The two give the
     * same bits where the JVM uses the processor's FMA instruction (every element is one chain of fused multiply-adds
     * over {@code k} in increasing order in both), so the choice changes the time, not the numbers.
     */
    public static Choice fastestHere() {
        return vectorApiAvailable() && VectorKernel.beatsPlain() ? Choice.VECTOR : Choice.PLAIN;
    }

    /** Whether the Vector API kernel is in use. */
    public static boolean usesVector() {
        return vector;
    }

    /**
     * Runs {@code work} with {@code kernel} on {@code threads} threads ({@link Parallel#setThreads}), then restores
     * the kernel and the threads that were set before, also when {@code work} throws.
     *
     * @return what {@code work} returns
     */
    public static <T> T using(Choice kernel, int threads, Supplier<T> work) {
        Choice kernelBefore = choice();
        int threadsBefore = Parallel.threads();
        try {
            use(kernel);
            Parallel.setThreads(threads);
            return work.get();
        } finally {
            use(kernelBefore);
            Parallel.setThreads(threadsBefore);
        }
    }

    /** {@link #using(Choice, int, Supplier)} for work that returns nothing. */
    public static void using(Choice kernel, int threads, Runnable work) {
        using(kernel, threads, () -> {
            work.run();
            return null;
        });
    }
}
