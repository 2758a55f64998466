package rnnscratch.plot;

import java.awt.AWTError;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rnnscratch.UserException;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.io.AtomicFiles;
import rnnscratch.train.EpochStats;

/**
 * The perplexity plot of a training run: perplexity against epoch on a logarithmic axis, as SVG ({@link SvgPlot})
 * or PNG ({@link PngPlot}) by the file's ending, written atomically.
 *
 * <p>Docs: docs/command-line.md
 */
public final class PerplexityPlot {
    private PerplexityPlot() {}

    /**
     * Draws the finite perplexities of {@code epochs} into {@code file}.
     *
     * @return false (and nothing is written) when no epoch has a finite perplexity
     * @throws UserException if the file cannot be written; a {@link PngUnavailableException} if a PNG cannot be
     *                       drawn on this machine
     */
    public static boolean write(Path file, String title, List<EpochStats> epochs) {
        var finite = epochs.stream().filter(s -> Double.isFinite(s.perplexity())).toList();
        if (finite.isEmpty()) {
            return false;
        }
        double[] x = finite.stream().mapToDouble(EpochStats::epoch).toArray();
        double[] y = finite.stream().mapToDouble(EpochStats::perplexity).toArray();
        List<Series> series = List.of(Series.of("train", x, y));
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            try {
                PngPlot.write(file, PngPlot.lineChart(title, "epoch", "perplexity", series, Scale.LOG));
            } catch (UserException e) {
                throw e;
            } catch (RuntimeException | LinkageError | AWTError e) {
                throw new PngUnavailableException("cannot draw a PNG on this machine (" + e + ")", e);
            }
        } else {
            AtomicFiles.writeString(file, SvgPlot.lineChart(title, "epoch", "perplexity", series, Scale.LOG));
        }
        return true;
    }
}
