package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.io.Csv;
import rnnscratch.optim.Sgd;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.text.Minibatch;
import rnnscratch.train.PredictCh8;
import rnnscratch.train.TrainCh8;

/**
 * Ctrl-C during {@code train}, pressed at a chosen minibatch (no timing: the test presses the run's {@link CtrlC}
 * itself, as the JVM's hook does on SIGINT). Docs: docs/command-line.md#train
 */
@DisplayName("Ctrl-C during train: exit 130, complete files after an epoch, no file touched before the first ends")
class CtrlCTest {
    @TempDir
    Path dir;

    /** What a run printed and returned. */
    private record Stopped(int code, String out, String err) {}

    /**
     * {@code train} with {@code args} on small minibatches (about 200 an epoch), Ctrl-C pressed in epoch {@code epoch}
     * after its first minibatch.
     */
    private static Stopped trainPressingCtrlCIn(int epoch, List<String> args) {
        var ctrlC = new AtomicReference<CtrlC>();
        TrainCh8.TrainEpochCh8 book = TrainCh8::trainEpochCh8;
        var parts = new Parts(RnnFunctions.library(), Sgd::sgd, (net, batches, updater, random, theta, e, listener) ->
                book.trainEpochCh8(net, e == epoch ? pressingAfterFirst(batches, ctrlC) : batches, updater, random,
                        theta, e, listener), PredictCh8::predictCh8);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var flags = new ArrayList<>(List.of("--batch-size", "2", "--num-steps", "5"));
        flags.addAll(args);
        List<String> line = MainTest.tiny(flags.toArray(String[]::new)); // "train", then its flags
        var settings = TrainSettings.from(TrainCommand.SPEC.parse(line.subList(1, line.size())));
        int code = TrainCommand.train(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, parts, e -> {
                    ctrlC.set(CtrlC.install(e));
                    return ctrlC.get();
                }).exitCode();
        return new Stopped(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The minibatches, with Ctrl-C pressed once the first has been handed out. */
    private static Iterable<Minibatch> pressingAfterFirst(Iterable<Minibatch> batches, AtomicReference<CtrlC> ctrlC) {
        return () -> {
            Iterator<Minibatch> it = batches.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Minibatch next() {
                    ctrlC.get().press();
                    return it.next();
                }
            };
        };
    }

    /** Files of an earlier run under the names the new run writes, by flag. */
    private Map<String, Path> earlierFiles() throws IOException {
        var files = new LinkedHashMap<String, Path>();
        files.put("--metrics", Files.writeString(dir.resolve("m.csv"), MetricsLog.HEADER + "\n1,9.5,100.0,3,0.5\n"));
        files.put("--plot", Files.writeString(dir.resolve("p.svg"), "<svg>the earlier run</svg>\n"));
        files.put("--report", Files.writeString(dir.resolve("r.html"), "<html>the earlier run</html>\n"));
        Path save = dir.resolve("ck.npz");
        assertThat(CliRun.of(MainTest.tiny("--epochs", "1", "--save", save.toString())).code()).isZero();
        files.put("--save", save);
        return files;
    }

    private static List<String> outputFlags(Map<String, Path> files, String... more) {
        var args = new ArrayList<String>(List.of(more));
        files.forEach((flag, path) -> args.addAll(List.of(flag, path.toString())));
        return args;
    }

    @Test
    @DisplayName("Ctrl-C during the first epoch writes no file: an earlier checkpoint, metrics, plot and report stay "
            + "as they were, and each is named")
    void stopInTheFirstEpochReplacesNothing() throws IOException {
        Map<String, Path> files = earlierFiles();
        var before = new LinkedHashMap<Path, byte[]>();
        for (Path p : files.values()) {
            before.put(p, Files.readAllBytes(p));
        }
        Stopped run = trainPressingCtrlCIn(1, outputFlags(files, "--epochs", "3"));
        assertThat(run.code()).as("the exit code of a stop, as shells report Ctrl-C\n%s", run).isEqualTo(130);
        for (var p : before.entrySet()) {
            assertThat(Files.readAllBytes(p.getKey())).as("%s, written by an earlier run: a stop before the first "
                    + "epoch ended must leave it as it was\n%s", p.getKey().getFileName(), run).isEqualTo(p.getValue());
        }
        assertThat(run.out()).contains("stopped by Ctrl-C after 0 of 3 epochs")
                .contains("no checkpoint saved: no epoch finished (stopped during the first); " + files.get("--save")
                        + " was left as it was")
                .contains("no metrics: no epoch finished (stopped during the first); " + files.get("--metrics")
                        + " was left as it was")
                .contains("no plot: no epoch finished (stopped during the first); " + files.get("--plot")
                        + " was left as it was")
                .contains("no report: no epoch finished (stopped during the first); " + files.get("--report")
                        + " was left as it was")
                .doesNotContain("saved checkpoint").doesNotContain("wrote ");
        assertThat(run.err()).as("stderr after Ctrl-C: no stack trace").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("Ctrl-C during the first epoch of a fresh run creates no file at all")
    void stopInTheFirstEpochCreatesNothing() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Stopped run = trainPressingCtrlCIn(1, List.of("--epochs", "3", "--save", out.resolve("ck.npz").toString(),
                "--metrics", out.resolve("m.csv").toString(), "--plot", out.resolve("p.svg").toString(), "--report",
                out.resolve("r.html").toString()));
        assertThat(run.code()).as("%s", run).isEqualTo(130);
        try (var left = Files.list(out)) {
            assertThat(left).as("files in the output folder after a stop in the first epoch\n%s", run).isEmpty();
        }
        assertThat(run.out()).as("the line saying why no checkpoint was saved")
                .contains("no checkpoint saved: no epoch finished (stopped during the first)\n");
    }

    @Test
    @DisplayName("Ctrl-C after an epoch saves a complete checkpoint of the epochs that ended, and complete metrics, "
            + "plot and report")
    void stopAfterAnEpochSavesEverything() throws IOException {
        Map<String, Path> files = earlierFiles();
        Stopped run = trainPressingCtrlCIn(2, outputFlags(files, "--epochs", "3"));
        assertThat(run.code()).as("%s", run).isEqualTo(130);
        assertThat(run.out()).as("the lines naming each file written after Ctrl-C")
                .contains("saved checkpoint " + files.get("--save") + " (1 epoch trained)")
                .contains("wrote metrics " + files.get("--metrics")).contains("wrote plot " + files.get("--plot"))
                .contains("wrote report " + files.get("--report")).contains("stopped by Ctrl-C after 1 of 3 epochs");
        assertThat(Checkpoint.load(files.get("--save"), "re-save it").epochsDone())
                .as("epochs_done counts the complete epochs only").isEqualTo(1);
        assertThat(Csv.read(files.get("--metrics"))).as("the metrics: the header and the one epoch that ended")
                .hasSize(2);
        assertThat(Files.readString(files.get("--plot"))).as("the plot, this run's")
                .contains("<svg").doesNotContain("the earlier run");
        assertThat(Files.readString(files.get("--report"))).as("the report, this run's")
                .contains("<html").doesNotContain("the earlier run");
    }
}
