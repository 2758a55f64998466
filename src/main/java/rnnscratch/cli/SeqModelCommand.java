package rnnscratch.cli;

import static rnnscratch.cli.Flag.Kind.INTEGER;
import static rnnscratch.cli.Flag.Kind.PATH;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import rnnscratch.UserException;
import rnnscratch.plot.SvgPlot;
import rnnscratch.plot.SvgPlot.Dash;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.seq.AutoregressiveModel;
import rnnscratch.seq.MarkovFeatures;
import rnnscratch.seq.Prediction;
import rnnscratch.seq.Prediction.KStepError;
import rnnscratch.seq.SineData;
import rnnscratch.seq.Training;

/**
 * {@code seq-model}: the book's sequence-model demonstration (d2l 8.1) from start to finish. It generates the noisy
 * sine wave ({@code T = 1000}), trains the autoregressive MLP on the first 600 {@code τ = 4} windows (Adam, lr 0.01,
 * minibatches of 16, 5 epochs), prints the loss after each epoch and the mean squared error of the
 * {@code k}-step-ahead predictions for {@code k = 1, 4, 16, 64}, and writes the book's two figures as SVG.
 *
 * <p>Usage: {@code seq-model [--seed N] [--out DIR]}. One seeded {@link Random} drives the noise, the initial
 * weights and the shuffling, in that order, so a seed repeats a run exactly.
 *
 * <p>Docs: docs/sequence-models.md
 */
public final class SeqModelCommand {
    /** The command and its flags. */
    public static final CommandSpec SPEC = new CommandSpec("seq-model",
            "The book's sequence model (d2l 8.1) on a noisy sine wave, with its two plots.", List.of(
                    Flag.of("--seed", "N", "42", "seed of the random numbers: noise, initial weights, shuffling",
                            INTEGER),
                    Flag.of("--out", "DIR", "target/seq-model", "where to write the two SVG plots (created if "
                            + "missing)", PATH)));

    private static final int TAU = 4;
    private static final int N_TRAIN = 600;
    private static final int BATCH_SIZE = 16;
    private static final int EPOCHS = 5;
    private static final double LR = 0.01;
    private static final int MAX_STEPS = 64;
    private static final int[] STEPS = {1, 4, 16, 64};

    private SeqModelCommand() {}

    /** Runs the command as {@code java -cp target/classes rnnscratch.cli.SeqModelCommand [--seed N] [--out DIR]}. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs {@code seq-model} with {@code args}, printing to {@code out}; a problem the user can fix (a bad flag, an
     * unwritable directory) is one line on {@code err}.
     *
     * @return the exit code: 0 on success, 2 on a user error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Args flags = SPEC.parse(args);
            if (flags.help()) {
                out.print(SPEC.help());
                return 0;
            }
            Path dir = flags.path("--out").orElseThrow();
            createDirectory(dir);
            for (String name : FILES) { // checked before training, as train checks its outputs
                if (Files.isDirectory(dir.resolve(name))) {
                    throw new UserException("--out " + dir + ": " + dir.resolve(name) + " is a folder, where seq-model "
                            + "writes a figure: rename it, or choose another --out");
                }
                OutputFiles.requireWritable("--out", dir.resolve(name));
            }
            demo(flags.longValue("--seed"), dir, out);
            return 0;
        } catch (UserException e) {
            err.println("rnn-scratch: " + Main.oneLine(Advice.of(e)));
            return 2;
        }
    }

    private static void demo(long seed, Path dir, PrintStream out) {
        var rng = new Random(seed);
        SineData data = SineData.generate(rng);
        double[] time = data.time();
        double[] x = data.x();
        var all = MarkovFeatures.of(x, TAU);
        var train = all.firstRows(N_TRAIN);

        var net = AutoregressiveModel.getNet(rng);
        double[] losses = Training.train(net, train.features(), train.labels(), EPOCHS, LR, BATCH_SIZE, rng);
        for (int epoch = 0; epoch < losses.length; epoch++) {
            out.printf(Locale.ROOT, "epoch %d, loss: %f%n", epoch + 1, losses[epoch]);
        }

        double[] onestep = Prediction.oneStep(net, all.features());
        double[] multistep = Prediction.multiStep(net, x, N_TRAIN + TAU);
        double[][] kFeatures = Prediction.kStep(net, x, MAX_STEPS);
        List<KStepError> errors = Prediction.kStepErrors(kFeatures, x, TAU, STEPS);
        int rows = kFeatures.length;

        out.println();
        out.printf(Locale.ROOT, "one-step-ahead predictions:  MSE %.4f  (t = %d…%d)%n",
                Prediction.mse(onestep, tail(x, TAU)), TAU + 1, x.length);
        out.printf(Locale.ROOT, "multi-step predictions from the first %d observations:  MSE %.4f  (t = %d…%d)%n",
                N_TRAIN + TAU, Prediction.mse(tail(multistep, N_TRAIN + TAU), tail(x, N_TRAIN + TAU)),
                N_TRAIN + TAU + 1, x.length);
        out.println();
        out.println("k-step-ahead predictions, mean squared error against the observed x:");
        out.println("   k  predicted times    MSE");
        for (KStepError e : errors) {
            out.printf(Locale.ROOT, "%4d  t = %4d…%-4d  %8.4f%n", e.k(), TAU + e.k(), TAU + e.k() + rows - 1, e.mse());
        }
        out.println();

        var oneVsMulti = SvgPlot.lineChart("One-step vs multi-step predictions", "time", "x", List.of(
                Series.of("data", time, x),
                new Series("1-step preds", tail(time, TAU), onestep, Dash.DASHED),
                new Series("multistep preds", tail(time, N_TRAIN + TAU), tail(multistep, N_TRAIN + TAU),
                        Dash.DASH_DOT)));
        var kSeries = new ArrayList<Series>();
        Dash[] dashes = {Dash.SOLID, Dash.DASHED, Dash.DASH_DOT, Dash.DOTTED};
        for (int s = 0; s < STEPS.length; s++) {
            int k = STEPS[s];
            kSeries.add(new Series(k + "-step preds", Arrays.copyOfRange(time, TAU + k - 1, TAU + k - 1 + rows),
                    Prediction.kStepPreds(kFeatures, TAU, k), dashes[s]));
        }
        var kStep = SvgPlot.lineChart("k-step-ahead predictions", "time", "x", kSeries);
        write(dir, FILES.get(0), oneVsMulti, out);
        write(dir, FILES.get(1), kStep, out);
    }

    /** The figures it writes into {@code --out}. */
    static final List<String> FILES = List.of("one-step-vs-multi-step.svg", "k-step-predictions.svg");

    private static void createDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("--out " + dir + " is a file, not a directory; give a directory with --out DIR");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("--out " + dir + ": cannot create the folder (" + OutputFiles.reason(e)
                    + "): choose a folder you can write in with --out DIR", e);
        }
    }

    private static double[] tail(double[] a, int from) {
        return Arrays.copyOfRange(a, from, a.length);
    }

    private static void write(Path dir, String name, String svg, PrintStream out) {
        Path file = dir.resolve(name);
        SvgPlot.writeAtomically(file, svg);
        out.println("wrote " + file);
    }
}
