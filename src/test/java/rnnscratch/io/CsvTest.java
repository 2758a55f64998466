package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

@DisplayName("CSV files: a header, then one row per call, always complete on disk")
class CsvTest {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    /** Fields with the characters CSV must escape: commas, quotes, line breaks; and empty fields. */
    private static Gen<String> fields() {
        return strings().basicLatinAlphabet().ofLengthBetween(0, 6)
                .mix(lists().of(integers().between(0, 4)).ofSizeBetween(0, 5).map(picks -> {
                    var field = new StringBuilder();
                    picks.forEach(k -> field.append(new String[] {",", "\"", "\n", "\r\n", "é"}[k]));
                    return field.toString();
                }));
    }

    @Test
    @DisplayName("The rows written are the rows read back, the header first")
    void rowsWrittenAreRowsRead() {
        Props.qt().forAll(integers().between(1, 5), lists().of(fields()).ofSizeBetween(0, 30))
                .checkAssert((columns, flat) -> {
                    var header = new ArrayList<String>();
                    for (int c = 0; c < columns; c++) {
                        header.add("col" + c);
                    }
                    var rows = new ArrayList<List<String>>();
                    for (int start = 0; start + columns <= flat.size(); start += columns) {
                        rows.add(flat.subList(start, start + columns));
                    }
                    Path file = dir.resolve("m" + files.incrementAndGet() + ".csv");
                    var writer = CsvWriter.create(file, header);
                    rows.forEach(writer::row);
                    var expected = new ArrayList<List<String>>();
                    expected.add(header);
                    expected.addAll(rows);
                    assertThat(Csv.read(file)).as("header then %d rows", rows.size()).isEqualTo(expected);
                    assertThat(writer.rows()).as("the rows the writer counts, the header not included")
                            .isEqualTo(rows.size());
                });
    }

    @Test
    @DisplayName("After every row the file on disk already holds that row, ending with a newline")
    void everyRowIsOnDiskAtOnce() throws IOException {
        Path file = dir.resolve("metrics.csv");
        var writer = CsvWriter.create(file, List.of("epoch", "perplexity", "tokens_per_sec", "offset", "elapsed_s"));
        assertThat(Files.readString(file)).as("the file as soon as it is created: the header")
                .isEqualTo("epoch,perplexity,tokens_per_sec,offset,elapsed_s\n");
        writer.row("1", String.format(Locale.ROOT, "%.6f", 17.25), "1234.5", "", "0.8");
        assertThat(Files.readString(file)).as("an empty field (no offset in random iteration) stays empty")
                .endsWith("\n1,17.250000,1234.5,,0.8\n");
        writer.row("2", "12.5", "1300.0", "3", "1.6");
        assertThat(Csv.read(file)).as("the header and two rows, the last one just written").hasSize(3).last().isEqualTo(List.of("2", "12.5", "1300.0", "3", "1.6"));
    }

    @Test
    @DisplayName("A row with the wrong number of fields is a programming error naming both counts")
    void rowsMustMatchTheHeader() {
        var writer = CsvWriter.create(dir.resolve("x.csv"), List.of("a", "b"));
        assertThatThrownBy(() -> writer.row("1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 columns").hasMessageContaining("1 fields");
    }

    @Test
    @DisplayName("Fields with commas, quotes or line breaks are quoted, inner quotes doubled")
    void specialFieldsAreQuoted() {
        assertThat(Csv.formatRow(List.of("a,b", "say \"hi\"", "plain", ""))).as("a comma, a quote, plain, empty")
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain,");
        assertThat(Csv.formatRow(List.of(""))).as("a lone empty field is quoted so the line is not blank")
                .isEqualTo("\"\"");
        assertThat(Csv.parse("a,b\r\n1,\"x\ny\"\n")).as("a CRLF line end and a quoted line break")
                .containsExactly(List.of("a", "b"), List.of("1", "x\ny"));
    }

    @Test
    @DisplayName("A malformed file or an unwritable path gives a UserException naming the file")
    void badFilesAreExplained() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,\"open\n");
        assertThatThrownBy(() -> Csv.read(file)).isInstanceOf(UserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("never closed");
        Path nowhere = dir.resolve("no/such/dir/m.csv");
        assertThatThrownBy(() -> CsvWriter.create(nowhere, List.of("a"))).isInstanceOf(UserException.class)
                .hasMessageContaining(nowhere.toString());
    }
}
