package rnnscratch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import rnnscratch.bench.ReferenceRunner.Setting;
import rnnscratch.report.RunRecorder;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.tensor.kernel.Parallel;
import rnnscratch.tensor.kernel.ProductTimes;
import rnnscratch.text.CorpusText;
import rnnscratch.text.Preprocess;

/**
 * The speed figures of this implementation next to the book's PyTorch code, measured in one run on one machine, and
 * the targets of issues 12 and 23 judged from them: what the command line's {@code bench} prints.
 *
 * <ol>
 *   <li>the machine: CPU model, cores, vector unit, the Vector API's vector width, the JDK;</li>
 *   <li>the machine's double-precision FMA peak on 1 thread and on the default threads ({@link FmaPeak});</li>
 *   <li>GFLOPS of the three training products ({@link KernelBench}) with the plain and the vector kernel, NumPy's
 *       for comparison, and each as a share of the peak;</li>
 *   <li>PyTorch's fastest CPU setting for the book's code, found by trying each candidate
 *       ({@link ReferenceRunner#settings}) once per dtype and keeping the {@link #KEPT} fastest, which every round
 *       measures again, taking the faster;</li>
 *   <li>training tokens per second at the book's setting in interleaved rounds: the README's book command itself,
 *       in its own JVM with the README's options ({@link BookRun}; {@code --kernel auto}, so the vector kernel on
 *       AVX-512, and then once more forced to the plain kernel for comparison), its 500-epoch prediction; in this
 *       JVM ({@link TrainingBench}), the plain kernel on the default threads and on one, the vector kernel, the plain
 *       kernel while a run report's recorder follows every minibatch as {@code train --report} does; and the book's
 *       code at its fastest settings;</li>
 *   <li>tokens per second for 1, 2, 4, … threads up to the cores, the training step as a share of the peak, where
 *       the time of training goes (each product shape's share and GFLOPS inside training, the collections', the
 *       rest's: {@link ProductTimes}), and a check that one thread and the default threads train to the same
 *       bits;</li>
 *   <li>the targets, each with its figure and "met" or "not met", and what {@code --report} adds to a 20-epoch run
 *       (issue 15).</li>
 * </ol>
 * Speed is never asserted in a unit test (the machine is noisy); this class prints figures.
 *
 * <p>Docs: docs/performance.md
 */
public final class Benchmark {
    /** Epochs per candidate while looking for PyTorch's fastest setting (after one warm-up epoch). */
    private static final int SEARCH_EPOCHS = 2;
    /**
     * PyTorch settings per dtype kept from the search and measured again in every round, the faster taken: one try
     * each in the search is noisy on a shared machine, and a peer must be compared at its fastest.
     */
    static final int KEPT = 2;
    /** Minibatches trained for the bit-identity check. */
    private static final int CHECK_MINIBATCHES = 3;
    /** Epochs of the run whose time {@code --report} must not lengthen by 5% or more (issue 15). */
    private static final int REPORT_EPOCHS = 20;
    /**
     * A long run whose fastest stretch is more than this times its slowest ran on a machine whose speed changed: a
     * prediction from three samples of 10 epochs may then fall on a fast or a slow stretch and miss by over 10%.
     */
    static final double CHANGING_SPEED = 1.2;

    /**
     * What to run.
     *
     * @param corpus     a UTF-8 text both Java and the Python script can read
     * @param rounds     interleaved rounds of Java and PyTorch
     * @param epochs     epochs timed per measurement
     * @param kernelOnly only the machine, the peak and the product table
     * @param bookEpochs epochs of each run of the README's book command (its figures, and its 500-epoch prediction)
     * @param book       also run the book command for all 500 epochs, and print it beside the prediction
     * @param scratch    where the book command writes its metrics and output
     * @param runner     runs the book command (the command line's)
     */
    public record Options(Path corpus, int rounds, int epochs, boolean kernelOnly, int bookEpochs, boolean book,
            Path scratch, BookRun.Runner runner) {}

    /** The figures the targets are judged from; {@code NaN} where not measured. */
    private static final class Figures {
        double peak1 = Double.NaN;
        double peakT = Double.NaN;
        double plainT = Double.NaN;
        double plain1 = Double.NaN;
        double vectorT = Double.NaN;
        double recordedT = Double.NaN;
        double reportRatio = Double.NaN;
        double reportSeconds = Double.NaN;
        long tokensPerEpoch;
        double torch64 = Double.NaN;
        double torch32 = Double.NaN;
        double bookT = Double.NaN;
        double bookPlainT = Double.NaN;
        /** The kernel the README's command ({@code --kernel auto}) said it ran: its {@code kernel: …} line. */
        String bookKernel = "unknown";
        /** Whether that is the vector kernel. */
        boolean bookVector;
        double bookPredict = Double.NaN;
        /** The highest peak resident set of the rounds' short runs, MB of 10⁶ bytes. */
        double bookRss = Double.NaN;
        /** The epochs of those runs. */
        int bookEpochs;
        /** The README's command for all 500 epochs, when {@code bench --book} asked for it. */
        Optional<BookRun> whole = Optional.empty();
        /** The fastest settings of the search, fastest first (at most {@link #KEPT}), measured again in every round. */
        List<Setting> kept64 = List.of();
        List<Setting> kept32 = List.of();
        /** Which kept setting was the faster in each round. */
        List<Setting> won64 = new ArrayList<>();
        List<Setting> won32 = new ArrayList<>();
        int searched;
        Optional<Boolean> identical = Optional.empty();
        Optional<Boolean> identicalVector = Optional.empty();
    }

    private Benchmark() {}

    /**
     * Runs the benchmark and prints it to {@code out}.
     *
     * @param noReference why PyTorch and NumPy are left out; empty to include them
     */
    public static void run(PrintStream out, ReferenceRunner runner, Optional<String> noReference, Options options) {
        // the corpus first: a text too short for the book's minibatches is refused before minutes of timing
        Optional<TrainingBench> training = options.kernelOnly() ? Optional.empty()
                : Optional.of(new TrainingBench(CorpusText.fromFile(options.corpus()).lines(Preprocess.D2L)));
        var machine = Machine.here();
        int threads = Parallel.threads();
        boolean vector = Kernel.vectorApiAvailable();
        var f = new Figures();
        out.println("rnn-scratch bench: " + machine.describe());
        out.println();
        if (vector) {
            f.peak1 = FmaPeak.gflops(1, 10);
            f.peakT = threads == 1 ? f.peak1 : FmaPeak.gflops(threads, 10);
            out.printf(Locale.ROOT, "FMA peak (register-only loop of fused multiply-adds on %d-double vectors, best of "
                    + "10): 1 thread %.1f GFLOPS, %d threads %.1f GFLOPS%n", machine.vectorDoubles(), f.peak1, threads,
                    f.peakT);
            if (threads > 1 && f.peakT < 0.8 * threads * f.peak1) {
                out.printf(Locale.ROOT, "  (busy machine: %d threads reached only %.1fx one thread's peak, so other "
                        + "programs held cores; figures on %d threads below will be low)%n", threads,
                        f.peakT / f.peak1, threads);
            }
            double forShares = peakForShares(threads, f.peak1, f.peakT);
            if (forShares != f.peakT) {
                out.printf(Locale.ROOT, "  (the shares of the peak on %d threads below use %d x one thread's peak, "
                        + "%.1f GFLOPS, the larger)%n", threads, threads, forShares);
                f.peakT = forShares;
            }
            out.println("vector kernel on this CPU: " + Kernel.vectorKernelHere());
        } else {
            out.println("FMA peak: needs the Vector API (start the JVM with the module jdk.incubator.vector)");
        }
        kernel(out, runner, noReference, threads, vector, f);
        if (training.isEmpty()) {
            return;
        }
        var bench = training.get();
        if (noReference.isEmpty()) {
            searchPyTorch(out, runner, options.corpus(), machine, f);
        } else {
            out.println();
            out.println("PyTorch skipped: " + noReference.get());
        }
        training(out, runner, bench, options, threads, vector, f);
        scaling(out, bench, options.epochs(), threads, machine.cores(), vector, f);
        stepShare(out, bench, threads, vector, f);
        whereTimeGoes(out, bench, options.epochs(), threads, vector);
        out.println();
        f.identical = Optional.of(bench.bitIdentical(threads == 1 ? 2 : threads, CHECK_MINIBATCHES));
        if (vector) {
            f.identicalVector = Optional.of(checkWithVector(() -> bench.bitIdentical(threads == 1 ? 2 : threads,
                    CHECK_MINIBATCHES)));
        }
        out.printf(Locale.ROOT, "bit identity: parameters after %d minibatches on 1 thread and on %d threads: plain "
                + "kernel %s%s%n", CHECK_MINIBATCHES, threads == 1 ? 2 : threads, same(f.identical),
                f.identicalVector.map(v -> ", vector kernel " + same(Optional.of(v))).orElse(""));
        if (options.book()) {
            f.whole = wholeBook(out, options, f);
        }
        targets(out, threads, machine, f, bench.vocabSize());
    }

    private static void kernel(PrintStream out, ReferenceRunner runner, Optional<String> noReference, int threads,
            boolean vector, Figures f) {
        out.println();
        out.printf(Locale.ROOT, "matmul GFLOPS (median of 15 repeats of ~1 GFLOP, after warm-up); %% = share of the "
                + "FMA peak on as many threads%n");
        List<Double> numpy = List.of();
        if (noReference.isEmpty()) {
            try {
                numpy = runner.numpyGflops(threads, Machine.here().vectorUnit());
            } catch (IOException e) {
                out.println("  (NumPy skipped: " + e.getMessage() + ")");
            }
        }
        out.printf(Locale.ROOT, "  %-22s %14s %14s %15s %14s%n", "product", "plain 1 thr", "plain " + threads
                + " thr", "vector " + threads + " thr", "NumPy " + threads + " thr");
        var products = KernelBench.products();
        for (int p = 0; p < products.size(); p++) {
            var product = products.get(p);
            double one = Kernel.using(Kernel.Choice.PLAIN, 1, () -> KernelBench.gflops(product, 1));
            double many = Kernel.using(Kernel.Choice.PLAIN, threads, () -> KernelBench.gflops(product, threads));
            double vec = vector ? withVector(() -> KernelBench.gflops(product, threads)) : Double.NaN;
            double np = numpy.size() == products.size() ? numpy.get(p) : Double.NaN;
            out.printf(Locale.ROOT, "  %-22s %14s %14s %15s %14s%n", product.name(), share(one, f.peak1),
                    share(many, f.peakT), share(vec, f.peakT), share(np, f.peakT));
        }
    }

    private static void searchPyTorch(PrintStream out, ReferenceRunner runner, Path corpus, Machine machine,
            Figures f) {
        var settings = ReferenceRunner.settings(machine.cores(), machine.vectorUnit());
        out.println();
        out.printf(Locale.ROOT, "PyTorch's fastest CPU setting for the book's code (tokens/s, median of %d epochs after "
                + "one warm-up; OPENBLAS_L2_SIZE unset, OPENBLAS_CORETYPE unset or named), each setting tried once%n",
                SEARCH_EPOCHS);
        out.printf(Locale.ROOT, "  %-52s %10s %10s%n", "setting", "float64", "float32");
        var t64 = new HashMap<Setting, Double>();
        var t32 = new HashMap<Setting, Double>();
        for (Setting s : settings) {
            t64.put(s, torch(runner, corpus, "float64", SEARCH_EPOCHS, s, out));
            t32.put(s, torch(runner, corpus, "float32", SEARCH_EPOCHS, s, out));
            out.printf(Locale.ROOT, "  %-52s %10s %10s%n", s.describe(), tokens(t64.get(s)), tokens(t32.get(s)));
        }
        f.searched = settings.size();
        f.kept64 = fastest(settings, t64);
        f.kept32 = fastest(settings, t32);
        out.printf(Locale.ROOT, "  kept, each measured again in every round below and the faster taken there: "
                + "float64 %s; float32 %s%n", describe(f.kept64), describe(f.kept32));
    }

    /** The {@link #KEPT} settings with the most tokens/s, fastest first; those that failed left out. */
    static List<Setting> fastest(List<Setting> settings, Map<Setting, Double> tokensPerSec) {
        return settings.stream().filter(s -> !Double.isNaN(tokensPerSec.get(s)))
                .sorted(Comparator.comparingDouble((Setting s) -> tokensPerSec.get(s)).reversed())
                .limit(KEPT).toList();
    }

    private static String describe(List<Setting> kept) {
        return kept.isEmpty() ? "none ran" : String.join(" / ", kept.stream().map(Setting::describe).toList());
    }

    /**
     * PyTorch in one round at each kept setting: the most tokens/s, and the setting that gave it (NaN and the
     * first setting when none ran).
     */
    private static Peer fastestPeer(ReferenceRunner runner, Path corpus, String dtype, int epochs, List<Setting> kept,
            PrintStream out) {
        var best = new Peer(Double.NaN, kept.get(0));
        for (Setting s : kept) {
            double t = torch(runner, corpus, dtype, epochs, s, out);
            if (!Double.isNaN(t) && (Double.isNaN(best.tokensPerSec()) || t > best.tokensPerSec())) {
                best = new Peer(t, s);
            }
        }
        return best;
    }

    /** PyTorch's figure in one round, and the kept setting that gave it. */
    private record Peer(double tokensPerSec, Setting setting) {}

    /** How often each kept setting was the faster: "A in 2 of 3, B in 1 of 3". */
    private static String wins(List<Setting> kept, List<Setting> won) {
        return String.join(", ", kept.stream().map(s -> s.describe() + " in " + won.stream().filter(s::equals).count()
                + " of " + won.size()).toList());
    }

    private static double torch(ReferenceRunner runner, Path corpus, String dtype, int epochs, Setting s,
            PrintStream out) {
        try {
            return runner.trainingTokensPerSec(corpus, dtype, epochs, s);
        } catch (IOException e) {
            out.println("  (" + s.describe() + ", " + dtype + " failed: " + e.getMessage() + ")");
            return Double.NaN;
        }
    }

    private static void training(PrintStream out, ReferenceRunner runner, TrainingBench bench, Options options,
            int threads, boolean vector, Figures f) {
        int epochs = options.epochs();
        out.println();
        out.printf(Locale.ROOT, "training tokens/s at the book's setting (H %d, batch %d, %d steps, %s), median of %d "
                + "epochs per measurement, %d interleaved rounds%n", TrainingBench.HIDDENS, TrainingBench.BATCH,
                TrainingBench.STEPS, options.corpus(), epochs, options.rounds());
        bench.tokensPerSec(2, threads); // warm-up: the JIT compiles the plain kernel
        bench.tokensPerSec(1, 1);
        bench.tokensPerSec(2, threads, new RunRecorder()); // and the path that keeps the hidden states' gradients
        if (vector) {
            withVector(() -> bench.tokensPerSec(2, threads));
        }
        var plainT = new ArrayList<Double>();
        var recordedT = new ArrayList<Double>();
        var reportRatios = new ArrayList<Double>();
        var plain1 = new ArrayList<Double>();
        var vectorT = new ArrayList<Double>();
        var torch64 = new ArrayList<Double>();
        var torch32 = new ArrayList<Double>();
        var bookT = new ArrayList<Double>();
        var bookPlainT = new ArrayList<Double>();
        var bookPredict = new ArrayList<Double>();
        var bookSettling = new ArrayList<Double>();
        var bookRss = new ArrayList<Double>();
        for (int r = 1; r <= options.rounds(); r++) {
            var book = book(options, false, out);
            book.ifPresent(b -> {
                bookT.add(b.steadyTokensPerSec());
                bookPredict.add(b.predictSeconds(BookRun.BOOK_EPOCHS));
                double settling = b.settlingRatio();
                if (!Double.isNaN(settling)) {
                    bookSettling.add(settling);
                }
                b.peakRssMb().ifPresent(bookRss::add);
                if (!b.kernel().isEmpty()) {
                    f.bookKernel = b.kernel();
                }
            });
            f.bookVector = f.bookKernel.equals("vector");
            if (f.bookVector) {
                book(options, true, out).ifPresent(b -> bookPlainT.add(b.steadyTokensPerSec()));
            }
            // With and without a run report's recorder in ABBA order, so that a drift of the machine's load cancels.
            var recorder = new RunRecorder();
            if (r % 2 == 1) {
                plainT.add(bench.tokensPerSec(epochs, threads));
                recordedT.add(bench.tokensPerSec(epochs, threads, recorder));
            } else {
                recordedT.add(bench.tokensPerSec(epochs, threads, recorder));
                plainT.add(bench.tokensPerSec(epochs, threads));
            }
            reportRatios.add(last(plainT) / last(recordedT));
            if (r == options.rounds()) {
                f.reportSeconds = reportSeconds(bench, recorder, out);
            }
            plain1.add(bench.tokensPerSec(epochs, 1));
            String forcedPlain = f.bookVector ? ", forced to the plain kernel "
                    + tokens(bookPlainT.isEmpty() ? Double.NaN : last(bookPlainT)) : "";
            var line = new StringBuilder(String.format(Locale.ROOT, "  round %d: book command (%s kernel) %s%s; in "
                    + "this JVM: plain %d thr %s (recording a report %s), 1 thr %s", r, f.bookKernel,
                    tokens(book.map(BookRun::steadyTokensPerSec).orElse(Double.NaN)), forcedPlain, threads,
                    tokens(last(plainT)), tokens(last(recordedT)), tokens(last(plain1))));
            if (vector) {
                vectorT.add(withVector(() -> bench.tokensPerSec(epochs, threads)));
                line.append(String.format(Locale.ROOT, ", vector %d thr %s", threads, tokens(last(vectorT))));
            }
            if (!f.kept64.isEmpty()) {
                var peer = fastestPeer(runner, options.corpus(), "float64", epochs, f.kept64, out);
                torch64.add(peer.tokensPerSec());
                if (!Double.isNaN(peer.tokensPerSec())) {
                    f.won64.add(peer.setting());
                }
                line.append(", PyTorch float64 ").append(tokens(last(torch64)));
            }
            if (!f.kept32.isEmpty()) {
                var peer = fastestPeer(runner, options.corpus(), "float32", epochs, f.kept32, out);
                torch32.add(peer.tokensPerSec());
                if (!Double.isNaN(peer.tokensPerSec())) {
                    f.won32.add(peer.setting());
                }
                line.append(", float32 ").append(tokens(last(torch32)));
            }
            out.println(line);
        }
        f.plainT = KernelBench.median(plainT);
        f.recordedT = KernelBench.median(recordedT);
        f.reportRatio = KernelBench.median(reportRatios);
        f.tokensPerEpoch = bench.tokensPerEpoch();
        f.plain1 = KernelBench.median(plain1);
        f.vectorT = KernelBench.median(vectorT);
        f.torch64 = KernelBench.median(torch64);
        f.torch32 = KernelBench.median(torch32);
        f.bookT = KernelBench.median(bookT);
        f.bookPlainT = KernelBench.median(bookPlainT);
        f.bookPredict = KernelBench.median(bookPredict);
        f.bookRss = bookRss.isEmpty() ? Double.NaN : Collections.max(bookRss);
        f.bookEpochs = options.bookEpochs();
        out.println("  median (min-max):");
        out.printf(Locale.ROOT, "    the README's book command (its own JVM, the README's options, %s kernel, %d "
                + "epochs, the median of its last %d epochs' tokens/s): %s%s; its 500 epochs predicted: %s; peak RSS "
                + "%s%n", f.bookKernel, options.bookEpochs(), BookRun.WINDOW, spread(bookT),
                f.bookVector ? ", forced to the plain kernel " + spread(bookPlainT) : "",
                Double.isNaN(f.bookPredict) ? "-" : BookRun.minutes(f.bookPredict),
                Double.isNaN(f.bookRss) ? "not measured" : String.format(Locale.ROOT, "%.0f MB", f.bookRss));
        if (!bookSettling.isEmpty()) {
            int last = options.bookEpochs() - BookRun.WINDOW;
            out.printf(Locale.ROOT, "    (its epochs %d-%d ran at %.2fx the speed of its last %d, median of the rounds: "
                    + "the JIT compiles the products again after the first sample of text, after epoch 10)%n",
                    last - BookRun.WINDOW + 1, last, KernelBench.median(bookSettling), BookRun.WINDOW);
        }
        out.printf(Locale.ROOT, "    Java plain %d threads %s, plain 1 thread %s%s%n", threads, spread(plainT),
                spread(plain1), vector ? ", vector " + threads + " threads " + spread(vectorT) : "");
        out.printf(Locale.ROOT, "    Java plain %d threads recording a run report %s; time per epoch with / "
                + "without it, median of the rounds' ratios, %.3f (%s); writing the report once %.2f s%n", threads,
                spread(recordedT), f.reportRatio, ratios(reportRatios), f.reportSeconds);
        if (!torch64.isEmpty()) {
            out.printf(Locale.ROOT, "    PyTorch float64 %s (the faster in each round: %s), float32 %s (%s)%n",
                    spread(torch64), wins(f.kept64, f.won64), spread(torch32), wins(f.kept32, f.won32));
        }
        double worst = 1.0;
        for (var xs : List.of(bookT, bookPlainT, plainT, recordedT, plain1, vectorT, torch64, torch32)) {
            if (!xs.isEmpty() && Collections.min(xs) > 0) {
                worst = Math.max(worst, Collections.max(xs) / Collections.min(xs));
            }
        }
        if (worst > 1.25) {
            out.printf(Locale.ROOT, "  (noisy: one configuration's rounds differ by up to %.0f%%; other programs were "
                    + "busy, so rerun on a quiet machine before trusting the ratios)%n", 100 * (worst - 1));
        }
    }

    private static Optional<BookRun> book(Options options, boolean plainKernel, PrintStream out) {
        try {
            return Optional.of(options.runner().run(options.corpus(), options.bookEpochs(), plainKernel,
                    options.scratch()));
        } catch (IOException e) {
            out.println("  (the book command" + (plainKernel ? " forced to the plain kernel" : "") + " failed: "
                    + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The README's command for all 500 epochs, beside the prediction made from the rounds. */
    private static Optional<BookRun> wholeBook(PrintStream out, Options options, Figures f) {
        out.println();
        out.printf(Locale.ROOT, "the README's book command, all %d epochs:%n", BookRun.BOOK_EPOCHS);
        var run = book(new Options(options.corpus(), 1, options.epochs(), false, BookRun.BOOK_EPOCHS, true,
                options.scratch(), options.runner()), false, out);
        run.ifPresent(b -> out.printf(Locale.ROOT, "  wall %s, predicted %s: the prediction is %s off; perplexity "
                + "%.3f; peak RSS %s%n", BookRun.minutes(b.wallSeconds()), Double.isNaN(f.bookPredict) ? "-"
                : BookRun.minutes(f.bookPredict), percent(f.bookPredict / b.wallSeconds() - 1), b.perplexity(),
                b.peakRssMb().isPresent() ? String.format(Locale.ROOT, "%.0f MB", b.peakRssMb().getAsDouble())
                        : "not measured"));
        run.ifPresent(b -> out.println(stretches(b.stretchSpeeds())));
        return run;
    }

    /**
     * How a long run's speed changed, from the medians of its stretches ({@link BookRun#stretchSpeeds}): their range,
     * the fastest over the slowest, and, above {@link #CHANGING_SPEED}, that a prediction from 10-epoch samples cannot
     * be held to 10% on such a machine.
     */
    static String stretches(List<Double> speeds) {
        if (speeds.isEmpty()) {
            return "  (the run was too short to show how its speed changed)";
        }
        double lo = Collections.min(speeds);
        double hi = Collections.max(speeds);
        return String.format(Locale.ROOT, "  its speed over the run (the median of each stretch of %d epochs after the "
                + "first): %s to %s tokens/s, the fastest %.2fx the slowest%s", BookRun.STRETCH, tokens(lo), tokens(hi),
                hi / lo, hi / lo > CHANGING_SPEED ? ": the machine's speed changed while it ran, so a prediction from "
                        + "the rounds' 10-epoch samples cannot be held to 10% of it" : "");
    }

    private static double reportSeconds(TrainingBench bench, RunRecorder recorder, PrintStream out) {
        try {
            return bench.reportSeconds(recorder);
        } catch (IOException e) {
            out.println("  (writing a report failed: " + e.getMessage() + ")");
            return Double.NaN;
        }
    }

    private static void scaling(PrintStream out, TrainingBench bench, int epochs, int threads, int cores,
            boolean vector, Figures f) {
        var counts = new ArrayList<Integer>();
        for (int t = 1; t < cores; t *= 2) {
            counts.add(t);
        }
        counts.add(cores);
        if (!counts.contains(threads)) {
            counts.add(threads);
            Collections.sort(counts);
        }
        var plain = new StringBuilder();
        var vec = new StringBuilder();
        for (int t : counts) {
            double p = t == threads ? f.plainT : t == 1 ? f.plain1 : bench.tokensPerSec(epochs, t);
            plain.append(String.format(Locale.ROOT, "  %d: %s", t, tokens(p)));
            if (vector) {
                double v = t == threads ? f.vectorT : withVector(() -> bench.tokensPerSec(epochs, t));
                vec.append(String.format(Locale.ROOT, "  %d: %s", t, tokens(v)));
            }
        }
        out.println();
        out.println("thread scaling, tokens/s by threads (the default's and 1's are the medians above):");
        out.println("  plain " + plain.toString().strip());
        if (vector) {
            out.println("  vector " + vec.toString().strip());
        }
    }

    /**
     * The peak that shares on {@code threads} threads are taken of: the measured one, unless it is below 90% of
     * {@code threads} × one thread's peak — measured while other programs held cores, it would make every share look
     * higher than it is and could call a target met that is not; then {@code threads} × one thread's peak.
     */
    static double peakForShares(int threads, double peak1, double peakT) {
        double scaled = threads * peak1;
        return peakT < 0.9 * scaled ? scaled : peakT;
    }

    private static void stepShare(PrintStream out, TrainingBench bench, int threads, boolean vector, Figures f) {
        long flops = stepFlops(bench.vocabSize());
        double perToken = (double) flops / (TrainingBench.BATCH * TrainingBench.STEPS);
        out.println();
        out.printf(Locale.ROOT, "training step: %.2f GFLOP per minibatch (the products of forward and backward pass; "
                + "one-hot products not counted)%n", flops / 1e9);
        out.printf(Locale.ROOT, "  plain %d thr %s, plain 1 thr %s%s%n", threads, share(f.plainT * perToken / 1e9,
                f.peakT), share(f.plain1 * perToken / 1e9, f.peak1), vector ? ", vector " + threads + " thr "
                + share(f.vectorT * perToken / 1e9, f.peakT) : "");
    }

    /**
     * Where the time of training goes: {@code epochs} epochs in this JVM with the kernel {@code train} would use, each
     * product timed ({@link ProductTimes}), and the collections' time from the JVM's own count. What is left is
     * everything between the products.
     */
    private static void whereTimeGoes(PrintStream out, TrainingBench bench, int epochs, int threads, boolean vector) {
        long collected = collectionMillis();
        long allocated = allocatedBytes();
        var recorded = ProductTimes.recording(() -> vector ? withVector(() -> bench.tokensPerSec(epochs, threads))
                : bench.tokensPerSec(epochs, threads));
        allocated = allocatedBytes() - allocated;
        double wall = recorded.nanos();
        double collections = (collectionMillis() - collected) * 1e6 / wall;
        double products = recorded.productNanos() / wall;
        double minibatches = (double) epochs * bench.tokensPerEpoch() / (TrainingBench.BATCH * TrainingBench.STEPS);
        out.println();
        out.printf(Locale.ROOT, "where the time of training goes (the %s kernel on %d threads, in this JVM: %d epochs, "
                + "%s tokens/s; each product timed from its call to its result, its GFLOPS counting every multiply-add, "
                + "a one-hot operand's too):%n", vector ? "vector" : "plain", threads, epochs,
                tokens(recorded.result()));
        out.printf(Locale.ROOT, "  products %.1f%%%n", 100 * products);
        for (var t : recorded.products()) {
            out.printf(Locale.ROOT, "    %-24s %5.1f%%  %4.0f a minibatch  %6.1f GFLOPS  %s%n", t.shape().label(),
                    100 * t.nanos() / wall, t.products() / minibatches, t.gflops(), role(t.shape(),
                            bench.vocabSize()));
        }
        out.printf(Locale.ROOT, "  collections (GC) %.1f%%%n", 100 * collections);
        out.printf(Locale.ROOT, "  everything else %.1f%% (element-wise operations and tanh, the loss, the tape and its "
                + "sums, the transposes of W_hh and W_hq, clipping, the updater, the per-epoch perplexity, and making "
                + "every result a new array)%n", 100 * (1 - products - collections));
        if (allocated >= 0) {
            double[] micros = NewArrays.micros(TrainingBench.BATCH, TrainingBench.HIDDENS);
            double perMinibatch = allocated / minibatches;
            double arrays = perMinibatch / NewArrays.bytes(TrainingBench.BATCH, TrainingBench.HIDDENS);
            double extra = arrays * (micros[0] - micros[1]) * 1e3;
            out.printf(Locale.ROOT, "  new arrays: the training thread made %.1f MB a minibatch (%.0f of %dx%d); a new "
                    + "%dx%d array written once took %.1f µs here, the same array written again %.1f µs: about %.1f ms "
                    + "of a minibatch's %.1f ms (%.0f%%) if none of it overlapped other work (on this project's "
                    + "machine, reusing 7 of each step's 9 such arrays saved 8-9%% of the time: "
                    + "docs/performance.md#new-arrays)%n", perMinibatch / 1e6, arrays,
                    TrainingBench.BATCH, TrainingBench.HIDDENS, TrainingBench.BATCH, TrainingBench.HIDDENS, micros[0],
                    micros[1], extra / 1e6, wall / minibatches / 1e6, 100 * extra / (wall / minibatches));
        }
    }

    /** Bytes this thread has allocated so far, where the JVM counts them; -1 where it does not. */
    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()
                ? t.getCurrentThreadAllocatedBytes() : -1;
    }

    /** Milliseconds the JVM's collectors have spent so far, all of them together. */
    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /**
     * What a product of shape {@code s} is in a minibatch of the book's RNN at the bench's setting, with
     * {@code vocabSize} characters (the names of docs/bptt.md: {@code A_t} the pre-activation, {@code O_t} the
     * output, a bar the gradient of the loss); empty for a shape the setting does not have.
     */
    static String role(ProductTimes.Shape s, int vocabSize) {
        int b = TrainingBench.BATCH;
        int h = TrainingBench.HIDDENS;
        int rows = TrainingBench.STEPS * b;
        int v = vocabSize;
        if (!s.transA() && s.m() == b && s.k() == h && s.n() == h) {
            return "H_{t-1}·W_hh forward, Ā_t·W_hhᵀ backward";
        } else if (s.transA() && s.m() == h && s.k() == rows && s.n() == h) {
            return "W̄_hh = Σ_t H_{t-1}ᵀ·Ā_t, the steps stacked";
        } else if (s.transA() && s.m() == v && s.k() == rows && s.n() == h) {
            return "W̄_xh = Σ_t X_tᵀ·Ā_t (one-hot), the steps stacked";
        } else if (s.transA() && s.m() == h && s.k() == rows && s.n() == v) {
            return "W̄_hq = Σ_t H_tᵀ·Ō_t, the steps stacked";
        } else if (!s.transA() && s.m() == b && s.k() == h && s.n() == v) {
            return "H_t·W_hq, the output layer";
        } else if (!s.transA() && s.m() == b && s.k() == v && s.n() == h) {
            return "X_t·W_xh (one-hot) forward, Ō_t·W_hqᵀ backward";
        }
        return "";
    }

    /**
     * Floating-point operations of one minibatch's products at the book's setting: per step forward {@code H·W_hh}
     * and {@code H·W_hq}, backward {@code ∂Z·W_hhᵀ} and {@code ∂Y·W_hqᵀ}, and the weight gradients {@code Hᵀ·∂Z} and
     * {@code Hᵀ·∂Y}, two operations per multiply-add: {@code T·b·(6H² + 6HV)}.
     */
    static long stepFlops(int vocabSize) {
        long h = TrainingBench.HIDDENS;
        return (long) TrainingBench.BATCH * TrainingBench.STEPS * (6 * h * h + 6 * h * vocabSize);
    }

    private static void targets(PrintStream out, int threads, Machine machine, Figures f, int vocabSize) {
        out.println();
        out.println("targets (issue 23), each from the README's book command (its own JVM, the README's options) "
                + "against PyTorch at its fastest setting, in the interleaved rounds above:");
        boolean searched = !f.kept64.isEmpty() && !f.kept32.isEmpty();
        out.printf(Locale.ROOT, "  1. honest comparison: PyTorch at its fastest: %d settings tried, the %d fastest "
                + "measured again in every round and the faster taken (float64: %s; float32: %s); machine named "
                + "above: %s%n", f.searched, KEPT, describe(f.kept64), describe(f.kept32), verdict(searched));
        out.printf(Locale.ROOT, "  2. book command / PyTorch float64: %s (>= 1.2x): %s%n", ratio(f.bookT, f.torch64),
                verdict(f.bookT, 1.2 * f.torch64));
        boolean avx512 = machine.vectorUnit().equals("AVX-512");
        boolean vectorFastest = f.bookVector && f.bookT > f.bookPlainT;
        String where = !f.bookVector ? "the README's command said it ran the " + f.bookKernel + " kernel here"
                + (f.bookKernel.equals("plain") && Kernel.vectorApiAvailable() ? " (vector kernel: "
                        + Kernel.vectorKernelHere() + ")" : "")
                : "the README's command runs it here; forced to the plain kernel it ran at "
                + tokens(f.bookPlainT) + (vectorFastest ? ", slower" : ", as fast or faster");
        out.printf(Locale.ROOT, "  3. the vector kernel, where it is the fastest, / PyTorch float32: %s (>= 1.0x; %s): "
                + "%s%n", f.bookVector ? ratio(f.bookT, f.torch32) : "-", where,
                vectorFastest ? verdict(f.bookT, f.torch32) : "no target here");
        if (f.whole.isPresent()) {
            double wall = f.whole.get().wallSeconds();
            out.printf(Locale.ROOT, "  4. 500 epochs of the book command: the real run %s, predicted %s (<= 3 minutes): "
                    + "%s%n", BookRun.minutes(wall), Double.isNaN(f.bookPredict) ? "-" : BookRun.minutes(f.bookPredict),
                    verdict(wall <= 180));
        } else {
            out.printf(Locale.ROOT, "  4. 500 epochs predicted from the book command: %s (<= 3 minutes): %s (the "
                    + "real run beside it when asked for)%n", Double.isNaN(f.bookPredict) ? "-"
                    : BookRun.minutes(f.bookPredict), Double.isNaN(f.bookPredict) ? "not measured"
                    : verdict(f.bookPredict <= 180));
        }
        double perToken = (double) stepFlops(vocabSize) / (TrainingBench.BATCH * TrainingBench.STEPS);
        double runShare = f.bookT * perToken / 1e9 / f.peakT;
        double wanted = avx512 ? 0.5 : 0.7;
        out.printf(Locale.ROOT, "  5. the whole run's share of the FMA peak on %d threads (products' FLOPs at the book "
                + "command's tokens/s): %s (>= %.0f%% with %s): %s%n", threads, Double.isNaN(runShare) ? "-"
                : String.format(Locale.ROOT, "%.0f%%", 100 * runShare), 100 * wanted, machine.vectorUnit(),
                Double.isNaN(runShare) ? "not measured" : verdict(runShare >= wanted));
        out.println("  6. " + peakRss(f.whole.map(BookRun::peakRssMb).orElse(OptionalDouble.empty()), f.bookRss,
                f.bookEpochs));
        out.printf(Locale.ROOT, "  7. bit-identical training on 1 and %d threads: %s (golden tests at 1e-9 with both "
                + "kernels: mvn test)%n", threads == 1 ? 2 : threads, verdict(f.identical.orElse(false)
                && f.identicalVector.orElse(true)));
        // 20 epochs with and without --report: each epoch's time grows by the rounds' median ratio, plus one write.
        double epochSeconds = f.tokensPerEpoch / f.plainT;
        double overhead = f.reportRatio - 1 + f.reportSeconds / (REPORT_EPOCHS * epochSeconds);
        out.printf(Locale.ROOT, "  (issue 15) recording and writing a run report, %d epochs at the book's setting: %s "
                + "longer (each epoch %s, writing the report once %.2f s) (< 5%%): %s%n", REPORT_EPOCHS,
                percent(overhead), percent(f.reportRatio - 1), f.reportSeconds, Double.isNaN(overhead) ? "not measured"
                : verdict(overhead < 0.05));
    }

    /**
     * Target 6, the peak resident set. A process's peak grows over a run (the old generation fills, the JIT compiles
     * more), so only the 500-epoch run (asked for with {@code bench --book}) is judged; the rounds' short runs are
     * shown, not judged.
     *
     * @param whole     the 500-epoch run's peak, MB of 10⁶ bytes; empty when there was none or it was not measured
     * @param shortRuns the highest peak of the rounds' runs of {@code shortEpochs} epochs; NaN when not measured
     */
    static String peakRss(OptionalDouble whole, double shortRuns, int shortEpochs) {
        if (whole.isPresent()) {
            return String.format(Locale.ROOT, "the book command's peak RSS over 500 epochs: %.0f MB (<= 200 MB of "
                    + "10^6 bytes): %s", whole.getAsDouble(), verdict(whole.getAsDouble() <= 200));
        }
        return String.format(Locale.ROOT, "the book command's peak RSS: %s in its %d-epoch runs (<= 200 MB of 10^6 "
                + "bytes over 500 epochs): not judged (the peak grows over a run; the whole run is judged when asked "
                + "for)", Double.isNaN(shortRuns) ? "not measured" : String.format(Locale.ROOT, "%.0f MB",
                shortRuns), shortEpochs);
    }

    private static String ratios(List<Double> xs) {
        return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
    }

    private static String percent(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * x);
    }

    private static double last(List<Double> xs) {
        return xs.get(xs.size() - 1);
    }

    private static double withVector(Supplier<Double> measure) {
        return Kernel.using(Kernel.Choice.VECTOR, Parallel.threads(), measure);
    }

    private static boolean checkWithVector(java.util.function.BooleanSupplier check) {
        return Kernel.using(Kernel.Choice.VECTOR, Parallel.threads(), () -> check.getAsBoolean());
    }

    private static String same(Optional<Boolean> identical) {
        return identical.map(b -> b ? "identical" : "DIFFERENT").orElse("-");
    }

    private static String verdict(double x, double target) {
        return Double.isNaN(x) || Double.isNaN(target) ? "not measured" : verdict(x >= target);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "not met";
    }

    private static String ratio(double x, double of) {
        return Double.isNaN(x) || Double.isNaN(of) ? "-" : String.format(Locale.ROOT, "%.2fx", x / of);
    }

    private static String tokens(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%,.0f", x);
    }

    private static String spread(List<Double> xs) {
        if (xs.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s (%s-%s)", tokens(KernelBench.median(xs)), tokens(Collections.min(xs)),
                tokens(Collections.max(xs)));
    }

    /** GFLOPS and, when the peak is known, its share of the peak, e.g. {@code 41.2 (47%)}. */
    private static String share(double gflops, double peak) {
        if (Double.isNaN(gflops)) {
            return "-";
        }
        return Double.isNaN(peak) ? String.format(Locale.ROOT, "%.1f", gflops)
                : String.format(Locale.ROOT, "%.1f (%.0f%%)", gflops, 100 * gflops / peak);
    }
}
