package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --backward manual}: the hand-written backward pass from the command line. Docs: docs/bptt.md */
class BackwardFlagTest {
    @TempDir
    Path dir;

    private List<String> perplexities(String backward) throws IOException {
        Path csv = dir.resolve(backward + ".csv");
        CliRun run = CliRun.of(MainTest.tiny("--epochs", "3", "--backward", backward, "--metrics", csv.toString()));
        assertThat(run.code()).as("%s", run).isZero();
        return Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")[1]).toList();
    }

    @Test
    @DisplayName("train --backward manual prints and logs the perplexities of the default run (--backward autograd)")
    void manualIsTheAutogradsRun() throws IOException {
        List<String> tape = perplexities("autograd");
        List<String> manual = perplexities("manual");
        assertThat(manual).as("the metrics' perplexities").hasSize(3);
        for (int e = 0; e < 3; e++) {
            assertThat(Double.parseDouble(manual.get(e))).as("epoch %d", e + 1)
                    .isCloseTo(Double.parseDouble(tape.get(e)), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    @DisplayName("--backward takes autograd or manual, and anything else is one line and exit 2")
    void otherValuesAreRefused() {
        CliRun run = CliRun.of(MainTest.tiny("--backward", "by-hand"));
        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).as("stderr").contains("--backward must be autograd or manual");
        assertThat(run.showsStackTrace()).as("%s", run).isFalse();
    }
}
