package rnnscratch.exercises.yourrnn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import rnnscratch.UserException;
import rnnscratch.cli.Advice;
import rnnscratch.cli.CorpusSpec;
import rnnscratch.cli.DemoCommand;
import rnnscratch.cli.TrainCommand;
import rnnscratch.cli.TrainSettings;
import rnnscratch.exercises.progress.Exercise;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.exercises.progress.ExerciseResult;
import rnnscratch.exercises.progress.ExerciseRun;
import rnnscratch.exercises.progress.Failure;

/**
 * "Your RNN": the book's character RNN trained on The Time Machine with the student's own code wherever it exists and
 * passes its exercise — one-hot of Xᵀ (ex07), {@code getParams}/{@code initRnnState} (ex08), the {@code rnn} loop
 * (ex09), perplexity (ex10), {@code gradClipping} (ex11), the state between minibatches (ex12), {@code sgd} (ex13)
 * and {@code predictCh8} (ex14) — and the library's code everywhere else.
 *
 * <p>It first runs the tests of ex07–ex14 and ex19 (BPTT by hand, which then replaces the tape) in this JVM, prints which code runs for each part and why, then trains with
 * the demo's setting (every flag of {@code train} is accepted and overrides it) and ends with the book's summary and
 * the plot, and last the address of the run's HTML report. A part of the student's that throws, returns a wrong shape or produces a number that is not finite stops
 * the run with one line naming the exercise.
 *
 * <pre>  mvn -q test-compile exec:java@your-rnn                 (the demo's setting)
 *  mvn -q test-compile exec:java@your-rnn -Dexec.args="--epochs 50 --hiddens 64"</pre>
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
public final class YourRnn {
    /** Where the run writes its checkpoint, metrics, plot and report unless told otherwise. */
    static final String OUTPUT_DIR = "target/your-rnn";
    /** The Time Machine where the tests read it, next to the repository. */
    static final Path SHARED_TIME_MACHINE = Path.of("..", "shared", "data", "timemachine.txt");

    private YourRnn() {}

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err, System.console() != null);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The parts table, then training; returns the exit code (2: a flag or a part of the student's failed). */
    static int run(List<String> argv, PrintStream out, PrintStream err, boolean terminal) {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.println("Your RNN: the book's character RNN trained with your code for ex07-ex14 and ex19 wherever it passes "
                    + "its exercise. Takes every flag of train (java -jar target/rnn-scratch.jar train --help); the "
                    + "defaults are the demo's, writing to " + OUTPUT_DIR + "/. Docs: docs/exercises.md#your-rnn");
            return 0;
        }
        try { // the flags first: a typo is one line at once, not after every exercise's tests
            TrainSettings.from(TrainCommand.SPEC.parse(withDefaults(argv, Files.isRegularFile(SHARED_TIME_MACHINE))));
        } catch (UserException e) {
            err.println("your-rnn: " + forYourRnn(Advice.of(e)));
            return 2;
        }
        List<Exercise> parts = StudentFunctions.PARTS.stream().map(id -> ExerciseCatalog.byId(id).orElseThrow())
                .toList();
        ExerciseRun.Outcome outcome = ExerciseRun.run(YourRnn.class.getClassLoader(), parts,
                ExerciseRun.notCompiled(ExerciseRun.COMPILE_REPORT));
        Set<String> yours = new LinkedHashSet<>();
        for (Exercise e : parts) {
            if (outcome.passes(e)) {
                yours.add(e.id());
            }
        }
        out.print(partsTable(parts, outcome, argv));
        try {
            createOutputDir();
            List<String> args = withDefaults(argv, Files.isRegularFile(SHARED_TIME_MACHINE));
            out.println(corpusLine(argv, args));
            int code = TrainCommand.run(args, out, err, terminal, StudentFunctions.build(yours));
            if (code == 0) {
                out.println();
                out.println(yours.isEmpty() ? "That was the library's code throughout: pass an exercise and its part "
                        + "becomes yours." : yours.size() + " of " + StudentFunctions.PARTS.size()
                        + " parts ran on your code: " + String.join(", ", yours) + ".");
                if (yours.contains("ex19")) {
                    out.println(StudentBackward.NO_AUTOGRAD);
                }
                out.println("The report of this run (perplexity, gradient norms and clipping, gradients through time, "
                        + "the hidden state): " + Path.of(givenFlags(args).get("--report")).toAbsolutePath()
                        .normalize().toUri());
            }
            return code;
        } catch (StudentCodeFailed | UserException e) {
            err.println("your-rnn: " + forYourRnn(Advice.of(e)));
            return 2;
        }
    }

    /** The command line's pointer to its help, as a Maven user runs it. */
    static String forYourRnn(String message) {
        return message.replace("(see: rnn-scratch train --help)",
                "(see: java -jar target/rnn-scratch.jar train --help, or docs/command-line.md#train)");
    }

    /** The table printed first: each part, its exercise, whose code runs and why. */
    static String partsTable(List<Exercise> parts, ExerciseRun.Outcome outcome, List<String> argv) {
        var sb = new StringBuilder();
        sb.append("Your RNN: the book's character RNN, trained with your code wherever it passes its exercise\n\n");
        sb.append(String.format(Locale.ROOT, "  %-44s %-9s %-10s %s%n", "part (the book's function)", "exercise",
                "runs", "why"));
        boolean words = "word".equals(givenFlags(argv).get("--token"));
        for (Exercise e : parts) {
            ExerciseResult r = outcome.result(e);
            boolean passes = outcome.passes(e);
            String who = passes ? "yours" : "library's";
            String why = passes ? "its " + r.tests() + " tests pass"
                    : r.message().startsWith("does not compile") ? r.message().lines().findFirst().orElse("")
                            + ": the library's runs until it does"
                    : r.tests() == 0 ? "its tests did not run" + outcome.firstFailure(e).map(f -> ": " + f.message())
                            .orElse("")
                    : outcome.failuresOf(e).stream().allMatch(Failure::stub) ? "untouched stub"
                    : (r.tests() - r.passed()) + " of " + r.tests() + " tests fail, first: "
                            + outcome.firstFailure(e).map(Failure::sentence).orElse("");
            if (e.id().equals("ex14") && words) {
                who = "library's";
                why = "--token word: the word-level predict runs (ex14 is for characters)";
            }
            sb.append(String.format(Locale.ROOT, "  %-44s %-9s %-10s %s%n", PART_NAMES.get(e.id()), e.id(), who,
                    why));
        }
        long count = parts.stream().filter(outcome::passes).count();
        sb.append("\n  ").append(count).append(" of ").append(parts.size()).append(" parts are yours. ");
        parts.stream().filter(e -> !outcome.passes(e)).findFirst().ifPresentOrElse(e -> sb.append("Next: ")
                .append(e.id()).append(", ").append(e.docs()).append(" (mvn test -Pexercises -Dgroups=").append(e.id())
                .append(", or the watch mode)"), () -> sb.append("Every part below the data is yours: this is your RNN."));
        sb.append("\n");
        if (parts.stream().anyMatch(e -> e.id().equals("ex19") && outcome.passes(e))) {
            sb.append("  Your bptt replaces the tape: training's forward pass runs on plain matrices (Bptt.forward) and "
                    + "every gradient is yours; your rnn then runs in the samples and predictions only.\n");
        } else if (parts.stream().anyMatch(e -> e.id().equals("ex09") && outcome.passes(e))) {
            sb.append("  Your rnn is called one time step at a time, each call starting from the H the last one "
                    + "returned, so that the report sees every step's H_t.\n");
        }
        sb.append("\n");
        return sb.toString();
    }

    private static final Map<String, String> PART_NAMES = Map.of(
            "ex07", "one-hot of X.T (transpose, oneHot)",
            "ex08", "get_params, init_rnn_state",
            "ex09", "rnn (one step, and the loop over steps)",
            "ex10", "perplexity of an epoch",
            "ex11", "grad_clipping",
            "ex12", "the state of each minibatch (detach_)",
            "ex13", "sgd (the updater)",
            "ex14", "predict_ch8 (samples and predictions)",
            "ex19", StudentBackward.PART_NAME);

    /**
     * The demo's setting, writing under {@value #OUTPUT_DIR}, for every flag the student did not give; the corpus is
     * found the way the tests find it: {@code ../shared/data/timemachine.txt} when it is there
     * ({@code sharedCopyThere}), else The Time Machine if cached or downloadable, else the bundled story.
     */
    static List<String> withDefaults(List<String> argv, boolean sharedCopyThere) {
        Set<String> given = givenFlags(argv).keySet();
        var args = new ArrayList<>(argv);
        addDefault(args, given, "--corpus", sharedCopyThere ? SHARED_TIME_MACHINE.toString() : CorpusSpec.DEFAULT);
        addDefault(args, given, "--hiddens", String.valueOf(DemoCommand.HIDDENS));
        addDefault(args, given, "--epochs", String.valueOf(DemoCommand.EPOCHS));
        addDefault(args, given, "--threads", String.valueOf(DemoCommand.THREADS));
        addDefault(args, given, "--save", OUTPUT_DIR + "/model.npz");
        addDefault(args, given, "--metrics", OUTPUT_DIR + "/metrics.csv");
        addDefault(args, given, "--plot", OUTPUT_DIR + "/perplexity.svg");
        addDefault(args, given, "--report", OUTPUT_DIR + "/report.html");
        return args;
    }

    /** The line that says which corpus the run reads and why (the line after it, from train, names the text). */
    static String corpusLine(List<String> argv, List<String> args) {
        String corpus = givenFlags(args).get("--corpus");
        if (givenFlags(argv).containsKey("--corpus")) {
            return "Corpus: " + corpus + " (--corpus)";
        }
        return corpus.equals(CorpusSpec.DEFAULT) ? "Corpus: The Time Machine if it is cached or can be downloaded, "
                + "else the story bundled in the jar (" + SHARED_TIME_MACHINE + ", which the tests read, is not here)"
                : "Corpus: " + corpus + ", the copy of The Time Machine the tests read";
    }

    /** The flags on the command line with their values ({@code --name value} or {@code --name=value}). */
    private static Map<String, String> givenFlags(List<String> argv) {
        var given = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("--") && a.contains("=")) {
                given.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                given.put(a, i + 1 < argv.size() ? argv.get(i + 1) : "");
            }
        }
        return given;
    }

    private static void addDefault(List<String> args, Set<String> given, String flag, String value) {
        if (!given.contains(flag)) {
            args.add(flag);
            args.add(value);
        }
    }

    private static void createOutputDir() {
        try {
            Files.createDirectories(Path.of(OUTPUT_DIR));
        } catch (IOException e) {
            throw new UserException("cannot create " + OUTPUT_DIR + ": " + e.getMessage());
        }
    }
}
