package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import rnnscratch.autograd.Tensor;
import rnnscratch.exercises.watch.ExerciseCompiler;
import rnnscratch.exercises.watch.FreshLoader;

/**
 * A student's code that never finishes fails its exercise with one line, and the run goes on: the watch mode, student
 * mode and "your RNN" never hang on an endless loop. Docs: docs/exercises.md#watch-mode-a-verdict-seconds-after-you-save
 */
class EndlessLoopTest {
    private static final Exercise EX10 = ExerciseCatalog.byId("ex10").orElseThrow();

    @Test
    @DisplayName("Code that never finishes fails its exercise after the time limit, naming the test that was running, "
            + "and the run goes on")
    void endlessLoopFailsWithOneLine(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/" + EX10.className() + ".java");
        Files.createDirectories(src.getParent());
        // the student's for loop forgot i++. Here it gives up after 5 s, far beyond the limit: on Java 20 and newer
        // the runner cannot stop a thread, and a truly endless loop would keep a core busy for the rest of the tests
        Files.writeString(src, """
                package rnnscratch.exercises;
                public final class Ex10Perplexity {
                    private Ex10Perplexity() {}
                    public static double perplexity(double[] meanLosses, int[] tokenCounts) {
                        double sum = 0;
                        long n = 0;
                        long giveUp = System.nanoTime() + 5_000_000_000L;
                        for (int i = 0; i < meanLosses.length && System.nanoTime() < giveUp; ) {
                            sum += meanLosses[i] * tokenCounts[i];
                            n += tokenCounts[i];
                        }
                        return Math.exp(sum / n);
                    }
                    public static double perplexityOfProbabilities(double[] probabilities) {
                        return 0;
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        var compiled = new ExerciseCompiler(classes, List.of(location(Tensor.class))).compile(List.of(src));
        assertThat(compiled.errors()).as("javac's errors for the endless-loop answer (it must compile)").isEmpty();
        var loader = new FreshLoader(List.of(classes, location(ExerciseCatalog.class)), getClass().getClassLoader());
        var collector = new ResultCollector();
        ExerciseRun.runWithin(Duration.ofSeconds(1), loader, EX10,
                DiscoverySelectors.selectClass(Class.forName(EX10.testClassName(), false, loader)), collector);
        var r = collector.results().stream().filter(x -> x.exercise().equals(EX10)).findFirst().orElseThrow();
        assertThat(r.status()).as("ex10's status after its time limit: %s", r.message())
                .isEqualTo(ExerciseResult.Status.FAIL);
        assertThat(r.notStarted()).as("not an untouched stub's message: %s", r.message()).isFalse();
        assertThat(r.message()).startsWith("your code ran for 1 s without finishing (in \"Worked example: losses 1")
                .contains("an endless loop?").doesNotContain("Exception");
    }

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
