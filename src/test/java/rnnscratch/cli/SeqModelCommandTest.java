package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seq-model command (d2l 8.1 from start to finish). Docs: docs/sequence-models.md */
class SeqModelCommandTest {
    /** What a run printed and returned. */
    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = SeqModelCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("A run prints five epoch losses like the book, the MSE of k = 1, 4, 16, 64, and writes two SVG plots")
    void runPrintsLossesTableAndWritesPlots(@TempDir Path dir) throws Exception {
        Result r = run("--seed", "7", "--out=" + dir);
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        assertThat(Pattern.compile("(?m)^epoch \\d, loss: 0\\.\\d{6}$").matcher(r.out()).results().count())
                .as("epoch lines in:\n%s", r.out()).isEqualTo(5);
        for (int k : new int[] {1, 4, 16, 64}) {
            assertThat(r.out()).as("the table's row for k = %d", k).containsPattern("(?m)^\\s*" + k + "  t = ");
        }
        for (String name : List.of("one-step-vs-multi-step.svg", "k-step-predictions.svg")) {
            Path file = dir.resolve(name);
            assertThat(r.out()).as("the line naming the plot %s", name).contains("wrote " + file);
            assertThat(Files.readString(file)).as("%s is a whole SVG file", name).startsWith("<?xml").contains("</svg>");
        }
    }

    @Test
    @DisplayName("A bad flag or value prints one line on stderr, no stack trace, and exits with 2")
    void badFlagsExitWithTwo() {
        for (String[] args : new String[][] {{"--sed", "1"}, {"--seed", "abc"}, {"--seed"}, {"extra"}}) {
            Result r = run(args);
            assertThat(r.code()).as("exit code for %s", List.of(args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as("stderr for %s: %s", List.of(args), r.err()).isEqualTo(1);
            assertThat(r.err()).as("stderr for %s: no stack trace", List.of(args)).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).as("stdout for %s: nothing runs", List.of(args)).isEmpty();
        }
    }

    @Test
    @DisplayName("An --out path that is a file is reported in one line with what to do")
    void unwritableOutIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Result r = run("--out", file.toString());
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as("lines on stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.err()).as("stderr").contains("--out").contains("not a directory");
        assertThat(r.out()).as("nothing is trained before the output directory is known to work").isEmpty();
    }

    @Test
    @DisplayName("--help prints the usage and exits with 0")
    void helpPrintsUsage() {
        Result r = run("--help");
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        assertThat(r.out()).as("seq-model --help").contains("usage: java -jar target/rnn-scratch.jar seq-model").contains("--seed").contains("--out");
    }
}
