package rnnscratch.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during training: instead of dying mid-step, the run stops after the current minibatch, saves its
 * checkpoint (with {@code --save}), writes its plot and prints its summary, then the program exits.
 *
 * <p>How: a shutdown hook (run by the JVM on SIGINT or SIGTERM) sets a flag that the training loop polls between
 * minibatches ({@link rnnscratch.train.EpochListener#stopRequested()}), then waits, at most
 * {@value #WAIT_SECONDS} s, until the run calls {@link #close()} to say it has finished. Use it with
 * try-with-resources around the training and its outputs.
 *
 * <p>Docs: docs/command-line.md
 */
final class CtrlC implements AutoCloseable {
    /** How long the hook waits for the run to save and finish before the JVM exits anyway. */
    static final int WAIT_SECONDS = 30;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(PrintStream err) {
        hook = new Thread(() -> {
            press();
            err.println();
            err.println("rnn-scratch: stopping after this minibatch (saving first if --save was given and an epoch "
                    + "has finished)...");
            err.flush();
            try {
                if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    err.println("rnn-scratch: the run did not finish its minibatch and its outputs within "
                            + WAIT_SECONDS + " s of the stop, so it stops without them: --save, --plot and --report "
                            + "were not written (--metrics holds the epochs that ended); a smaller model's minibatches "
                            + "end sooner");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rnn-scratch-ctrl-c");
    }

    /** Installs the hook; messages go to {@code err}. */
    static CtrlC install(PrintStream err) {
        var ctrlC = new CtrlC(err);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /** What Ctrl-C does first: asks the run to stop after its current minibatch (the hook calls it; so may a test). */
    void press() {
        stop.set(true);
    }

    /** Whether Ctrl-C was pressed. */
    boolean stopRequested() {
        return stop.get();
    }

    /** The run has finished: let the JVM exit, or remove the hook if nobody pressed Ctrl-C. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C was pressed): the hook is running and now returns.
        }
    }
}
