package rnnscratch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One run of the README's book command in a JVM of its own, as {@code bench} measures it: its wall time, each
 * epoch's end and speed from the metrics file it wrote, its last perplexity and its peak memory. The command line
 * makes the run ({@link Runner}); this class reads it.
 *
 * <p>A run of {@code n} epochs predicts the book's 500: its wall time, plus {@code 500 − n} times the mean wall time
 * of its last ten epochs (a whole period of the samples the run prints every ten epochs). JVM start, the JIT's
 * warm-up, loading the corpus and the end of the run are in the wall time once, as in the real run.
 *
 * <p>{@code bench} runs the command for {@link #ROUND_EPOCHS} epochs, so that those last ten come after the JIT has
 * settled. The sample of text that {@code trainCh8} prints after epoch 10 takes a path of the kernel that training
 * never took (one-row products), and the JIT throws away its compiled code of the products and compiles it again
 * ({@code -XX:+PrintCompilation}: {@code Products::mm}, {@code Ops::mm} and {@code Parallel::forBlocks} "made not
 * entrant" right after the sample, recompiled over the next epochs). Epochs 11–20 ran at 0.91–0.95 of the speed of
 * epochs 31–50, epochs 21–30 at 0.99–1.04 (five runs of 50 or 60 epochs), so a window of epochs 11–20 gave a speed
 * 5–9% too low and a 500-epoch prediction as much too long. {@link #settlingRatio()} shows it in every run.
 *
 * <p>Docs: docs/performance.md#tenth-round-the-bench-waits-for-the-jit
 *
 * @param wallSeconds  from starting the JVM to its exit
 * @param elapsed      seconds since training started, at the end of each epoch (the metrics' {@code elapsed_s})
 * @param tokensPerSec each epoch's training speed (the metrics' {@code tokens_per_sec}, the book's timer)
 * @param perplexity   the last epoch's perplexity
 * @param peakRssMb    the process's peak resident memory in MB of 10⁶ bytes, when the system could tell
 * @param kernel       the matrix kernel the command said it ran ({@code vector} or {@code plain}, from its
 *                     {@code kernel: …} line); empty when it did not say
 */
public record BookRun(double wallSeconds, List<Double> elapsed, List<Double> tokensPerSec, double perplexity,
        OptionalDouble peakRssMb, String kernel) {
    /** The book's number of epochs. */
    public static final int BOOK_EPOCHS = 500;
    /** Epochs whose mean time per epoch predicts the rest: one period of the samples printed every ten epochs. */
    public static final int WINDOW = 10;
    /**
     * Epochs of each of {@code bench}'s runs of the book command: its last {@link #WINDOW}, 21–30, come after the JIT
     * has compiled again what the first sample, after epoch 10, made it throw away.
     */
    public static final int ROUND_EPOCHS = 30;
    /**
     * Epochs of one stretch of a long run ({@link #stretchSpeeds}): 20 stretches in the book's 500 epochs, about 8 s
     * each at 28,000 tokens/s.
     */
    public static final int STRETCH = 25;

    /** Runs the book command: the command line's. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs the README's book command for {@code epochs} epochs on {@code corpus}, writing in {@code scratch}.
         *
         * @param plainKernel with {@code --kernel plain} instead of the README's default ({@code auto}: the vector
         *                    kernel where the CPU has AVX-512)
         * @throws IOException when it cannot start or fails; the message says why
         */
        BookRun run(Path corpus, int epochs, boolean plainKernel, Path scratch) throws IOException;
    }

    /** Copies. */
    public BookRun {
        elapsed = List.copyOf(elapsed);
        tokensPerSec = List.copyOf(tokensPerSec);
    }

    /** Epochs run. */
    public int epochs() {
        return elapsed.size();
    }

    /** The mean wall time of an epoch over the last {@link #WINDOW} epochs (all but the first, if fewer). */
    public double steadyEpochSeconds() {
        int n = epochs();
        int from = Math.max(1, n - WINDOW);
        return (elapsed.get(n - 1) - elapsed.get(from - 1)) / (n - from);
    }

    /** The training speed of the steady epochs (median of the last {@link #WINDOW}, the book's timer). */
    public double steadyTokensPerSec() {
        int n = epochs();
        return KernelBench.median(tokensPerSec.subList(Math.max(1, n - WINDOW), n));
    }

    /**
     * The speed of the {@link #WINDOW} epochs before the last ten over that of the last ten (their medians): below 1
     * while the JIT was still compiling; NaN for a run too short to have them (fewer than 2·{@link #WINDOW} + 1).
     */
    public double settlingRatio() {
        int n = epochs();
        if (n < 2 * WINDOW + 1) {
            return Double.NaN;
        }
        return KernelBench.median(tokensPerSec.subList(n - 2 * WINDOW, n - WINDOW)) / steadyTokensPerSec();
    }

    /**
     * The training speed of each whole stretch of {@link #STRETCH} epochs after the first (the median of its epochs'
     * tokens/s, the book's timer): how the machine's speed changed during a long run. The first stretch, with the
     * JIT's warm-up, is left out; empty for a run of fewer than two stretches.
     */
    public List<Double> stretchSpeeds() {
        var speeds = new ArrayList<Double>();
        for (int from = STRETCH; from + STRETCH <= epochs(); from += STRETCH) {
            speeds.add(KernelBench.median(tokensPerSec.subList(from, from + STRETCH)));
        }
        return List.copyOf(speeds);
    }

    /** The predicted wall time of the same command run for {@code epochs} epochs. */
    public double predictSeconds(int epochs) {
        return wallSeconds + (epochs - epochs()) * steadyEpochSeconds();
    }

    /**
     * A run from its wall time and the lines of its metrics file
     * ({@code epoch,perplexity,tokens_per_sec,offset,elapsed_s}).
     *
     * @throws IOException for a short row, or fewer than two epochs
     */
    public static BookRun parse(double wallSeconds, List<String> metrics, OptionalDouble peakRssMb) throws IOException {
        return parse(wallSeconds, metrics, peakRssMb, List.of());
    }

    /**
     * {@link #parse(double, List, OptionalDouble)}, with the kernel read from the command's output: the first word
     * after {@code kernel: } on the line {@code train} prints before training.
     */
    public static BookRun parse(double wallSeconds, List<String> metrics, OptionalDouble peakRssMb,
            List<String> output) throws IOException {
        String kernel = output.stream().filter(l -> l.startsWith("kernel: ")).findFirst()
                .map(l -> l.substring("kernel: ".length()).split("[ ,]")[0]).orElse("");
        var elapsed = new ArrayList<Double>();
        var speed = new ArrayList<Double>();
        double perplexity = Double.NaN;
        for (String line : metrics.subList(Math.min(1, metrics.size()), metrics.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 5) {
                throw new IOException("the book command's metrics have a short row: " + line);
            }
            perplexity = Double.parseDouble(f[1]);
            speed.add(Double.parseDouble(f[2]));
            elapsed.add(Double.parseDouble(f[4]));
        }
        if (elapsed.size() < 2) {
            throw new IOException("the book command's metrics hold " + elapsed.size() + " epoch(s); at least 2 are "
                    + "needed");
        }
        return new BookRun(wallSeconds, elapsed, speed, perplexity, peakRssMb, kernel);
    }

    /** {@code 3.40 minutes (204 s)}. */
    public static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.2f minutes (%.0f s)", seconds / 60, seconds);
    }
}
