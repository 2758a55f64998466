package rnnscratch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rnnscratch.io.CsvWriter;
import rnnscratch.train.EpochListener;
import rnnscratch.train.EpochStats;

/**
 * Keeps every epoch's figures for the plot and, with {@code --metrics}, writes them as they come to a CSV file with
 * the header {@value #HEADER}: one row per epoch, the file complete on disk after every row. The file is created with
 * the first epoch's row, so a run stopped (or diverged) during its first epoch leaves an earlier file of that name as
 * it was. {@code offset} is the
 * sequential iterator's random offset of that epoch (empty with random iteration): give the column to
 * {@code d2l_rnn.py --offsets} to replay the run in PyTorch.
 *
 * <p>Docs: docs/command-line.md, docs/file-formats.md
 */
final class MetricsLog implements EpochListener {
    /** The CSV header. */
    static final String HEADER = "epoch,perplexity,tokens_per_sec,offset,elapsed_s";

    private final Optional<Path> file;
    private final PrintStream err;
    private Optional<CsvWriter> csv = Optional.empty();
    private final List<EpochStats> epochs = new ArrayList<>();
    private boolean failed;

    private MetricsLog(Optional<Path> file, PrintStream err) {
        this.file = file;
        this.err = err;
    }

    /**
     * A log that also writes {@code file} if given (checked beforehand by {@link OutputFiles#requireWritable}); the
     * file is created, header and first row, when the first epoch ends.
     *
     * @param err where a row that cannot be written is reported (training goes on)
     */
    static MetricsLog create(Optional<Path> file, PrintStream err) {
        return new MetricsLog(file, err);
    }

    /**
     * Keeps the epoch and writes its row. A row that cannot be written (a full disk) does not stop training, which
     * matters more than its log: it is reported in one line, the file keeps the rows before it, and no later row is
     * tried.
     */
    @Override
    public void epochEnded(EpochStats s) {
        epochs.add(s);
        if (failed || file.isEmpty()) {
            return;
        }
        try {
            if (csv.isEmpty()) {
                csv = Optional.of(CsvWriter.create(file.get(), List.of(HEADER.split(","))));
            }
            csv.get().row(String.valueOf(s.epoch()), String.valueOf(s.perplexity()),
                    String.format(Locale.ROOT, "%.1f", s.tokensPerSec()),
                    s.offset().isPresent() ? String.valueOf(s.offset().getAsInt()) : "",
                    String.format(Locale.ROOT, "%.3f", s.elapsedSeconds()));
        } catch (rnnscratch.UserException e) {
            failed = true;
            err.println("\nrnn-scratch: " + Main.oneLine(Advice.of(e)) + " — training goes on; " + file.get()
                    + (csv.isEmpty() ? " was not written" : " keeps the epochs before epoch " + s.epoch()));
            err.flush();
        }
    }

    /** Whether every epoch's row was written (true without {@code --metrics}). */
    boolean complete() {
        return !failed;
    }

    /** The epochs finished so far, in order. */
    List<EpochStats> epochs() {
        return List.copyOf(epochs);
    }
}
