package rnnscratch.exercises.progress;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * In the default build (and an IDE), prints one line at the end of a run that included exercise tests: whether the
 * reference solutions pass, and how to work on the exercises. Student mode does not use it: {@link StudentRun} runs
 * the tests itself.
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
            System.out.println(referenceLine(results));
        }
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
