package rnnscratch.cli;

import static rnnscratch.cli.Flag.Kind.PATH;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import rnnscratch.UserException;
import rnnscratch.bench.Benchmark;
import rnnscratch.bench.BookRun;
import rnnscratch.bench.ReferenceRunner;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.text.BundledCorpus;
import rnnscratch.text.CorpusTooShortException;

/**
 * {@code bench}: the speed figures of this implementation next to the book's PyTorch code, measured in one run on
 * the same machine by {@link Benchmark}. This class reads the flags and finds the corpus; the measuring lives in the
 * {@code bench} package.
 *
 * <p>Docs: docs/performance.md
 */
public final class BenchCommand {
    /** The corpus when {@code --corpus} is not given; the bundled text stands in when it is missing. */
    static final String DEFAULT_CORPUS = "../shared/data/timemachine.txt";

    /** The command and its flags. */
    public static final CommandSpec SPEC = new CommandSpec("bench",
            "The machine's FMA peak, matmul GFLOPS (plain and vector kernel, NumPy when available), PyTorch's "
                    + "fastest CPU setting, training tokens/s of the README's book command (its own JVM) "
                    + "interleaved with the book's PyTorch code, its 500-epoch prediction, thread scaling, where a "
                    + "training step's time goes, and the targets of issue 23.", List.of(
                    Flag.of("--corpus", "PATH", DEFAULT_CORPUS, "text to train on (the bundled "
                            + "text when this file is missing)", PATH),
                    Flag.count("--rounds", 3, 100, "interleaved rounds of Java and PyTorch"),
                    Flag.count("--epochs", 4, 100, "epochs timed per measurement, after one warm-up epoch"),
                    Flag.count("--book-epochs", BookRun.ROUND_EPOCHS, 500, "epochs of each run of the README's book "
                            + "command (in its own JVM); its last 10 give its speed and its 500-epoch prediction"),
                    Flag.toggle("--book", "also run the README's book command for all 500 epochs and print it "
                            + "beside the prediction (minutes)"),
                    Flag.of("--python", "PATH", "/usr/bin/python3", "interpreter with torch and numpy", PATH),
                    Flag.of("--reference", "FILE", "../shared/reference/d2l_rnn.py", "the book's code", PATH),
                    Flag.toggle("--no-torch", "skip the PyTorch and NumPy comparisons"),
                    Flag.toggle("--kernel-only", "only the machine, its FMA peak and the matmul figures")));

    private BenchCommand() {}

    /**
     * Runs the benchmark with {@code argv} (the flags after the command word).
     *
     * @return the exit code
     * @throws UserException for a bad flag
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = SPEC.parse(argv);
        if (args.help()) {
            out.print(SPEC.help());
            return 0;
        }
        Path python = args.path("--python").orElseThrow();
        Path reference = args.path("--reference").orElseThrow();
        boolean torch = !args.isGiven("--no-torch");
        var runner = new ReferenceRunner(python, reference);
        Optional<String> noReference = torch ? runner.unavailableBecause() : Optional.of("--no-torch");
        if (!Kernel.vectorApiAvailable()) {
            out.println("(the vector kernel and the FMA peak need the Vector API: run java --add-modules "
                    + "jdk.incubator.vector -jar target/rnn-scratch.jar bench)");
        }
        if (args.intValue("--book-epochs") < 2) {
            throw new UserException("--book-epochs must be at least 2: the book command's speed is taken from the "
                    + "epochs after its first");
        }
        Path corpus = args.isGiven("--kernel-only") ? Path.of("")
                : corpusFile(args.path("--corpus").orElseThrow(), args.isGiven("--corpus"), out);
        try {
            Benchmark.run(out, runner, noReference, new Benchmark.Options(corpus, args.intValue("--rounds"),
                    args.intValue("--epochs"), args.isGiven("--kernel-only"), args.intValue("--book-epochs"),
                    args.isGiven("--book"), Path.of("target", "bench"), new BookCommand()));
        } catch (CorpusTooShortException e) {
            throw new UserException(e.problem() + ": bench trains at the book's setting (32 sequences of 35 "
                    + "tokens a minibatch): give --corpus a longer text", e);
        }
        return 0;
    }

    /**
     * The corpus as a file both Java and the Python script can read: the file given, or, when the default one is
     * missing, the bundled text copied out.
     */
    private static Path corpusFile(Path corpus, boolean given, PrintStream out) {
        if (Files.isRegularFile(corpus)) {
            return corpus;
        }
        if (given || Files.exists(corpus)) {
            throw new UserException("--corpus " + corpus + (Files.isDirectory(corpus) ? " is a folder" : Files.exists(
                    corpus) ? " is not a regular file" : " does not exist") + ": give a text file, or leave --corpus "
                    + "out to use " + DEFAULT_CORPUS + " (the bundled text when it is missing)");
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
}
