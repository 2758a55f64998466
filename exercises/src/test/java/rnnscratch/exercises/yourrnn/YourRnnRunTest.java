package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.cli.TrainCommand;

/** What the "your RNN" run reads and writes. Docs: docs/exercises.md#your-rnn */
@Tag("exercise")
class YourRnnRunTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("With every part from the exercise classes (solutions/ here), the run report has every section, the "
            + "gradients through time included")
    void reportHasEverySection() throws Exception {
        Path report = dir.resolve("report.html");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = TrainCommand.run(List.of("--corpus", "bundled", "--hiddens", "16", "--epochs", "3", "--report",
                report.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                StudentFunctions.build(new HashSet<>(StudentFunctions.PARTS)));
        assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        String html = Files.readString(report);
        for (String id : List.of("perplexity", "clipping", "through-time", "hidden-state", "samples")) {
            assertThat(html).as("the report's section %s", id).contains("<section id=\"" + id + "\">");
        }
        assertThat(html).as("the gradients through time are there").doesNotContain("Not available");
    }

    @Test
    @DisplayName("The run reads ../shared/data/timemachine.txt when it is there, as the tests do, else The Time "
            + "Machine if it can be had, else the bundled story; a --corpus given wins; a line says which")
    void corpusIsFoundAsTheTestsFindIt() {
        var shared = YourRnn.withDefaults(List.of(), true);
        assertThat(shared.subList(shared.indexOf("--corpus"), shared.indexOf("--corpus") + 2))
                .containsExactly("--corpus", YourRnn.SHARED_TIME_MACHINE.toString());
        assertThat(YourRnn.corpusLine(List.of(), shared)).contains(YourRnn.SHARED_TIME_MACHINE.toString())
                .contains("the tests read");
        var none = YourRnn.withDefaults(List.of(), false);
        assertThat(none.get(none.indexOf("--corpus") + 1)).isEqualTo("default");
        assertThat(YourRnn.corpusLine(List.of(), none)).contains("is not here").contains("bundled");
        var given = List.of("--corpus", "bundled");
        var kept = YourRnn.withDefaults(given, true);
        assertThat(kept.stream().filter("--corpus"::equals).count()).as("one --corpus, the student's").isEqualTo(1);
        assertThat(YourRnn.corpusLine(given, kept)).isEqualTo("Corpus: bundled (--corpus)");
    }
}
