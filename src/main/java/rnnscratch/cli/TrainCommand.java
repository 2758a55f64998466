package rnnscratch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import rnnscratch.UserException;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.checkpoint.RunConfig;
import rnnscratch.optim.SgdOptimizer;
import rnnscratch.optim.Updater;
import rnnscratch.plot.PerplexityPlot;
import rnnscratch.rnn.Bptt;
import rnnscratch.rnn.Predict;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.rnn.Sampling;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.text.Corpus;
import rnnscratch.text.CorpusText;
import rnnscratch.text.CorpusTooShortException;
import rnnscratch.text.SeqDataLoader;
import rnnscratch.text.TimeMachine;
import rnnscratch.text.TokenKind;
import rnnscratch.train.Ch8Options;
import rnnscratch.train.EpochListener;
import rnnscratch.train.EpochStats;
import rnnscratch.train.LossNotFiniteException;
import rnnscratch.train.PredictCh8;
import rnnscratch.train.TrainByHand;
import rnnscratch.train.TrainCh8;
import rnnscratch.train.TrainResult;

/**
 * {@code train}: the book's {@code train_ch8} from the command line (d2l 8.5). It reads the corpus, builds the
 * vocabulary and the minibatch loader, draws the initial weights (or loads {@code --init}), trains while showing
 * {@link Progress}, and ends with the book's summary: perplexity, tokens/sec, and two predictions.
 *
 * <p>Every bad input is found before anything is written: the output paths, the {@code --init} checkpoint and its
 * fit to the corpus, a corpus too short for one minibatch. One seeded {@link Random} draws the initial weights and
 * then every epoch's minibatches, so the same flags repeat a run bit for bit.
 *
 * <p>Exit codes: 0 done; 2 bad input (one line on stderr); 3 the loss became NaN or infinite; 130 stopped by
 * Ctrl-C (after saving).
 *
 * <p>Docs: docs/command-line.md, docs/training.md
 */
public final class TrainCommand {
    /** The command and its flags, with the book's defaults. */
    public static final CommandSpec SPEC = new CommandSpec("train",
            "Trains the book's RNN from scratch (d2l 8.5) and shows perplexity falling; defaults are the book's.",
            TrainSettings.flags(TrainSettings.Defaults.book()));

    /** Exit code when training diverged (the loss became NaN or infinite). */
    public static final int EXIT_DIVERGED = 3;
    /** Exit code after Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int EXIT_STOPPED = 130;
    /**
     * Exit code when training ended but an output could not be written (a full disk, a file made read-only during the
     * run): each such output was one line on stderr, the others were written, and a checkpoint that could not go
     * where {@code --save} said went to the temporary folder instead, named in that line.
     */
    public static final int EXIT_OUTPUT = 4;

    private TrainCommand() {}

    /** How a run ended: its exit code and the corpus it read (the demo's closing lines need it). */
    record Outcome(int exitCode, String corpusName) {}

    /**
     * Runs {@code train} with {@code argv} (the flags after the command word).
     *
     * @param terminal whether {@code out} is a terminal (progress then rewrites one line)
     * @return the exit code
     * @throws UserException for bad input, before anything was written
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err, boolean terminal) {
        Args args = SPEC.parse(argv);
        if (args.help()) {
            out.print(SPEC.help());
            return 0;
        }
        return train(TrainSettings.from(args), out, err, terminal, Parts.library()).exitCode();
    }

    /**
     * {@code train} with {@code argv} on other parts than the library's: the exercises' "your RNN" run passes a
     * student's. Characters only for {@code parts.predictCh8()}: with {@code --token word} or {@code --temperature}
     * the library's prediction replaces it.
     *
     * @return the exit code
     * @throws UserException for bad input, before anything was written
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err, boolean terminal, Parts parts) {
        Args args = SPEC.parse(argv);
        if (args.help()) {
            out.print(SPEC.help());
            return 0;
        }
        return train(TrainSettings.from(args), out, err, terminal, parts).exitCode();
    }

    /** Trains with checked settings, on {@code settings.threads()} threads of the chosen matrix kernel. */
    static Outcome train(TrainSettings settings, PrintStream out, PrintStream err, boolean terminal, Parts parts) {
        return train(settings, out, err, terminal, parts, CtrlC::install);
    }

    /**
     * {@link #train(TrainSettings, PrintStream, PrintStream, boolean, Parts)} with Ctrl-C caught by the
     * {@link CtrlC} that {@code ctrlC} installs (a test keeps it, to press it at a chosen minibatch).
     */
    static Outcome train(TrainSettings settings, PrintStream out, PrintStream err, boolean terminal, Parts parts,
            Function<PrintStream, CtrlC> ctrlC) {
        return Kernel.using(settings.kernel(), settings.threads(),
                () -> trainWithThreads(settings, out, err, terminal, parts, ctrlC));
    }

    private static Outcome trainWithThreads(TrainSettings s, PrintStream out, PrintStream err, boolean terminal,
            Parts parts, Function<PrintStream, CtrlC> installCtrlC) {
        // 1. Check every input before writing anything.
        s.save().ifPresent(p -> OutputFiles.requireWritable("--save", p));
        s.metrics().ifPresent(p -> OutputFiles.requireWritable("--metrics", p));
        s.plot().ifPresent(p -> OutputFiles.requireWritable("--plot", p));
        Optional<ReportFile> report = s.report().map(ReportFile::start);
        Optional<Checkpoint> init = s.init().map(p -> CheckpointFlags.load("--init", p));
        CorpusText text = CorpusSpec.resolve(s.corpus(), s.cacheDir());
        text.notice().ifPresent(out::println);
        Corpus corpus = Corpus.loadCorpus(text.lines(s.preprocess()), s.token(), s.maxTokens());
        var vocab = corpus.vocab();
        init.ifPresent(c -> CheckpointFlags.requireFits(c, s.init().orElseThrow(), vocab, s.token(), s.preprocess(),
                s.hiddensGiven() ? OptionalInt.of(s.hiddens()) : OptionalInt.empty()));
        int hiddens = init.map(c -> c.params().numHiddens()).orElse(s.hiddens());
        requireMemory(vocab.size(), hiddens, s);
        var rng = new Random(s.seed());
        var loader = loader(corpus, s, rng);
        RnnFunctions model = report.map(r -> r.watching(parts.model())).orElse(parts.model());
        var net = init.map(c -> new RNNModelScratch(c.params(), model))
                .orElseGet(() -> new RNNModelScratch(vocab.size(), hiddens, rng, model));
        String prefix = s.prefixFor(text.name());
        GenerateCommand.unknownTokensNote(prefix, vocab, s.token()).ifPresent(err::println);
        var options = Ch8Options.of(s.theta(), prefix, finalPrefixes(text.name(), prefix), 10, 50)
                .withTrainEpochCh8(s.manualBackward() ? TrainByHand.trainEpochCh8(Bptt::backward)
                        : parts.trainEpochCh8())
                .withPredictCh8(s.token() == TokenKind.CHAR && s.temperature().isEmpty() ? parts.predictCh8()
                        : predictor(s));

        out.printf(Locale.ROOT, "corpus: %s (%s), %,d tokens, vocabulary of %d %s tokens%n", text.name(),
                text.origin(), corpus.numTokens(), vocab.size(), s.token().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "model: %s, seed %d, %d epochs%s%n", s.describe(hiddens), s.seed(), s.epochs(),
                init.map(c -> ", continuing from " + s.init().orElseThrow() + (c.config().containsKey("epochs_done")
                        ? " (" + c.epochsDone() + " epochs done)" : "")).orElse(""));
        out.printf(Locale.ROOT, "kernel: %s, %d thread%s%n", s.kernel() == Kernel.Choice.VECTOR
                ? "vector (" + Kernel.vectorKernelHere() + ")" : "plain", s.threads(), s.threads() == 1 ? "" : "s");

        // 2. Train, writing the metrics as we go.
        var metrics = MetricsLog.create(s.metrics(), err);
        var progress = new Progress(out, terminal, s.epochs());
        String title = "Perplexity on " + text.name() + " (" + s.describe(hiddens) + ")";
        try (CtrlC ctrlC = installCtrlC.apply(err)) {
            TrainResult result;
            try {
                var params = net.params().list();
                Updater updater = s.optimizer() ? new SgdOptimizer(params, s.lr())
                        : (Updater.Custom) batchSize -> parts.sgd().sgd(params, s.lr(), batchSize);
                EpochListener listener = listener(progress, metrics, ctrlC, vocab.size());
                result = TrainCh8.trainCh8(net, loader, vocab, updater, s.epochs(), options,
                        report.map(r -> r.follow(listener)).orElse(listener));
            } catch (LossNotFiniteException | PerplexityOverflow e) {
                progress.endLine();
                s.plot().ifPresent(p -> writePlot(p, title, metrics.epochs(), out));
                String line = diverged(e, s.theta());
                err.println("rnn-scratch: " + line + s.save().map(p -> " (" + p + " was not written: "
                        + "the parameters diverged)").orElse(""));
                err.flush();
                report.ifPresent(r -> r.write(s, hiddens, text, corpus, net, prefix, Optional.of(line), out));
                return new Outcome(EXIT_DIVERGED, text.name());
            }
            progress.endLine();

            // 3. Save, plot, and the book's summary; an output that cannot be written is one line, and the others go on.
            // Stopped during the first epoch, the run has nothing worth keeping: no file is written or replaced.
            boolean keep = result.epochsRun() > 0;
            int epochsDone = (int) Math.min(Integer.MAX_VALUE,
                    (long) init.map(Checkpoint::epochsDone).orElse(0) + result.epochsRun());
            boolean allWritten = metrics.complete();
            if (s.save().isPresent() && !keep) {
                out.println("no checkpoint saved: no epoch finished (stopped during the first)"
                        + leftAsItWas(s.save().get()));
            } else if (s.save().isPresent()) {
                var checkpoint = new Checkpoint(net.params(), vocab,
                        s.runConfig(hiddens, epochsDone, text.name()).toMap());
                allWritten &= save(checkpoint, s.save().get(), epochsDone, out, err);
            }
            allWritten &= s.plot().map(p -> written(() -> writePlot(p, title, metrics.epochs(), out), err))
                    .orElse(true);
            if (metrics.complete()) {
                s.metrics().ifPresent(p -> out.println(keep ? "wrote metrics " + p
                        : "no metrics: no epoch finished (stopped during the first)" + leftAsItWas(p)));
            }
            if (result.stopped()) {
                out.println("stopped by Ctrl-C after " + result.epochsRun() + " of " + s.epochs() + " epochs");
            }
            if (result.epochsRun() > 0) { // the book's summary, of the last completed epoch
                out.printf(Locale.ROOT, "perplexity %s, %.1f tokens/sec on cpu%n",
                        Progress.perplexity(result.perplexity(), 1), result.tokensPerSec());
            } else {
                out.println("no epoch completed: no perplexity to report");
            }
            result.predictions().forEach(out::println);
            if (keep) {
                allWritten &= report.map(r -> written(() -> r.write(s, hiddens, text, corpus, net, prefix,
                        Optional.empty(), out), err)).orElse(true);
            } else {
                s.report().ifPresent(p -> out.println("no report: no epoch finished (stopped during the first)"
                        + leftAsItWas(p)));
            }
            out.flush();
            err.flush();
            return new Outcome(result.stopped() ? EXIT_STOPPED : allWritten ? 0 : EXIT_OUTPUT, text.name());
        }
    }

    /**
     * The line for a run that diverged: what happened, and what to change given its clipping threshold θ. Without
     * clipping, switch it on; with a θ above the book's 1, clip harder; with clipping as the book's or harder, the
     * learning rate is what is left.
     */
    static String diverged(RuntimeException e, double theta) {
        String problem = e instanceof LossNotFiniteException l ? l.problem() : ((PerplexityOverflow) e).problem();
        String remedy = Double.isInfinite(theta) ? "switch gradient clipping on (--theta 1) or use a smaller learning "
                + "rate (--lr)"
                : theta > 1 ? "clip harder (--theta 1, the book's; this run's is " + RunConfig.number(theta)
                        + ") or use a smaller learning rate (--lr)"
                : "use a smaller learning rate (--lr)";
        return problem + ": " + remedy;
    }

    /** After a run that wrote nothing: says that an earlier file under {@code file}'s name is still there. */
    private static String leftAsItWas(Path file) {
        return Files.exists(file) ? "; " + file + " was left as it was" : "";
    }

    /**
     * The minibatch loader. A corpus too short for one minibatch because {@code --max-tokens} cut it says so: the
     * library's advice (a longer text, smaller minibatches) misses the flag that did it.
     */
    private static SeqDataLoader loader(Corpus corpus, TrainSettings s, Random rng) {
        try {
            return new SeqDataLoader(corpus.ids(), s.batchSize(), s.numSteps(), s.randomIter(), rng);
        } catch (CorpusTooShortException e) {
            if (corpus.numTokens() == s.maxTokens()) {
                throw new UserException(e.problem() + ": raise --max-tokens (-1: the whole text), or use smaller "
                        + "--batch-size/--num-steps", e);
            }
            throw e;
        }
    }

    /**
     * The {@code predict_ch8} of the samples and predictions when the book's (characters, greedy) does not apply: word
     * tokens, or sampling at {@code --temperature} from its own generator seeded with {@code --seed} (so training's
     * own random numbers, and so training, are the same with and without it).
     */
    private static PredictCh8.Fn predictor(TrainSettings s) {
        Predict.NextToken next = s.temperature().isPresent()
                ? Sampling.withTemperature(s.temperature().getAsDouble(), Sampling.generator(s.seed()))
                : Predict.GREEDY;
        return (prefix, numPreds, model, vocab) -> PredictCh8.predict(prefix, numPreds, model, vocab, s.token(), next);
    }

    /**
     * Training diverged although every minibatch's loss was finite: the epoch's mean loss passed 709 nats, so its
     * perplexity {@code exp(loss)} overflowed (a model guessing uniformly among V tokens has {@code ln V} nats).
     */
    private static final class PerplexityOverflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PerplexityOverflow(int epoch, int vocabSize) {
            super(String.format(Locale.ROOT, "the perplexity overflowed to infinity in epoch %d (a mean loss above "
                    + "709 nats, where guessing among %d tokens gives %.1f)", epoch, vocabSize, Math.log(vocabSize)));
        }

        /** What happened and where, without what to do about it (the message is only that). */
        String problem() {
            return getMessage();
        }
    }

    /** Progress, metrics and Ctrl-C as one listener; an epoch whose perplexity overflowed ends the run. */
    private static EpochListener listener(Progress progress, MetricsLog metrics, CtrlC ctrlC, int vocabSize) {
        return new EpochListener() {
            @Override
            public void epochEnded(EpochStats stats) {
                metrics.epochEnded(stats);
                progress.epochEnded(stats);
                if (!Double.isFinite(stats.perplexity())) {
                    throw new PerplexityOverflow(stats.epoch(), vocabSize);
                }
            }

            @Override
            public void sample(int epoch, String text) {
                progress.sample(epoch, text);
            }

            @Override
            public boolean stopRequested() {
                return ctrlC.stopRequested();
            }
        };
    }

    /** The book's two: "time traveller" and "traveller"; for other corpora the prefix and its last word. */
    static List<String> finalPrefixes(String corpusName, String prefix) {
        if (corpusName.equals(TimeMachine.NAME)) {
            return List.of(TrainSettings.BOOK_PREFIX, "traveller");
        }
        var prefixes = new ArrayList<String>(List.of(prefix));
        String[] words = prefix.strip().split("\\s+");
        String last = words[words.length - 1];
        if (!last.isEmpty() && !last.equals(prefix)) {
            prefixes.add(last);
        }
        return prefixes;
    }

    /** Runs {@code write}; when its file cannot be written, says so in one line on {@code err} and returns false. */
    private static boolean written(Runnable write, PrintStream err) {
        try {
            write.run();
            return true;
        } catch (UserException e) {
            err.println("rnn-scratch: " + Main.oneLine(Advice.of(e))); // as Main says it: a PNG names --plot FILE.svg
            err.flush();
            return false;
        }
    }

    /**
     * Saves the trained model to {@code file}; when that fails (a full disk, say), to a new file in the temporary
     * folder instead, so that the training is not lost, and says where.
     *
     * @return whether it went to {@code file}
     */
    static boolean save(Checkpoint checkpoint, Path file, int epochsDone, PrintStream out, PrintStream err) {
        String trained = " (" + epochsDone + (epochsDone == 1 ? " epoch" : " epochs") + " trained)";
        if (written(() -> checkpoint.save(file), err)) {
            out.println("saved checkpoint " + file + trained);
            return true;
        }
        try {
            Path instead = Files.createTempFile("rnn-scratch-", "-" + file.getFileName());
            if (written(() -> checkpoint.save(instead), err)) {
                err.println("rnn-scratch: the trained model is saved in " + instead + " instead" + trained
                        + ": move it where you want it");
                return false;
            }
        } catch (IOException | RuntimeException e) {
            err.println("rnn-scratch: could not save the trained model in the temporary folder either ("
                    + e.getMessage() + ")");
        }
        err.println("rnn-scratch: the trained model could not be saved: free some disk space, or give --save a "
                + "path on another disk, and train again");
        return false;
    }

    private static void writePlot(Path file, String title, List<EpochStats> epochs, PrintStream out) {
        if (PerplexityPlot.write(file, title, epochs)) {
            out.println("wrote plot " + file);
        } else {
            out.println((epochs.isEmpty() ? "no plot: no epoch finished (stopped during the first)"
                    : "no plot: no epoch finished with a finite perplexity") + leftAsItWas(file));
        }
    }

    /**
     * Refuses sizes whose parameters and activations could not fit in this JVM's memory, rather than failing with
     * an {@link OutOfMemoryError} partway.
     */
    private static void requireMemory(int vocabSize, int hiddens, TrainSettings s) {
        double params = 2.0 * vocabSize * hiddens + (double) hiddens * hiddens + hiddens + vocabSize;
        double activations = (double) s.numSteps() * s.batchSize() * (4.0 * hiddens + 4.0 * vocabSize);
        double bytes = 8 * (4 * params + activations);
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.8 * max) {
            long gigabytes = (long) Math.ceil(bytes / 0.8 / (1L << 30)); // what -Xmx must be for this check to pass
            throw new UserException(String.format(Locale.ROOT, "this model (%d hidden units, vocabulary of %d, "
                    + "minibatches of %dx%d) needs about %.1f GB but Java may use %.1f GB here: choose a smaller "
                    + "--hiddens, --batch-size or --num-steps, or give Java more memory (java -Xmx%dg -jar ...)",
                    hiddens, vocabSize, s.batchSize(), s.numSteps(), bytes / 1e9, max / 1e9, gigabytes));
        }
    }
}
