package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The progress table and the default build's one line. Docs: docs/exercises.md */
class ProgressTableTest {
    @Test
    @DisplayName("Untouched stubs: every exercise is ✗ with its title, docs page and what to do; no hint until asked")
    void untouchedStubsShowWhatToDo() {
        var results = ExerciseCatalog.ALL.stream().map(e -> new ExerciseResult(e, ExerciseResult.Status.FAIL, 3, 0,
                e.label() + " (x): write f — read " + e.docs())).toList();
        String table = ProgressTable.render(results);
        for (var e : ExerciseCatalog.ALL) {
            assertThat(table).contains("✗ " + e.id() + "  " + e.title()).contains(e.docs())
                    .contains("to do: " + e.label() + " (x): write f")
                    .doesNotContain(e.hint(1));
        }
        assertThat(table).contains("0 of " + results.size() + " pass").contains("Next: ex01").doesNotContain("why:")
                .contains("Stuck? mvn test -Pexercises -Dgroups=ex01 -Dhint=1 shows hint 1 of 3");
    }

    @Test
    @DisplayName("Next, and the hint offered, are for the first exercise the student has started, not an untouched stub "
            + "before it")
    void nextIsTheStartedExercise() {
        var results = ex09StartedOthersUntouched();
        assertThat(ProgressTable.render(results)).contains("Next: ex09")
                .contains("Stuck? mvn test -Pexercises -Dgroups=ex09 -Dhint=1");
        results.set(8, new ExerciseResult(ExerciseCatalog.ALL.get(8), ExerciseResult.Status.PASS, 3, 3, ""));
        assertThat(ProgressTable.render(results)).as("ex09 passed, the others untouched: the one after it, as the "
                + "watch mode says").contains("Next: ex10");
    }

    @Test
    @DisplayName("In the watch mode the table says to save the file and to type h for a hint, not to run a Maven command")
    void watchModeSaysSaveAndH() {
        var results = ex09StartedOthersUntouched();
        String table = ProgressTable.render(results, 0, ProgressTable.Shown.WATCH);
        assertThat(table).contains("Next: ex09 — open " + ExerciseCatalog.ALL.get(8).stubPath())
                .contains("and save the file: this window checks it again")
                .contains("Stuck? Type h and Enter for the next hint")
                .doesNotContain("mvn test -Pexercises -Dgroups").doesNotContain("-Dhint");
    }

    @Test
    @DisplayName("-Dhint=N shows level N of the hints of every exercise that ran and failed, and offers the next")
    void hintLevelOnRequest() {
        var results = ExerciseCatalog.ALL.stream().map(e -> new ExerciseResult(e, ExerciseResult.Status.FAIL, 3, 0,
                e.label() + " (x): write f — read " + e.docs())).toList();
        String table = ProgressTable.render(results, 2);
        for (var e : ExerciseCatalog.ALL) {
            assertThat(table).contains("hint 2 of 3: " + e.hint(2)).doesNotContain(e.hint(1));
        }
        assertThat(table).contains("-Dhint=3 shows hint 3 of 3");
        assertThat(ProgressTable.render(results, 9)).contains("hint 3 of 3: " + ExerciseCatalog.ALL.get(0).hint(3))
                .contains("That was the last hint for ex01; its worked examples, the first tests in "
                        + ExerciseCatalog.ALL.get(0).testPath());
    }

    @Test
    @DisplayName("A wrong answer says how many tests pass; a solved one shows ✓ and its reference answer; not run ·; "
            + "the header counts the exercises this run ran")
    void mixedResults() {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            results.add(new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, ""));
        }
        var e1 = ExerciseCatalog.ALL.get(0);
        var e2 = ExerciseCatalog.ALL.get(1);
        results.set(0, new ExerciseResult(e1, ExerciseResult.Status.PASS, 5, 5, ""));
        results.set(1, new ExerciseResult(e2, ExerciseResult.Status.FAIL, 3, 1, "Exercise 02: row 0 is wrong\nmore"));
        String table = ProgressTable.render(results);
        assertThat(table).contains("✓ ex01").contains("compare with the reference answer: " + e1.solutionPath())
                .contains("· = not run this time")
                .contains("✗ ex02").contains("why:  1 of 3 tests pass; each failure is shown once, above the table")
                .doesNotContain("row 0 is wrong")
                .contains("· ex03").contains("This run (2 of " + results.size() + " exercises): 1 of 2 pass")
                .doesNotContain("Exercise progress").contains("Next: ex02");
    }

    @Test
    @DisplayName("An IDE run in student mode counts the student's exercises and names the failing ones")
    void studentLine() {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            results.add(new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, ""));
        }
        results.set(8, new ExerciseResult(ExerciseCatalog.ALL.get(8), ExerciseResult.Status.FAIL, 4, 1, "x"));
        results.set(9, new ExerciseResult(ExerciseCatalog.ALL.get(9), ExerciseResult.Status.PASS, 4, 4, ""));
        assertThat(ProgressListener.studentLine(results)).startsWith("Your exercises: 1/2 pass (failing: ex09).")
                .contains("mvn test -Pexercises");
    }

    @Test
    @DisplayName("The default build's line counts the reference solutions and says how to start")
    void referenceLine() {
        var results = ExerciseCatalog.ALL.stream()
                .map(e -> new ExerciseResult(e, ExerciseResult.Status.PASS, 3, 3, "")).toList();
        assertThat(ProgressListener.referenceLine(results)).isEqualTo("Exercises: " + results.size() + "/"
                + results.size() + " reference solutions pass. To work on them: mvn -q test-compile exec:java@watch (watch mode), "
                + "or mvn test -Pexercises; see docs/exercises.md");
    }

    /** Every exercise failing: ex09 with a wrong answer of the student's, the others as untouched stubs. */
    private static List<ExerciseResult> ex09StartedOthersUntouched() {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            results.add(new ExerciseResult(e, ExerciseResult.Status.FAIL, 3, 0, e.id().equals("ex09")
                    ? "Exercise 09: tanh(1.1) expected" : e.label() + " (x): write f — read " + e.docs()));
        }
        return results;
    }
}
