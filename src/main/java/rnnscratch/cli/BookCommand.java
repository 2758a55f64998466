package rnnscratch.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import rnnscratch.bench.BookRun;
import rnnscratch.bench.Children;

/**
 * The README's book command, run as the user runs it, for {@code bench}: a JVM of its own with the README's options,
 * the {@code train} command at the book's setting, its per-epoch figures read back from the {@code --metrics} file it
 * writes ({@link BookRun}). The bench takes its training figures from here, so that what it reports — and calls
 * "met" — is what the user's command gets.
 *
 * <p>Docs: docs/performance.md
 */
public final class BookCommand implements BookRun.Runner {
    /**
     * The JVM options of the README's book command, in its order. {@code BookCommandTest} checks that the README's
     * command has exactly these.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:ObjectAlignmentInBytes=64",
            "-Xmx112m", "-Xmn80m", "-XX:SurvivorRatio=3", "-XX:TrimNativeHeapInterval=5000", "--add-modules",
            "jdk.incubator.vector");

    @Override
    public BookRun run(Path corpus, int epochs, boolean plainKernel, Path scratch) throws IOException {
        return run(corpus, epochs, plainKernel ? Kernel.PLAIN : Kernel.README, scratch);
    }

    /**
     * Which kernel the command runs with: the README's command as written ({@code --kernel auto}, the default: the
     * vector kernel where the CPU has AVX-512), or the same with {@code --kernel plain}, for comparison.
     */
    enum Kernel {
        README, PLAIN
    }

    /**
     * The command line: {@code java <README's options> -jar rnn-scratch.jar train --corpus … --epochs … --metrics …}
     * (or {@code -cp classes rnnscratch.cli.Main} when the code runs from a folder of classes), with
     * {@code --kernel plain} for {@link Kernel#PLAIN}.
     */
    static List<String> command(Path java, Path code, Path corpus, int epochs, Path metrics, Kernel kernel) {
        var cmd = new ArrayList<String>();
        cmd.add(java.toString());
        cmd.addAll(JVM_OPTIONS);
        if (code.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", code.toString()));
        } else {
            cmd.addAll(List.of("-cp", code.toString(), "rnnscratch.cli.Main"));
        }
        cmd.addAll(List.of("train", "--corpus", corpus.toString(), "--epochs", String.valueOf(epochs), "--metrics",
                metrics.toString()));
        if (kernel == Kernel.PLAIN) {
            cmd.addAll(List.of("--kernel", "plain"));
        }
        return cmd;
    }

    /**
     * Runs the command for {@code epochs} epochs (at least 2) on {@code corpus}, in {@code scratch}.
     *
     * @throws IOException when it cannot start, fails, or writes no metrics; the message has its output's last line
     */
    static BookRun run(Path corpus, int epochs, Kernel kernel, Path scratch) throws IOException {
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
        Process p = Children.start(pb);
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
        return BookRun.parse(wall, Files.readAllLines(metrics, StandardCharsets.UTF_8), readRss(rss),
                Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private static OptionalDouble readRss(Path rss) {
        try {
            if (Files.isRegularFile(rss)) {
                var lines = Files.readAllLines(rss, StandardCharsets.UTF_8);
                Optional<String> kb = lines.stream().map(String::strip).filter(l -> l.matches("\\d+")).findFirst();
                if (kb.isPresent()) {
                    return OptionalDouble.of(megabytes(Long.parseLong(kb.get())));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no figure: said as "not measured"
        }
        return OptionalDouble.empty();
    }

    /**
     * {@code /usr/bin/time}'s peak resident set ({@code %M}, in KiB) in MB of 10⁶ bytes, the unit of the target
     * "peak RSS ≤ 200 MB": 195,312 KiB is 200 MB.
     */
    static double megabytes(long kib) {
        return kib * 1024 / 1e6;
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
