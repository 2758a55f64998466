package rnnscratch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rnnscratch.UserException;
import rnnscratch.bench.Benchmark;
import rnnscratch.bench.ReferenceRunner;
import rnnscratch.tensor.Kernel;
import rnnscratch.tensor.Parallel;
import rnnscratch.text.BundledCorpus;

/**
 * {@code bench}: the speed figures of this implementation next to the book's PyTorch code, measured in one run on
 * the same machine by {@link Benchmark}. This class reads the flags and finds the corpus; the measuring lives in the
 * {@code bench} package.
 *
 * <p>Docs: docs/performance.md
 */
public final class BenchCommand {
    static final String USAGE = """
            usage: bench [--corpus PATH] [--rounds 3] [--epochs 4] [--python /usr/bin/python3]
                         [--reference ../shared/reference/d2l_rnn.py] [--no-torch] [--kernel-only]
              Prints matmul GFLOPS (1 and 2 threads, and NumPy when available) and training tokens/s at the book's
              setting, interleaved with the book's PyTorch code when python can import torch.
              --corpus PATH   text to train on (default ../shared/data/timemachine.txt if present, else the bundled text)
              --rounds N      interleaved rounds of Java and PyTorch (default 3)
              --epochs N      epochs timed per measurement, after one warm-up epoch (default 4)
              --python PATH   interpreter with torch and numpy (default /usr/bin/python3)
              --reference F   the book's code (default ../shared/reference/d2l_rnn.py)
              --no-torch      skip the PyTorch and NumPy comparisons
              --kernel-only   only the matmul figures""";

    private BenchCommand() {}

    /**
     * Runs the benchmark.
     *
     * @return the exit code
     * @throws UserException for a bad flag
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path corpus = Path.of("../shared/data/timemachine.txt");
        Path python = Path.of("/usr/bin/python3");
        Path reference = Path.of("../shared/reference/d2l_rnn.py");
        int rounds = 3;
        int epochs = 4;
        boolean torch = true;
        boolean kernelOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--no-torch" -> torch = false;
                case "--kernel-only" -> kernelOnly = true;
                case "--corpus" -> corpus = Path.of(value(args, ++i, flag));
                case "--python" -> python = Path.of(value(args, ++i, flag));
                case "--reference" -> reference = Path.of(value(args, ++i, flag));
                case "--rounds" -> rounds = positive(value(args, ++i, flag), flag);
                case "--epochs" -> epochs = positive(value(args, ++i, flag), flag);
                default -> throw new UserException("unknown flag " + flag + " for bench (see: bench --help)");
            }
        }
        var runner = new ReferenceRunner(python, reference);
        Optional<String> noReference = torch ? runner.unavailableBecause() : Optional.of("--no-torch");
        out.printf(Locale.ROOT, "rnn-scratch bench: %d cores, Java %s, %d threads by default%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Parallel.threads());
        Benchmark.kernel(out, runner, noReference);
        if (!Kernel.vectorApiAvailable()) {
            out.println("  (vector kernel: run with java --add-modules jdk.incubator.vector -jar ... to include it)");
        }
        if (!kernelOnly) {
            Benchmark.training(out, runner, noReference, corpusFile(corpus, out), rounds, epochs);
        }
        return 0;
    }

    /** The corpus as a file both Java and the Python script can read (the bundled text is copied out if needed). */
    private static Path corpusFile(Path corpus, PrintStream out) {
        if (Files.isRegularFile(corpus)) {
            return corpus;
        }
        try {
            Path tmp = Files.createTempFile("rnn-scratch-bench", ".txt");
            tmp.toFile().deleteOnExit();
            Files.writeString(tmp, BundledCorpus.load("bench").text());
            out.println("(" + corpus + " not found: benchmarking on the bundled corpus)");
            return tmp;
        } catch (IOException e) {
            throw new UserException("cannot write a temporary copy of the bundled corpus: " + e.getMessage());
        }
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new UserException(flag + " needs a value (see: bench --help)");
        }
        return args.get(i);
    }

    private static int positive(String text, String flag) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException(flag + " expects a whole number >= 1, got '" + text + "'");
    }
}
