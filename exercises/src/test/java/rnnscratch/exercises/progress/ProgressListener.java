package rnnscratch.exercises.progress;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of a run that included exercise tests. In the default build's check of
 * {@code solutions/} (system property {@code exercises.mode=reference}): whether the reference solutions pass, and how
 * to work on the exercises. Anywhere else — an IDE that runs an exercise's tests on the student's code — how many of
 * the student's exercises pass. {@code mvn test -Pexercises} does not use it: {@link StudentRun} runs the tests
 * itself.
 *
 * <p>Registered in {@code src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressListener implements TestExecutionListener {
    /** What the default build prints after the line's counts. */
    static final String HOW_TO = "To work on them: " + ProgressTable.WATCH_COMMAND + " (watch mode), or "
            + "mvn test -Pexercises; see docs/exercises.md";

    private ResultCollector collector = new ResultCollector();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        collector = new ResultCollector();
        collector.testPlanExecutionStarted(testPlan);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        collector.executionFinished(id, result);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        var results = collector.results();
        if (results.stream().anyMatch(r -> r.status() != ExerciseResult.Status.NOT_RUN)) {
            System.out.println("reference".equals(System.getProperty("exercises.mode")) ? referenceLine(results)
                    : studentLine(results));
        }
    }

    /**
     * The line for a run of the student's own code outside {@code mvn test -Pexercises}: an IDE runs the exercise
     * tests on {@code exercises/}, the default build's source folder.
     */
    static String studentLine(List<ExerciseResult> results) {
        var ran = results.stream().filter(r -> r.status() != ExerciseResult.Status.NOT_RUN).toList();
        var failing = ran.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL)
                .map(r -> r.exercise().id()).toList();
        return "Your exercises: " + (ran.size() - failing.size()) + "/" + ran.size() + " pass"
                + (failing.isEmpty() ? "" : " (failing: " + String.join(", ", failing) + ")")
                + ". Watch mode: " + ProgressTable.WATCH_COMMAND + "; progress table and hints: mvn test -Pexercises "
                + "-Dhint=1; see docs/exercises.md";
    }

    /** The default build's one line, e.g. "Exercises: 17/17 reference solutions pass. To work on them: …". */
    static String referenceLine(List<ExerciseResult> results) {
        var ran = results.stream().filter(r -> r.status() != ExerciseResult.Status.NOT_RUN).toList();
        var failing = ran.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL)
                .map(r -> r.exercise().id()).toList();
        long passed = ran.size() - failing.size();
        String counts = "Exercises: " + passed + "/" + ran.size() + " reference solutions pass";
        return failing.isEmpty() ? counts + ". " + HOW_TO
                : counts + "; failing " + String.join(", ", failing) + " (a solution or its test is wrong). " + HOW_TO;
    }
}
