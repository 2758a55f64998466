package rnnscratch.bench;

import java.io.IOException;

/**
 * The processes {@code bench} starts — the README's book command in its own JVM, the book's PyTorch code — end with
 * it: a bench stopped by a signal ({@code kill}, or Ctrl-C sent to it alone) leaves no training run behind on the
 * machine, taking the cores that the next measurement needs.
 *
 * <p>Docs: docs/performance.md#measuring-bench
 */
public final class Children {
    private Children() {}

    /**
     * Starts {@code builder}'s process, which is destroyed, with every process it started in turn, if this JVM shuts
     * down before it has ended.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        var hook = new Thread(() -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }, "stop " + builder.command().get(0));
        Runtime.getRuntime().addShutdownHook(hook);
        p.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, and finds the process ended
            }
        });
        return p;
    }
}
