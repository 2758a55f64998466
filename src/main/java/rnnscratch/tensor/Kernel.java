package rnnscratch.tensor;

/**
 * Which matrix kernel the products use: the plain-Java one (the default, {@link MatMul}) or the opt-in Vector API
 * one ({@link VectorKernel}), which needs the JVM started with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Switch it on with {@code -Drnnscratch.kernel=vector} or {@link #useVector(boolean)} (the command line's
 * {@code --kernel vector}).
 *
 * <p>Docs: docs/performance.md
 */
public final class Kernel {
    private static volatile boolean vector = false;

    private Kernel() {}

    static {
        if ("vector".equals(System.getProperty("rnnscratch.kernel"))) {
            useVector(true);
        }
    }

    /** True when the JVM was started with the incubating Vector API module. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Switches the Vector API kernel on or off.
     *
     * @throws IllegalStateException when switching on in a JVM without {@code --add-modules jdk.incubator.vector}
     */
    public static void useVector(boolean on) {
        if (on && !vectorApiAvailable()) {
            throw new IllegalStateException("the vector kernel needs the JVM flag --add-modules jdk.incubator.vector");
        }
        vector = on;
    }

    /** Whether the Vector API kernel is in use. */
    public static boolean usesVector() {
        return vector;
    }
}
