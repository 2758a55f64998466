package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.autograd.Tensor;

/**
 * A sample of the plausible wrong answers in {@link WrongAnswers} fails its exercise's tests, with a message for the
 * student (all of them: {@code mvn -q test-compile exec:java@wrong-answers}, run by {@code .ci/run}).
 * Docs: docs/exercises.md
 */
class WrongAnswersTest {
    private static Path classesOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    @DisplayName("The closed form of ex12, the chars of ex14 and the unweighted mean of ex10 are each rejected")
    void sampleIsRejected(@TempDir Path scratch) throws Exception {
        var sample = WrongAnswers.ALL.stream().filter(w -> w.what().startsWith("returns the notes' closed form")
                || w.what().startsWith("walks the prefix by Java chars")
                || w.what().startsWith("averages the minibatch means")).toList();
        assertThat(sample).hasSize(3);
        int n = 0;
        for (var w : sample) {
            var v = WrongAnswers.check(w, Path.of("").toAbsolutePath(), classesOf(Tensor.class),
                    classesOf(ExerciseCatalog.class), scratch.resolve(String.valueOf(n++)));
            assertThat(v.rejected()).as("%s: %s", w.id(), w.what()).isTrue();
            assertThat(v.message()).as("the message for %s: %s", w.id(), w.what())
                    .startsWith("Exercise " + w.id().substring(2) + ":");
        }
    }

    @Test
    @DisplayName("A wrong answer of several lines applies to a solution checked out with Windows line endings (CRLF)")
    void appliesToASolutionWithCrlf(@TempDir Path scratch) throws Exception {
        var w = WrongAnswers.ALL.stream().filter(a -> a.what().startsWith("averages the minibatch means")).findFirst()
                .orElseThrow();
        assertThat(w.find()).as("the sample wrong answer spans several lines").contains("\n");
        var e = ExerciseCatalog.byId(w.id()).orElseThrow();
        Path root = scratch.resolve("repo");
        Path solution = root.resolve(e.solutionPath());
        Files.createDirectories(solution.getParent());
        Files.writeString(solution, Files.readString(Path.of(e.solutionPath()), StandardCharsets.UTF_8)
                .replace("\n", "\r\n"), StandardCharsets.UTF_8);
        var v = WrongAnswers.check(w, root, classesOf(Tensor.class), classesOf(ExerciseCatalog.class),
                scratch.resolve("run"));
        assertThat(v.rejected()).as("%s: %s, on a CRLF solution", w.id(), w.what()).isTrue();
    }

    @Test
    @DisplayName("Every exercise has at least three plausible wrong answers on record")
    void threePerExercise() {
        for (var e : ExerciseCatalog.ALL) {
            List<WrongAnswers.WrongAnswer> mine = WrongAnswers.ALL.stream().filter(w -> w.id().equals(e.id())).toList();
            assertThat(mine).as("wrong answers of %s", e.id()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @DisplayName("The wrong-answer run's last line counts the rejected of all, and the broken entries when there are some")
    void summaryCountsRejectedAndBroken() {
        assertThat(WrongAnswers.summary(207, 0, 0)).as("every wrong answer rejected")
                .isEqualTo("207 of 207 wrong answers rejected");
        assertThat(WrongAnswers.summary(207, 1, 2)).as("one passes, two entries broken")
                .startsWith("204 of 207 wrong answers rejected").contains("2 broken entries");
    }
}
