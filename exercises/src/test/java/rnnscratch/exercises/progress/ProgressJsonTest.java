package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Files;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.testing.Props;

/** target/progress.json: written one exercise per line, read back to the same results. Docs: docs/exercises.md */
class ProgressJsonTest {
    @Test
    @DisplayName("Reading back what was written gives the same statuses, counts and messages")
    void roundTrip() {
        Props.qt().forAll(integers().between(0, 2), integers().between(0, 9), strings().allPossible()
                        .ofLengthBetween(0, 30))
                .checkAssert((status, passed, message) -> {
                    var results = new ArrayList<ExerciseResult>();
                    for (var e : ExerciseCatalog.ALL) {
                        results.add(new ExerciseResult(e, ExerciseResult.Status.values()[status], 9, passed, message));
                    }
                    assertThat(ProgressJson.read(ProgressJson.write("student", results)))
                            .as("progress.json round trip of message %s", ProgressJson.quote(message))
                            .isEqualTo(results);
                });
    }

    @Test
    @DisplayName("Each exercise is one line with its id and status, so grep can count them")
    void oneLinePerExercise() {
        var results = ExerciseCatalog.ALL.stream()
                .map(e -> new ExerciseResult(e, ExerciseResult.Status.FAIL, 3, 0, "a \"quoted\"\nmessage")).toList();
        String json = ProgressJson.write("student", results);
        assertThat(json.lines().filter(l -> l.matches("\\s*\\{\"id\": \"ex\\d\\d\", \"status\": \"fail\".*")))
                .hasSize(ExerciseCatalog.ALL.size());
        assertThat(json).contains("\"passed\": 0,").contains("\"total\": " + ExerciseCatalog.ALL.size() + ",");
    }

    @Test
    @DisplayName("The file is written whole, through a temporary file renamed into place")
    void writesAtomically(@TempDir java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("progress.json");
        ProgressJson.writeAtomically(file, "one");
        ProgressJson.writeAtomically(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    @DisplayName("A run of some exercises (-Dgroups) keeps the last results of the others: checking one exercise "
            + "never forgets that another passed")
    void aRunOfSomeKeepsTheOthers(@TempDir java.nio.file.Path dir) throws Exception {
        var all = ExerciseCatalog.ALL;
        var before = all.stream().map(e -> e.id().equals("ex13")
                ? new ExerciseResult(e, ExerciseResult.Status.PASS, 2, 2, "")
                : new ExerciseResult(e, ExerciseResult.Status.FAIL, 3, 0, "to do")).toList();
        var file = dir.resolve("progress.json");
        ProgressJson.writeAtomically(file, ProgressJson.write("student", before));
        var now = all.stream().map(e -> e.id().equals("ex09")
                ? new ExerciseResult(e, ExerciseResult.Status.FAIL, 5, 4, "one left")
                : new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, "")).toList();
        var merged = ProgressJson.keepingNotRun(now, ProgressJson.readIfThere(file));
        assertThat(merged).as("ex13 passed before and was not run now").filteredOn(r -> r.exercise().id().equals("ex13"))
                .singleElement().extracting(ExerciseResult::status).isEqualTo(ExerciseResult.Status.PASS);
        assertThat(merged).as("ex09 ran now: this run's result").filteredOn(r -> r.exercise().id().equals("ex09"))
                .singleElement().extracting(ExerciseResult::passed).isEqualTo(4);
        assertThat(ProgressJson.keepingNotRun(now, ProgressJson.readIfThere(dir.resolve("none.json"))))
                .as("no file before: this run's results as they are").isEqualTo(now);
        Files.writeString(file, "not json");
        assertThat(ProgressJson.readIfThere(file)).as("a file in another layout counts as none").isEmpty();
    }
}
