package rnnscratch.exercises.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the results of the exercise tests by their {@code exNN} tag and reports them at the end of the run.
 *
 * <ul>
 *   <li>student mode (system property {@code exercises.mode=student}, set by {@code -Pexercises}): writes
 *       {@code target/progress.json} (path in {@code exercises.progressFile}); {@link ProgressReport} prints the table
 *       from it once Surefire is done;</li>
 *   <li>otherwise (the default build, an IDE): prints one line saying whether the reference solutions pass and how
 *       to work on the exercises.</li>
 * </ul>
 * Registered in {@code exercises/src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressListener implements TestExecutionListener {
    /** What the default build prints after the line's counts. */
    static final String HOW_TO = "To work on them: mvn test -Pexercises (one: mvn test -Pexercises -Dgroups=ex09); "
            + "see docs/exercises.md";

    /** Counts of one exercise's tests in this run. */
    private static final class Tally {
        int tests;
        int passed;
        String message = "";

        void record(TestExecutionResult result) {
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    tests++;
                    passed++;
                }
                case FAILED -> {
                    tests++;
                    String m = result.getThrowable().map(ProgressListener::studentMessage).orElse("failed");
                    if (message.isEmpty() || isStubMessage(message) && !isStubMessage(m)) {
                        message = m; // a wrong answer says more than a method still to write
                    }
                }
                case ABORTED -> { }
            }
        }
    }

    private final Map<String, Tally> tallies = new HashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        tallies.clear();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            exerciseTag(id).ifPresent(tag -> tallies.computeIfAbsent(tag, t -> new Tally()).record(result));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        var results = results();
        if ("student".equals(System.getProperty("exercises.mode"))) {
            var file = Path.of(System.getProperty("exercises.progressFile", "target/progress.json"));
            try {
                ProgressJson.writeAtomically(file, ProgressJson.write("student", results));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file, e);
            }
        } else if (!tallies.isEmpty()) {
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

    private List<ExerciseResult> results() {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            var t = tallies.get(e.id());
            if (t == null || t.tests == 0) {
                results.add(new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, ""));
            } else {
                var status = t.passed == t.tests ? ExerciseResult.Status.PASS : ExerciseResult.Status.FAIL;
                results.add(new ExerciseResult(e, status, t.tests, t.passed, t.message));
            }
        }
        return results;
    }

    /** The {@code exNN} tag of a test, its own or inherited from its class. */
    private Optional<String> exerciseTag(TestIdentifier id) {
        for (Optional<TestIdentifier> cur = Optional.of(id); cur.isPresent(); cur = plan.getParent(cur.get())) {
            var tag = cur.get().getTags().stream().map(TestTag::getName).filter(n -> n.matches("ex\\d\\d"))
                    .findFirst();
            if (tag.isPresent()) {
                return tag;
            }
        }
        return Optional.empty();
    }

    /**
     * What a student should read first about a failure: the stub's message when a stub threw; for a property, the
     * failed assertion's description and the smallest counterexample; else the first line of the message.
     */
    static String studentMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException && c.getMessage() != null
                    && isStubMessage(c.getMessage())) {
                return c.getMessage();
            }
        }
        String m = firstLine(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
        if (m.startsWith("Property falsified") && t.getCause() != null) {
            String example = t.getMessage().lines().filter(l -> l.startsWith("Smallest counterexample"))
                    .findFirst().orElse("");
            String cause = t.getCause().getMessage() == null ? t.getCause().getClass().getName()
                    : firstLine(t.getCause().getMessage());
            return cause + (example.isEmpty() ? "" : " — " + example);
        }
        return m;
    }

    private static String firstLine(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static boolean isStubMessage(String m) {
        return m.matches("(?s)Exercise \\d\\d \\(.*");
    }
}
