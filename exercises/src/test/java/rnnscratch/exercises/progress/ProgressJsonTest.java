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
}
