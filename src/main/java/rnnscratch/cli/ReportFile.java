package rnnscratch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rnnscratch.checkpoint.RunConfig;
import rnnscratch.report.HiddenStates;
import rnnscratch.report.RunRecorder;
import rnnscratch.report.RunReport;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.text.Corpus;
import rnnscratch.text.CorpusText;
import rnnscratch.text.TokenKind;
import rnnscratch.train.EpochListener;

/**
 * {@code --report FILE.html}: follows a {@code train} (or {@code demo}) run with a {@link RunRecorder} and, when the
 * run ends — finished, stopped by Ctrl-C, or diverged — writes its {@link RunReport} and prints its path as the last
 * line.
 *
 * <p>Docs: docs/command-line.md
 */
final class ReportFile {
    /** Tokens the model continues the prefix by in the hidden-state heatmap (characters; words: fewer). */
    private static final int HEATMAP_CHARS = 50;
    private static final int HEATMAP_WORDS = 20;

    private final Path file;
    private final RunRecorder recorder = new RunRecorder();

    private ReportFile(Path file) {
        this.file = file;
    }

    /**
     * A report to write to {@code file}, checked now, before training.
     *
     * @throws rnnscratch.UserException if the file cannot be written
     */
    static ReportFile start(Path file) {
        OutputFiles.requireWritable("--report", file);
        return new ReportFile(file);
    }

    /** The model's functions with its {@code rnn} watched, so the report sees the gradients through time. */
    RnnFunctions watching(RnnFunctions model) {
        return recorder.watching(model);
    }

    /** {@code listener} with the recorder before it (so an epoch is recorded even when the listener stops the run). */
    EpochListener follow(EpochListener listener) {
        return EpochListener.both(recorder, listener);
    }

    /**
     * Writes the report and prints {@code wrote report FILE (open file:///… in a browser)}.
     *
     * @param failure why training stopped early, when it diverged
     */
    void write(TrainSettings s, int hiddens, CorpusText text, Corpus corpus, RNNModelScratch net, String prefix,
            Optional<String> failure, PrintStream out) {
        var hidden = HiddenStates.read(net, corpus.vocab(), s.token(), prefix,
                s.token() == TokenKind.CHAR ? HEATMAP_CHARS : HEATMAP_WORDS);
        var report = new RunReport("Training report: " + s.describe(hiddens) + " on " + text.name(),
                settings(s, hiddens, text, corpus, prefix), recorder, Optional.of(hidden), failure);
        report.write(file);
        out.println("wrote report " + file + " (open " + file.toAbsolutePath().normalize().toUri()
                + " in a browser)");
    }

    /** The run's settings as the report lists them. */
    private static Map<String, String> settings(TrainSettings s, int hiddens, CorpusText text, Corpus corpus,
            String prefix) {
        var m = new LinkedHashMap<String, String>();
        m.put("corpus", text.name() + " (" + text.origin() + ")");
        m.put("tokens", String.format(Locale.ROOT, "%,d %s tokens (--max-tokens %d), vocabulary of %d, "
                + "preprocessing %s", corpus.numTokens(), s.token().name().toLowerCase(Locale.ROOT), s.maxTokens(),
                corpus.vocab().size(), s.preprocess().name().toLowerCase(Locale.ROOT)));
        m.put("model", "hidden units H = " + hiddens + s.init().map(p -> ", continued from " + p).orElse(""));
        m.put("minibatches", s.batchSize() + " sequences × " + s.numSteps() + " steps, "
                + (s.randomIter() ? "random" : "sequential") + " iteration (--iter)");
        m.put("learning rate", RunConfig.number(s.lr()) + " (--lr), updater: " + (s.optimizer()
                ? "SgdOptimizer (--optimizer sgd)" : "the book's sgd (--optimizer custom)"));
        m.put("gradients", s.manualBackward() ? "backpropagation through time by hand, no tape (--backward manual)"
                : "the autograd's tape, l.backward() (--backward autograd)");
        m.put("clipping threshold θ", Double.isInfinite(s.theta()) ? "none: clipping off (--theta none)"
                : RunConfig.number(s.theta()) + " (--theta)");
        m.put("epochs", s.epochs() + " (--epochs)");
        m.put("seed", s.seed() + " (--seed)");
        m.put("sample prefix", prefix);
        s.temperature().ifPresent(t -> m.put("samples", "drawn at temperature " + RunConfig.number(t)
                + " (--temperature); the heatmap's continuation is greedy"));
        m.put("threads, kernel", s.threads() + ", " + s.kernel().name().toLowerCase(Locale.ROOT));
        return m;
    }
}
