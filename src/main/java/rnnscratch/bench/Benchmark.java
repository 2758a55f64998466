package rnnscratch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import rnnscratch.tensor.Kernel;
import rnnscratch.tensor.Parallel;
import rnnscratch.text.CorpusText;
import rnnscratch.text.Preprocess;

/**
 * The speed figures of this implementation next to the book's PyTorch code, measured in one run on the same machine
 * and printed as tables: what the command line's {@code bench} shows.
 *
 * <ol>
 *   <li>GFLOPS of the three training products ({@link KernelBench}) on 1 and 2 threads, and NumPy/OpenBLAS float64
 *       on 2 threads when {@code python} has NumPy;</li>
 *   <li>training tokens per second at the book's setting ({@link TrainingBench}), interleaved with the book's
 *       {@code d2l_rnn.py} in float64 and float32 on one thread (Java, torch, Java, torch, …), with medians and
 *       ratios.</li>
 * </ol>
 * Speed is never asserted in a unit test (the machine is noisy); this class prints figures.
 *
 * <p>Docs: docs/performance.md
 */
public final class Benchmark {
    private Benchmark() {}

    /**
     * The GFLOPS table of the three training products ({@link KernelBench}): 1 and 2 threads, NumPy on 2 threads
     * (unless {@code noReference} says why not), and the vector kernel on 2 threads when this JVM has it.
     */
    public static void kernel(PrintStream out, ReferenceRunner runner, Optional<String> noReference) {
        out.println();
        out.println("matmul GFLOPS (median of 15 repeats of ~1 GFLOP, after warm-up)");
        List<Double> numpy = List.of();
        if (noReference.isEmpty()) {
            try {
                numpy = runner.numpyGflops(2);
            } catch (IOException e) {
                out.println("  (NumPy skipped: " + e.getMessage() + ")");
            }
        }
        boolean vector = Kernel.vectorApiAvailable();
        out.printf(Locale.ROOT, "  %-22s %9s %9s %12s %11s %12s %11s%n", "product", "1 thread", "2 threads",
                "NumPy 2 thr", "Java/NumPy", "vector 2 thr", "vector/NumPy");
        var products = KernelBench.products();
        for (int p = 0; p < products.size(); p++) {
            var product = products.get(p);
            double one = KernelBench.gflops(product, 1);
            double two = KernelBench.gflops(product, 2);
            double vec = vector ? withVector(() -> KernelBench.gflops(product, 2)) : Double.NaN;
            double np = numpy.size() == products.size() ? numpy.get(p) : Double.NaN;
            out.printf(Locale.ROOT, "  %-22s %9.1f %9.1f %12s %11s %12s %11s%n", product.name(), one, two,
                    figure(np), percent(two, np), figure(vec), percent(vec, np));
        }
    }

    private static double withVector(Supplier<Double> measure) {
        return Kernel.using(Kernel.Choice.VECTOR, Parallel.threads(), measure);
    }

    private static String figure(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.1f", x);
    }

    private static String percent(double x, double of) {
        return Double.isNaN(x) || Double.isNaN(of) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * x / of);
    }

    /**
     * Training tokens per second at the book's setting on {@code file}: one warm-up epoch per configuration, then
     * {@code rounds} interleaved rounds of Java (2 threads, 1 thread, the vector kernel when available) and the
     * book's PyTorch code (float64, float32), each timed over {@code epochs} epochs; then the medians and ratios.
     *
     * @param file        a UTF-8 text both Java and the Python script can read
     * @param noReference why PyTorch is left out; empty to include it
     */
    public static void training(PrintStream out, ReferenceRunner runner, Optional<String> noReference, Path file,
            int rounds, int epochs) {
        var lines = CorpusText.fromFile(file).lines(Preprocess.D2L);
        var bench = new TrainingBench(lines);
        out.println();
        out.printf(Locale.ROOT, "training tokens/s at the book's setting (H 512, batch 32, 35 steps, %s), median of %d"
                + " epochs per measurement%n", file, epochs);
        noReference.ifPresent(why -> out.println("  (PyTorch skipped: " + why + ")"));
        boolean vector = Kernel.vectorApiAvailable();
        bench.tokensPerSec(2, 2);
        bench.tokensPerSec(1, 1);
        if (vector) {
            withVector(() -> bench.tokensPerSec(2, 2));
        }
        var java2 = new ArrayList<Double>();
        var java1 = new ArrayList<Double>();
        var vector2 = new ArrayList<Double>();
        var torch64 = new ArrayList<Double>();
        var torch32 = new ArrayList<Double>();
        for (int r = 1; r <= rounds; r++) {
            java2.add(bench.tokensPerSec(epochs, 2));
            java1.add(bench.tokensPerSec(epochs, 1));
            var line = new StringBuilder(String.format(Locale.ROOT, "  round %d: Java 2 threads %,.0f, 1 thread %,.0f",
                    r, java2.get(r - 1), java1.get(r - 1)));
            if (vector) {
                vector2.add(withVector(() -> bench.tokensPerSec(epochs, 2)));
                line.append(String.format(Locale.ROOT, ", vector 2 threads %,.0f", vector2.get(r - 1)));
            }
            if (noReference.isEmpty()) {
                try {
                    torch64.add(runner.trainingTokensPerSec(file, "float64", epochs));
                    torch32.add(runner.trainingTokensPerSec(file, "float32", epochs));
                    line.append(String.format(Locale.ROOT, ", PyTorch float64 %,.0f, float32 %,.0f",
                            torch64.get(r - 1), torch32.get(r - 1)));
                } catch (IOException e) {
                    line.append(" (PyTorch failed: ").append(e.getMessage()).append(')');
                }
            }
            out.println(line);
        }
        double j2 = KernelBench.median(java2);
        out.printf(Locale.ROOT, "  median tokens/s: Java 2 threads %,.0f, Java 1 thread %,.0f%s%n", j2,
                KernelBench.median(java1), vector ? String.format(Locale.ROOT, ", vector 2 threads %,.0f",
                        KernelBench.median(vector2)) : "");
        if (!torch64.isEmpty()) {
            double t64 = KernelBench.median(torch64);
            double t32 = KernelBench.median(torch32);
            out.printf(Locale.ROOT, "  median tokens/s: PyTorch 1 thread float64 %,.0f, float32 %,.0f%n", t64, t32);
            out.printf(Locale.ROOT, "  Java (plain, 2 threads) / PyTorch float64: %.2fx  (target >= 1.0x: %s)%n",
                    j2 / t64, j2 >= t64 ? "met" : "not met");
            if (vector) {
                double v2 = KernelBench.median(vector2);
                out.printf(Locale.ROOT, "  Java (vector, 2 threads) / PyTorch float32: %.2fx  (stretch >= 1.0x: %s)%n",
                        v2 / t32, v2 >= t32 ? "met" : "not met");
            }
        }
        out.printf(Locale.ROOT, "  500 epochs (4.48 M tokens) at %,.0f tokens/s: %.1f minutes%n", j2,
                500 * 8960 / j2 / 60);
    }
}
