package rnnscratch.cli;

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
 * the header {@value #HEADER}: one row per epoch, the file complete on disk after every row. {@code offset} is the
 * sequential iterator's random offset of that epoch (empty with random iteration): give the column to
 * {@code d2l_rnn.py --offsets} to replay the run in PyTorch.
 *
 * <p>Docs: docs/command-line.md, docs/file-formats.md
 */
final class MetricsLog implements EpochListener {
    /** The CSV header. */
    static final String HEADER = "epoch,perplexity,tokens_per_sec,offset,elapsed_s";

    private final Optional<CsvWriter> csv;
    private final List<EpochStats> epochs = new ArrayList<>();

    private MetricsLog(Optional<CsvWriter> csv) {
        this.csv = csv;
    }

    /**
     * A log that also writes {@code file} if given; the file is created (header only) at once.
     *
     * @throws rnnscratch.UserException if the file cannot be written
     */
    static MetricsLog create(Optional<Path> file) {
        return new MetricsLog(file.map(f -> CsvWriter.create(f, List.of(HEADER.split(",")))));
    }

    @Override
    public void epochEnded(EpochStats s) {
        epochs.add(s);
        csv.ifPresent(w -> w.row(String.valueOf(s.epoch()), String.valueOf(s.perplexity()),
                String.format(Locale.ROOT, "%.1f", s.tokensPerSec()),
                s.offset().isPresent() ? String.valueOf(s.offset().getAsInt()) : "",
                String.format(Locale.ROOT, "%.3f", s.elapsedSeconds())));
    }

    /** The epochs finished so far, in order. */
    List<EpochStats> epochs() {
        return List.copyOf(epochs);
    }
}
