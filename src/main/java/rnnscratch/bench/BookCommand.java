package rnnscratch.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The README's book command, run as the user runs it: a JVM of its own with the README's options, the {@code train}
 * command at the book's setting, its per-epoch figures read back from the {@code --metrics} file it writes. The bench
 * takes its training figures from here, so that what it reports — and calls "met" — is what the user's command gets.
 *
 * <p>A run of {@code n} epochs predicts the book's 500: its wall time, plus {@code 500 − n} times the mean wall time
 * of its last ten epochs (a whole period of the samples the run prints every ten epochs). JVM start, the JIT's
 * warm-up, loading the corpus and the end of the run are in the wall time once, as in the real run.
 *
 * <p>Docs: docs/performance.md
 */
public final class BookCommand {
    /**
     * The JVM options of the README's book command, in its order. {@code BookCommandTest} checks that the README's
     * command has exactly these.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:ObjectAlignmentInBytes=64",
            "-Xmx128m", "-Xmn96m", "-XX:SurvivorRatio=3");
    /** The book's number of epochs. */
    public static final int BOOK_EPOCHS = 500;
    /** Epochs whose mean time per epoch predicts the rest: one period of the samples printed every ten epochs. */
    static final int WINDOW = 10;

    private BookCommand() {}

    /** Which kernel the command runs with: the README's (plain, the default) or the opt-in Vector API one. */
    public enum Kernel {
        PLAIN, VECTOR
    }

    /**
     * One run of the command.
     *
     * @param wallSeconds    from starting the JVM to its exit
     * @param elapsed        seconds since training started, at the end of each epoch (the metrics' {@code elapsed_s})
     * @param tokensPerSec   each epoch's training speed (the metrics' {@code tokens_per_sec}, the book's timer)
     * @param perplexity     the last epoch's perplexity
     * @param peakRssMb      the process's peak resident memory, when {@code /usr/bin/time} could tell
     */
    public record Run(double wallSeconds, List<Double> elapsed, List<Double> tokensPerSec, double perplexity,
            OptionalDouble peakRssMb) {
        /** Copies. */
        public Run {
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

        /** The predicted wall time of the same command run for {@code epochs} epochs. */
        public double predictSeconds(int epochs) {
            return wallSeconds + (epochs - epochs()) * steadyEpochSeconds();
        }
    }

    /**
     * The command line: {@code java <README's options> -jar rnn-scratch.jar train --corpus … --epochs … --metrics …}
     * (or {@code -cp classes rnnscratch.cli.Main} when the code runs from a folder of classes), with
     * {@code --kernel vector} and the module it needs for {@link Kernel#VECTOR}.
     */
    static List<String> command(Path java, Path code, Path corpus, int epochs, Path metrics, Kernel kernel) {
        var cmd = new ArrayList<String>();
        cmd.add(java.toString());
        cmd.addAll(JVM_OPTIONS);
        if (kernel == Kernel.VECTOR) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        if (code.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", code.toString()));
        } else {
            cmd.addAll(List.of("-cp", code.toString(), "rnnscratch.cli.Main"));
        }
        cmd.addAll(List.of("train", "--corpus", corpus.toString(), "--epochs", String.valueOf(epochs), "--metrics",
                metrics.toString()));
        if (kernel == Kernel.VECTOR) {
            cmd.addAll(List.of("--kernel", "vector"));
        }
        return cmd;
    }

    /**
     * Runs the command for {@code epochs} epochs (at least 2) on {@code corpus}, in {@code scratch}.
     *
     * @throws IOException when it cannot start, fails, or writes no metrics; the message has its output's last line
     */
    public static Run run(Path corpus, int epochs, Kernel kernel, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path metrics = scratch.resolve("book-metrics.csv");
        Path log = scratch.resolve("book-output.txt");
        Path rss = scratch.resolve("book-rss.txt");
        Files.deleteIfExists(metrics);
        Files.deleteIfExists(rss);
        var cmd = command(Path.of(System.getProperty("java.home"), "bin", "java"), code(), corpus, epochs, metrics,
                kernel);
        Path time = Path.of("/usr/bin/time");
        if (Files.isExecutable(time)) {
            cmd.addAll(0, List.of(time.toString(), "-f", "%M", "-o", rss.toString()));
        }
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (code != 0 || !Files.isRegularFile(metrics)) {
            var lines = Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.<String>of();
            throw new IOException("the book command exited with " + code + ": "
                    + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)));
        }
        return parse(wall, Files.readAllLines(metrics, StandardCharsets.UTF_8), readRss(rss));
    }

    /** A run from its wall time and the lines of its metrics file ({@code epoch,perplexity,tokens_per_sec,offset,elapsed_s}). */
    static Run parse(double wallSeconds, List<String> metrics, OptionalDouble peakRssMb) throws IOException {
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
        return new Run(wallSeconds, elapsed, speed, perplexity, peakRssMb);
    }

    /** {@code 3.4 minutes (204 s)}. */
    public static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.2f minutes (%.0f s)", seconds / 60, seconds);
    }

    private static OptionalDouble readRss(Path rss) {
        try {
            if (Files.isRegularFile(rss)) {
                var lines = Files.readAllLines(rss, StandardCharsets.UTF_8);
                Optional<String> kb = lines.stream().map(String::strip).filter(l -> l.matches("\\d+")).findFirst();
                if (kb.isPresent()) {
                    return OptionalDouble.of(Long.parseLong(kb.get()) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no figure: said as "not measured"
        }
        return OptionalDouble.empty();
    }

    /** This program's jar, or its folder of classes. */
    private static Path code() throws IOException {
        try {
            return Path.of(BookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("cannot tell where this program's classes are: " + e.getMessage());
        }
    }
}
