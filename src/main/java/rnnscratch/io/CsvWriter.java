package rnnscratch.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file that grows by one row at a time while a run goes on, e.g. the training metrics with header
 * {@code epoch,perplexity,tokens_per_sec,offset,elapsed_s}. Fields are strings: format numbers before passing them
 * ({@code String.valueOf(x)} or {@code String.format(Locale.ROOT, ...)}); an empty field is allowed.
 *
 * <p>Every call rewrites the whole file atomically through {@link AtomicFiles}, so a reader, a crash or Ctrl-C
 * never sees half a row. That costs time proportional to the file size per row, which is nothing for one row per
 * epoch (a 500-epoch file is about 30 KB).
 *
 * <p>Docs: docs/file-formats.md
 */
public final class CsvWriter {
    private final Path file;
    private final List<String> header;
    private final StringBuilder text = new StringBuilder();
    private int rows;

    private CsvWriter(Path file, List<String> header) {
        this.file = file;
        this.header = List.copyOf(header);
    }

    /**
     * Creates (or replaces) {@code file} holding only the header line.
     *
     * @throws IllegalArgumentException if the header is empty
     * @throws rnnscratch.UserException if the file cannot be written
     */
    public static CsvWriter create(Path file, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("CsvWriter.create: the header needs at least one column");
        }
        var writer = new CsvWriter(file, header);
        writer.append(header);
        return writer;
    }

    /**
     * Appends one row and writes the file.
     *
     * @throws IllegalArgumentException if the row does not have one field per header column
     * @throws rnnscratch.UserException if the file cannot be written
     */
    public void row(List<String> fields) {
        if (fields.size() != header.size()) {
            throw new IllegalArgumentException("CsvWriter.row: " + file + " has " + header.size() + " columns "
                    + header + ", but the row has " + fields.size() + " fields " + fields);
        }
        append(fields);
        rows++;
    }

    /** Like {@link #row(List)}, with the fields given one by one. */
    public void row(String... fields) {
        row(Arrays.asList(fields));
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** The column names. */
    public List<String> header() {
        return header;
    }

    /** The number of rows written after the header. */
    public int rows() {
        return rows;
    }

    private void append(List<String> fields) {
        int before = text.length();
        text.append(Csv.formatRow(fields)).append('\n');
        try {
            AtomicFiles.writeString(file, text.toString());
        } catch (RuntimeException e) {
            text.setLength(before);
            throw e;
        }
    }
}
