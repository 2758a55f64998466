package rnnscratch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.UserException;
import rnnscratch.text.TimeMachine;

/**
 * {@code demo}, what {@code mvn -q compile exec:java} runs: a short {@code train} run that shows perplexity falling
 * and the samples turning into words in under a minute on two cores. It reads the default corpus (The Time Machine
 * if cached or downloadable, else the bundled story, saying which), trains {@value #HIDDENS} hidden units for
 * {@value #EPOCHS} epochs, writes the plot, the metrics, a checkpoint and the run's HTML report under
 * {@code target/demo/}, and ends with the commands to continue ({@code generate} from the checkpoint, the book's full
 * setting) and, last, the report's address.
 *
 * <p>It takes every flag of {@code train}; only the defaults differ.
 *
 * <p>Docs: docs/command-line.md
 */
public final class DemoCommand {
    /** Hidden units of the demo (the book: 512). */
    public static final int HIDDENS = 128;
    /** Epochs of the demo (the book: 500). */
    public static final int EPOCHS = 200;
    /**
     * Threads of the demo: one. Its small products gain little from a second thread, and lose three times over
     * when another program keeps the cores busy (the waiting thread spins).
     */
    public static final int THREADS = 1;

    /** The command and its flags: {@code train}'s, with the demo's defaults. */
    public static final CommandSpec SPEC = new CommandSpec("demo",
            "A quick train run (under a minute on two cores) on the default corpus; takes every flag of train.",
            TrainSettings.flags(new TrainSettings.Defaults(CorpusSpec.DEFAULT, HIDDENS, EPOCHS,
                    "target/demo/model.npz", "target/demo/metrics.csv", "target/demo/perplexity.svg", THREADS,
                    "target/demo/report.html")));

    private DemoCommand() {}

    /**
     * Runs {@code demo} with {@code argv} (flags of {@code train} that change the demo's defaults).
     *
     * @return the exit code (see {@link TrainCommand})
     * @throws UserException for bad input, before anything was written
     */
    public static int run(List<String> argv, PrintStream out, PrintStream err, boolean terminal) {
        Args args = SPEC.parse(argv);
        if (args.help()) {
            out.print(SPEC.help());
            return 0;
        }
        var settings = TrainSettings.from(args);
        var created = new ArrayList<Path>(); // folders made here, removed again if the input is refused
        for (String flag : List.of("--save", "--metrics", "--plot", "--report")) {
            if (!args.isGiven(flag)) {
                args.path(flag).ifPresent(p -> createParent(p, created));
            }
        }
        out.printf("rnn-scratch demo: %d epochs of the book's character RNN with %d hidden units "
                + "(the book's full setting: %d hidden units, %d epochs)%n", settings.epochs(),
                settings.hiddens(), TrainSettings.BOOK_HIDDENS, TrainSettings.BOOK_EPOCHS);
        TrainCommand.Outcome outcome;
        try {
            outcome = TrainCommand.train(settings, out, err, terminal, Parts.library());
        } catch (UserException e) {
            removeEmpty(created);
            throw e;
        }
        if (outcome.exitCode() != 0) {
            return outcome.exitCode();
        }
        out.println();
        settings.plot().ifPresent(p -> out.println("The plot of perplexity against epoch is " + p + "."));
        settings.save().ifPresent(p -> out.println("Continue the text (after mvn -q package): java -jar "
                + "target/rnn-scratch.jar generate --checkpoint " + p + " --prefix '" + settings.prefixFor(
                outcome.corpusName()) + "'"));
        String bookCorpus = bookCorpus(outcome.corpusName());
        out.println("The book's full setting (" + TrainSettings.BOOK_HIDDENS + " hidden units, "
                + TrainSettings.BOOK_EPOCHS + " epochs): the README's command"
                + (bookCorpus.equals(CorpusSpec.TIME_MACHINE) ? "" : ", with the local copy of the text") + ": java "
                + String.join(" ", BookCommand.JVM_OPTIONS) + " -jar target/rnn-scratch.jar train --corpus "
                + bookCorpus + " --save target/book.npz --plot target/book.svg");
        settings.report().ifPresent(p -> out.println("The report of this run (perplexity, gradient norms and clipping, "
                + "gradients through time, the hidden state): " + p.toAbsolutePath().normalize().toUri()));
        return 0;
    }

    /** {@code timemachine} if it was at hand, else the shared copy next to the repository if there is one. */
    private static String bookCorpus(String corpusName) {
        Path shared = Path.of("..", "shared", "data", TimeMachine.FILE_NAME);
        return corpusName.equals(TimeMachine.NAME) || !Files.isRegularFile(shared) ? CorpusSpec.TIME_MACHINE
                : shared.toString();
    }

    /** Creates the folder of {@code file}, adding each folder it had to make to {@code created}, outermost first. */
    private static void createParent(Path file, List<Path> created) {
        Path dir = file.toAbsolutePath().getParent();
        var missing = new ArrayDeque<Path>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.push(d);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("cannot create the folder " + dir + " (" + e.getMessage() + "): run the demo "
                    + "from the repository's folder, or pass --save, --metrics, --plot and --report", e);
        }
        created.addAll(missing);
    }

    /** Removes the folders of {@code created} that are still empty, innermost first. */
    private static void removeEmpty(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException notEmptyOrGone) {
                // something was written there after all: leave it
            }
        }
    }
}
