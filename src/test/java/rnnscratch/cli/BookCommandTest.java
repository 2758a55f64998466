package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.bench.BookRun;
import rnnscratch.testing.Props;

/** The bench measures the README's book command as the user runs it. Docs: docs/performance.md */
class BookCommandTest {
    @Test
    @DisplayName("The bench runs the README's book command: the same JVM options, the same jar, the train command")
    void readmeCommandIsTheBenchsCommand() throws IOException {
        var readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        var book = readme.stream().filter(l -> l.startsWith("java ") && l.contains("-jar target/rnn-scratch.jar train"))
                .findFirst();
        assertThat(book).as("the README's book command (a line starting `java … -jar target/rnn-scratch.jar train`)")
                .isPresent();
        var words = List.of(book.get().split(" "));
        assertThat(words.subList(1, words.indexOf("-jar"))).as("its JVM options, which the bench's runs use")
                .isEqualTo(BookCommand.JVM_OPTIONS);
        assertThat(words).as("the README's book command leaves --kernel at its default, auto").doesNotContain("--kernel");
        var cmd = BookCommand.command(Path.of("java"), Path.of("target/rnn-scratch.jar"), Path.of("tm.txt"), 20,
                Path.of("m.csv"), BookCommand.Kernel.README);
        assertThat(String.join(" ", cmd))
                .as("the bench's book command: the README's, with its own corpus, epochs and metrics")
                .startsWith(String.join(" ", words.subList(0, words.indexOf("train") + 1)))
                .endsWith("train --corpus tm.txt --epochs 20 --metrics m.csv");
        assertThat(BookCommand.command(Path.of("java"), Path.of("target/rnn-scratch.jar"), Path.of("tm.txt"), 20,
                Path.of("m.csv"), BookCommand.Kernel.PLAIN)).as("the comparison run: the same with --kernel plain")
                .startsWith(cmd.toArray(String[]::new)).endsWith("--kernel", "plain");
    }

    @Test
    @DisplayName("With a steady epoch time e, n epochs that took W predict W + (500 − n)·e for the book's 500")
    void predictionAddsTheSteadyEpochs() {
        Props.qt().forAll(integers().between(2, 40), doubles().between(0.01, 5), doubles().between(0, 30))
                .checkAssert((n, e, start) -> {
                    var elapsed = new double[n];
                    var speed = new double[n];
                    for (int i = 1; i <= n; i++) {
                        elapsed[i - 1] = start + i * e;
                        speed[i - 1] = 1000;
                    }
                    double wall = start + n * e + 1.5;
                    var run = run(wall, elapsed, speed);
                    assertThat(run.steadyEpochSeconds()).as("the steady epoch time e")
                            .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(run.predictSeconds(500)).as("the prediction for 500 epochs: W + (500 − %d)·e", n)
                            .isCloseTo(wall + (500 - n) * e, org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(run.steadyTokensPerSec()).as("the speed, 1000 tokens/s in every epoch").isEqualTo(1000);
                });
    }

    @Test
    @DisplayName("A slower start does not lower the speed or lengthen the prediction: only the last 10 epochs count")
    void slowerStartIsLeftOut() {
        Props.qt().forAll(integers().between(21, 60), doubles().between(0.01, 5), doubles().between(1.01, 3))
                .checkAssert((n, e, slower) -> {
                    var elapsed = new double[n];
                    var speed = new double[n];
                    double t = 0;
                    for (int i = 1; i <= n; i++) {
                        boolean settled = i > n - BookRun.WINDOW;
                        t += settled ? e : slower * e;
                        elapsed[i - 1] = t;
                        speed[i - 1] = settled ? 1000 : 1000 / slower;
                    }
                    var run = run(t + 1.5, elapsed, speed);
                    assertThat(run.steadyTokensPerSec()).as("the speed of the settled epochs").isEqualTo(1000);
                    assertThat(run.steadyEpochSeconds()).as("the time of a settled epoch")
                            .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(run.settlingRatio()).as("the 10 epochs before them, as a share of their speed")
                            .isCloseTo(1 / slower, org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    @DisplayName("A long run's speed is shown stretch by stretch: the median of each 25 epochs after the first, the "
            + "first left out for the JIT's warm-up")
    void stretchesAreMediansAfterTheFirst() {
        Props.qt().forAll(integers().between(1, 25), integers().between(0, 24), doubles().between(100, 50_000))
                .checkAssert((stretches, extra, base) -> {
                    int n = stretches * BookRun.STRETCH + extra;
                    var elapsed = new double[n];
                    var speed = new double[n];
                    for (int i = 0; i < n; i++) {
                        int stretch = i / BookRun.STRETCH;
                        elapsed[i] = i + 1;
                        // stretch s runs at base·(s + 1), but for its first epoch, a slow outlier the median ignores
                        speed[i] = i % BookRun.STRETCH == 0 ? base / 10 : base * (stretch + 1);
                    }
                    var expected = new ArrayList<Double>();
                    for (int s = 1; s < stretches; s++) {
                        expected.add(base * (s + 1));
                    }
                    assertThat(run(n + 1.5, elapsed, speed).stretchSpeeds())
                            .as("the medians of the whole stretches of %d epochs after the first, in a run of %d epochs",
                                    BookRun.STRETCH, n)
                            .containsExactlyElementsOf(expected);
                });
    }

    /** A run read from a metrics file with these epochs' elapsed seconds and tokens/s (perplexity 3.5 each). */
    private static BookRun run(double wall, double[] elapsed, double[] speed) {
        var rows = new ArrayList<String>();
        rows.add("epoch,perplexity,tokens_per_sec,offset,elapsed_s");
        for (int i = 1; i <= elapsed.length; i++) {
            rows.add(i + ",3.5," + speed[i - 1] + "," + i + "," + elapsed[i - 1]);
        }
        try {
            return BookRun.parse(wall, rows, OptionalDouble.empty());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("The bench runs the book command for 30 epochs, so that its last 10 come after the first sample at "
            + "epoch 10 and the JIT's compiling again")
    void roundsOutlastTheFirstSample() {
        assertThat(BookRun.ROUND_EPOCHS - BookRun.WINDOW).as("the first epoch of the window, less one")
                .isGreaterThanOrEqualTo(20);
        assertThat(BenchCommand.SPEC.help().lines().filter(l -> l.contains("--book-epochs")))
                .as("bench --help: --book-epochs defaults to them").singleElement().asString()
                .endsWith("(default: " + BookRun.ROUND_EPOCHS + ")");
    }

    @Test
    @DisplayName("The bench takes the kernel the book command ran from the command's own kernel: line, not its guess")
    void kernelIsReadFromTheCommandsOutput() throws IOException {
        var metrics = List.of("epoch,perplexity,tokens_per_sec,offset,elapsed_s", "1,3,100,0,0.5", "2,3,100,0,1.0");
        var vector = List.of("corpus: …", "model: …", "kernel: vector (register tiles of 4 rows x 6 vectors of 8 "
                + "doubles, fused multiply-adds), 2 threads", "epoch 1/2 …");
        assertThat(BookRun.parse(2, metrics, OptionalDouble.empty(), vector).kernel())
                .as("the kernel of output saying 'kernel: vector (…)'").isEqualTo("vector");
        assertThat(BookRun.parse(2, metrics, OptionalDouble.empty(), List.of("kernel: plain, 1 thread")).kernel())
                .as("the kernel of output saying 'kernel: plain, 1 thread'").isEqualTo("plain");
        assertThat(BookRun.parse(2, metrics, OptionalDouble.empty()).kernel()).as("no output: not known").isEmpty();
    }

    @Test
    @DisplayName("Peak memory is counted in MB of 10^6 bytes, the target's unit: /usr/bin/time's 195,312 KiB is 200 MB")
    void peakMemoryInMegabytes() {
        assertThat(BookCommand.megabytes(195_312)).as("195,312 KiB").isBetween(199.99, 200.0);
        assertThat(BookCommand.megabytes(207_288)).as("207,288 KiB, not 202.4 (that is MiB)").isBetween(212.2, 212.3);
    }

    @Test
    @DisplayName("Metrics of fewer than two epochs are refused with the reason")
    void tooFewEpochs() {
        assertThatThrownBy(() -> BookRun.parse(1, List.of("epoch,perplexity,tokens_per_sec,offset,elapsed_s",
                "1,3,100,0,0.5"), OptionalDouble.empty())).as("metrics of one epoch")
                .hasMessageContaining("at least 2");
    }
}
