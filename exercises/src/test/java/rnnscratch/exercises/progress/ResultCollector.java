package rnnscratch.exercises.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the results of the exercise tests by their {@code exNN} tag: how many of each exercise's tests ran and
 * passed, and each failure, read for a student ({@link Failure}). Used by {@link ExerciseRun} (student mode, the
 * watch mode) and by {@link ProgressListener} (the default build).
 *
 * <p>Docs: docs/exercises.md
 */
public final class ResultCollector implements TestExecutionListener {
    /** Counts and failures of one exercise's tests. */
    private static final class Tally {
        int tests;
        int passed;
        final List<Failure> failures = new ArrayList<>();
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private TestPlan plan;
    /** The sentence of the test running now, read by the thread that waits for it. */
    private volatile String running = "";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            running = id.getDisplayName();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean failedContainer = !id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED;
        if (!id.isTest() && !failedContainer) {
            return;
        }
        exerciseTag(id).ifPresent(tag -> {
            var t = tallies.computeIfAbsent(tag, k -> new Tally());
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    t.tests++;
                    t.passed++;
                }
                case FAILED -> {
                    t.tests++;
                    t.failures.add(result.getThrowable().map(e -> Failure.of(id.getDisplayName(), e))
                            .orElse(new Failure(id.getDisplayName(), false, "failed", List.of(), "", "")));
                }
                case ABORTED -> { }
            }
        });
    }

    /** Records that an exercise's tests could not even be loaded (its class does not link, say). */
    public void couldNotRun(Exercise e, String why) {
        var t = tallies.computeIfAbsent(e.id(), k -> new Tally());
        t.tests++;
        t.failures.add(new Failure(e.label() + "'s tests", false, why, List.of(), "", ""));
    }

    /** The sentence of the test that started last ({@code ""} before the first). */
    String running() {
        return running;
    }

    /** Adds what another collector recorded (one exercise's tests, run on a thread of their own). */
    void addAll(ResultCollector other) {
        other.tallies.forEach((id, t) -> {
            var mine = tallies.computeIfAbsent(id, k -> new Tally());
            mine.tests += t.tests;
            mine.passed += t.passed;
            mine.failures.addAll(t.failures);
        });
    }

    /** One result per catalog exercise, in catalog order; exercises none of whose tests ran are "not run". */
    public List<ExerciseResult> results() {
        var results = new ArrayList<ExerciseResult>();
        for (var e : ExerciseCatalog.ALL) {
            var t = tallies.get(e.id());
            if (t == null || t.tests == 0) {
                results.add(new ExerciseResult(e, ExerciseResult.Status.NOT_RUN, 0, 0, ""));
            } else {
                var status = t.passed == t.tests ? ExerciseResult.Status.PASS : ExerciseResult.Status.FAIL;
                results.add(new ExerciseResult(e, status, t.tests, t.passed, firstMessage(t.failures)));
            }
        }
        return results;
    }

    /** The failures of every exercise that had one, in the order the tests ran. */
    public Map<String, List<Failure>> failures() {
        var out = new LinkedHashMap<String, List<Failure>>();
        tallies.forEach((id, t) -> {
            if (!t.failures.isEmpty()) {
                out.put(id, List.copyOf(t.failures));
            }
        });
        return out;
    }

    /** The message a progress row shows: a wrong answer says more than a method still to write. */
    private static String firstMessage(List<Failure> failures) {
        return failures.stream().filter(f -> !f.stub()).findFirst().or(() -> failures.stream().findFirst())
                .map(f -> f.message() + (f.counterexample().isEmpty() ? ""
                        : " — Smallest counterexample (shrunk): " + f.counterexample()))
                .orElse("");
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
}
