package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.exercises.progress.ExerciseRun;

/** The table your RNN prints first says, for each part, whose code runs and why. Docs: docs/exercises.md */
class YourRnnPartsTableTest {
    @Test
    @DisplayName("An exercise file that does not compile is named in its part's row with javac's line, and the "
            + "library's code runs for that part")
    void notCompiledIsSaid() {
        var ex09 = ExerciseCatalog.byId("ex09").orElseThrow();
        String error = ex09.stubPath() + ":48: ';' expected";
        var outcome = ExerciseRun.run(getClass().getClassLoader(), List.of(ex09), Map.of("ex09", error));
        String row = YourRnn.partsTable(List.of(ex09), outcome, List.of()).lines()
                .filter(l -> l.contains(" ex09 ")).findFirst().orElseThrow();
        assertThat(row).contains("library's").contains("does not compile: " + error + ": the library's runs until it does")
                .doesNotContain("tests fail");
    }
}
