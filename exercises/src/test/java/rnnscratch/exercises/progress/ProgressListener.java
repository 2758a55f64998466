package rnnscratch.exercises.progress;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * In the default build (and an IDE), prints one line at the end of a run that included exercise tests: whether the
 * reference solutions pass, and how to work on the exercises; or, when the system property
 * {@code exercises.mode=student} is set (an IDE with the {@code exercises} profile), how many of the student's pass.
 * {@code mvn test -Pexercises} does not use it: {@link StudentRun} runs the tests itself.
 *
 * <p>Registered in {@code exercises/src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressListener implements TestExecutionListener {
    /** What the default build prints after the line's counts. */
    static final String HOW_TO = "To work on them: mvn test -Pexercises (one: mvn test -Pexercises -Dgroups=ex09); "
            + "see docs/exercises.md";

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
            System.out.println("student".equals(System.getProperty("exercises.mode")) ? studentLine(results)
                    : referenceLine(results));
        }
    }

    /**
     * The line for a run of the student's own code outside {@code mvn test -Pexercises}: an IDE that imported the
     * {@code exercises} profile passes its {@code exercises.mode=student} to the tests.
     */
    static String studentLine(List<ExerciseResult> results) {
        var ran = results.stream().filter(r -> r.status() != ExerciseResult.Status.NOT_RUN).toList();
        var failing = ran.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL)
                .map(r -> r.exercise().id()).toList();
        return "Your exercises: " + (ran.size() - failing.size()) + "/" + ran.size() + " pass"
                + (failing.isEmpty() ? "" : " (failing: " + String.join(", ", failing) + ")")
                + ". Progress table and hints: mvn test -Pexercises -Dhint=1; watch mode: mvn -q test-compile "
                + "exec:java@watch; see docs/exercises.md";
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
