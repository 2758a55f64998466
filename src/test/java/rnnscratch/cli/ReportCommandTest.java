package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.rnn.Rnn;

/** {@code --report FILE.html} on train and demo. Docs: docs/command-line.md */
@DisplayName("--report: the run's HTML report, from train, demo and a run on other functions")
class ReportCommandTest {
    @TempDir
    Path dir;

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    @DisplayName("train --report writes the report, and the command's last line gives its path and address")
    void trainWritesTheReportAndEndsWithItsPath() throws IOException {
        Path report = dir.resolve("run.html");
        CliRun run = CliRun.of(MainTest.tiny("--epochs", "3", "--report", report.toString()));
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(lastLine(run.out())).as("the last line of train --report").isEqualTo("wrote report " + report + " (open " + report.toUri()
                + " in a browser)");
        String html = Files.readString(report);
        assertThat(html).as("the report's sections and summary").contains("<section id=\"perplexity\">", "<section id=\"clipping\">",
                "<section id=\"through-time\">", "<section id=\"hidden-state\">", "<section id=\"samples\">")
                .contains("Trained 3 epochs").contains("bundled corpus").contains("the clockmaker");
    }

    @Test
    @DisplayName("A run that diverges still writes its report, which says so, and the report's line comes last")
    void divergedRunIsReported() throws IOException {
        Path report = dir.resolve("diverged.html");
        CliRun run = CliRun.of(MainTest.tiny("--epochs", "5", "--theta", "none", "--lr", "1000", "--report",
                report.toString()));
        assertThat(run.code()).as("%s", run).isEqualTo(TrainCommand.EXIT_DIVERGED);
        assertThat(lastLine(run.out())).as("the last line of a diverged run").startsWith("wrote report " + report);
        assertThat(Files.readString(report)).as("the report of a diverged run").contains("Training diverged").contains("Clipping was <strong>off"
                + "</strong>");
    }

    @Test
    @DisplayName("A bad --report path is one line and exit 2 before training, and an existing file is untouched")
    void badReportPathsAreRefusedBeforeTraining() throws IOException {
        Path old = Files.writeString(dir.resolve("old.html"), "precious");
        Path folder = Files.createDirectory(dir.resolve("folder.html"));
        var bad = List.of(
                List.of("--report", dir.resolve("r.txt").toString(), "must end in .html or .htm"),
                List.of("--report", dir.resolve("no/r.html").toString(), "does not exist: create it first"),
                List.of("--report", folder.toString(), "is a folder"),
                List.of("--report", old.toString(), "already exists and is a text file, not an HTML page"),
                List.of("--report", old.toString(), "--lr", "0", "--lr must be a number > 0"));
        for (List<String> b : bad) {
            CliRun run = CliRun.of(MainTest.tiny(b.subList(0, b.size() - 1).toArray(String[]::new)));
            assertThat(run.code()).as("%s", run).isEqualTo(2);
            assertThat(run.err().strip().lines().count()).as("%s", run).isEqualTo(1);
            assertThat(run.err()).as("stderr for %s names the path", b).contains(b.get(b.size() - 1)).doesNotContain("\tat ");
            assertThat(Files.readString(old)).as("the old report after %s", b).isEqualTo("precious");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files in the folder: no report was written")
                    .containsExactlyInAnyOrder("old.html",
                    "folder.html");
        }
    }

    @Test
    @DisplayName("A word-level run's report shows the words read along the heatmap's time axis")
    void wordLevelReport() throws IOException {
        Path report = dir.resolve("words.html");
        CliRun run = CliRun.of(MainTest.tiny("--epochs", "2", "--token", "word", "--report", report.toString()));
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(Files.readString(report)).as("the heatmap of a word-level run").contains("<section id=\"hidden-state\">")
                .contains("class=\"token\"").contains(">clockmaker</text>");
    }

    @Test
    @DisplayName("demo --report ends with the report's address")
    void demoEndsWithTheReport() {
        Path report = dir.resolve("demo.html");
        CliRun run = CliRun.of("demo", "--corpus", "bundled", "--epochs", "2", "--max-tokens", "2000", "--hiddens",
                "8", "--save", dir.resolve("m.npz").toString(), "--metrics", dir.resolve("m.csv").toString(),
                "--plot", dir.resolve("p.svg").toString(), "--report", report.toString());
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(lastLine(run.out())).as("demo's last line").startsWith("The report of this run").endsWith(report.toUri().toString());
        assertThat(report).as("demo --report's file").exists();
    }

    @Test
    @DisplayName("A run on other functions (a student's) writes the report too; when their rnn keeps no hidden "
            + "states, the gradients through time are said to be unavailable")
    void runOnOtherFunctionsWritesTheReport() throws IOException {
        var library = Parts.library();
        var m = library.model();
        var model = m.withRnn((inputs, state, params) -> {
            Rnn.Output out = m.rnn().rnn(inputs, state, params);
            return new Rnn.Output(out.outputs(), out.state());
        });
        var parts = new Parts(model, library.sgd(), library.trainEpochCh8(), library.predictCh8());
        Path report = dir.resolve("student.html");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        List<String> argv = MainTest.tiny("--epochs", "2", "--report", report.toString());
        int code = TrainCommand.run(argv.subList(1, argv.size()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, parts);
        assertThat(code).as("%s", err).isZero();
        assertThat(lastLine(out.toString(StandardCharsets.UTF_8))).as("the last line of the run").startsWith("wrote report " + report);
        assertThat(Files.readString(report)).as("the report of a run whose rnn keeps no hidden states")
                .contains("Not available: the model's <code>rnn</code> function did not "
                + "report its hidden states").contains("<section id=\"hidden-state\">");
    }
}
