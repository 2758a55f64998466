package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.io.Csv;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.testing.Vocabs;
import rnnscratch.train.EpochStats;

/**
 * What a run shows and leaves behind: progress lines, the metrics CSV (the plot: plot.PerplexityPlotTest), and the
 * trained model when a file cannot be written.
 */
@DisplayName("Progress lines, the metrics CSV, and outputs that cannot be written")
class ProgressAndMetricsTest {
    @TempDir
    Path dir;

    private static List<EpochStats> epochs(int n, boolean random) {
        var epochs = new ArrayList<EpochStats>();
        for (int e = 1; e <= n; e++) {
            epochs.add(new EpochStats(e, 20.0 / e + 1, 1000.0 * e, 0, 0, random ? OptionalInt.empty()
                    : OptionalInt.of(e % 36), 0.5 * e));
        }
        return epochs;
    }

    @Test
    @DisplayName("The metrics CSV has the header and one row per epoch, offset empty with random iteration; it is "
            + "created when the first epoch ends, not before")
    void metricsHaveOneRowPerEpoch() {
        Path file = dir.resolve("m.csv");
        Props.qt(30).forAll(integers().between(0, 30), booleans().all()).checkAssert((n, random) -> {
            deleteIfExists(file);
            var log = MetricsLog.create(Optional.of(file), System.err);
            assertThat(file).as("the metrics file before any epoch has ended").doesNotExist();
            epochs(n, random).forEach(log::epochEnded);
            if (n == 0) {
                return;
            }
            List<List<String>> rows = Csv.read(file);
            assertThat(String.join(",", rows.get(0))).as("the metrics' header").isEqualTo("epoch,perplexity,tokens_per_sec,offset,elapsed_s");
            assertThat(rows).as("header plus one row per epoch").hasSize(n + 1);
            for (int e = 1; e <= n; e++) {
                EpochStats s = epochs(n, random).get(e - 1);
                List<String> row = rows.get(e);
                assertThat(row.get(0)).as("the epoch column of row %d", e).isEqualTo(String.valueOf(e));
                assertThat(Double.parseDouble(row.get(1))).as("perplexity, to the last bit").isEqualTo(s.perplexity());
                assertThat(row.get(3)).as("offset").isEqualTo(random ? "" : String.valueOf(e % 36));
            }
            assertThat(log.epochs()).as("epochs the log keeps for the plot").hasSize(n);
        });
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("A metrics row that cannot be written does not stop training: one line says so, the file keeps the "
            + "rows before it, and no later row is tried")
    void aFailedRowDoesNotStopTraining() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("going"));
        Path file = folder.resolve("m.csv");
        var bytes = new ByteArrayOutputStream();
        var log = MetricsLog.create(Optional.of(file), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var epochs = epochs(4, false);
        log.epochEnded(epochs.get(0));
        String before = Files.readString(file);
        Files.delete(file);
        Files.delete(folder); // the folder is gone: the next row cannot be written
        log.epochEnded(epochs.get(1));
        Files.createDirectories(folder);
        Files.writeString(file, before);
        log.epochEnded(epochs.get(2));
        assertThat(log.complete()).as("the metrics log says it is incomplete after a row failed").isFalse();
        assertThat(log.epochs()).as("every epoch is still kept for the plot").hasSize(3);
        assertThat(Files.readString(file)).as("no row is tried after the failed one").isEqualTo(before);
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip().lines().toList())
                .as("the one line about the failed row").singleElement().asString()
                .startsWith("rnn-scratch: cannot write " + file).contains("training goes on")
                .contains("keeps the epochs before epoch 2");
    }

    @Test
    @DisplayName("Plain output prints every epoch of short runs, every tenth of long ones, and each sample")
    void plainProgressLines() {
        for (int n : new int[] {3, 50, 120}) {
            var bytes = new ByteArrayOutputStream();
            var progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, n);
            for (EpochStats s : epochs(n, false)) {
                progress.epochEnded(s);
                if (s.epoch() % 10 == 0) {
                    progress.sample(s.epoch(), "time traveller");
                }
            }
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            long epochLines = lines.stream().filter(l -> l.startsWith("epoch ")).count();
            assertThat(epochLines).as("epoch lines of a %d-epoch run", n).isEqualTo(n <= 50 ? n : 1 + n / 10);
            assertThat(lines.stream().filter(l -> l.equals("  time traveller")).count())
                    .as("sample lines of a %d-epoch run, one each tenth epoch", n).isEqualTo(n / 10);
            assertThat(lines).as("plain output of a %d-epoch run rewrites no line (no \\r)", n)
                    .noneMatch(l -> l.contains("\r"));
        }
    }

    @Test
    @DisplayName("A progress line shows epoch k/N, perplexity, tokens/s, elapsed time and ETA")
    void progressLineReadsLikeTheIssue() {
        var s = new EpochStats(37, 6.4123, 24310.4, 0, 0, OptionalInt.of(3), 41.0);
        assertThat(Progress.line(s, 500)).as("the line of epoch 37 of 500")
                .isEqualTo("epoch 37/500  perplexity 6.41  24,310 tokens/s  elapsed 0:41  ETA 8:33");
        assertThat(Progress.clock(3 * 3600 + 62)).as("3 h 1 min 2 s as a clock").isEqualTo("3:01:02");
        assertThat(Progress.perplexity(5.1e63, 2)).as("an exploded perplexity stays readable").isEqualTo("5.10e+63");
    }

    @Test
    @DisplayName("A trained model that cannot be saved where --save says goes to the temporary folder instead, "
            + "named in one line, so the training is not lost")
    void aFailedSaveKeepsTheModel() throws Exception {
        var checkpoint = new Checkpoint(RnnParams.getParams(4, 3, new Random(0)), Vocabs.characters(4), Map.of());
        Path folder = Files.createDirectories(dir.resolve("model.npz")); // a folder: cannot be written
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        boolean there = TrainCommand.save(checkpoint, folder, 7, new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(there).as("save reports that the model is not where --save said").isFalse();
        var lines = err.toString().lines().toList();
        assertThat(lines).as("stderr: the failure, then where the model went").hasSize(2);
        assertThat(lines.get(0)).as("the first line on stderr").startsWith("rnn-scratch: cannot write " + folder);
        var saved = Pattern.compile("rnn-scratch: the trained model is saved in (\\S+) instead \\(7 "
                + "epochs trained\\): move it where you want it").matcher(lines.get(1));
        assertThat(saved.matches()).as("the second line names the file the model went to instead: %s", lines.get(1))
                .isTrue();
        Path instead = Path.of(saved.group(1));
        try {
            assertThat(Checkpoint.load(instead, "").params().W_hh().value())
                    .as("W_hh of the checkpoint saved instead").isDeepEqualTo(checkpoint.params().W_hh().value());
        } finally {
            Files.deleteIfExists(instead);
        }
        assertThat(out.toString()).as("no 'saved checkpoint' line").isEmpty();
    }
}
