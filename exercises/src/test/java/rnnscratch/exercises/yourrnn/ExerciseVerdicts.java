package rnnscratch.exercises.yourrnn;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Whether each of a student's exercises passes its tests, found by running them in this JVM through the JUnit
 * Platform launcher (only the exercises asked for, by their {@code exNN} tags).
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
final class ExerciseVerdicts {
    private ExerciseVerdicts() {}

    /**
     * One exercise's outcome.
     *
     * @param passes       every test of the exercise passed
     * @param stub         the stub is untouched: a test failed with the stub's own message
     * @param failed       how many of its tests failed
     * @param tests        how many of its tests ran
     * @param firstFailure the first failing test's sentence ({@code @DisplayName}), empty when none failed
     */
    record Verdict(boolean passes, boolean stub, int failed, int tests, String firstFailure) {}

    /** Runs the tests of the given exercises ({@code ex07}, …) and returns a verdict for each, in order. */
    static Map<String, Verdict> of(List<String> exerciseIds) {
        var tally = new Tally();
        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("rnnscratch.exercises"))
                .filters(TagFilter.includeTags(exerciseIds))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        launcher.execute(request, tally);
        var verdicts = new LinkedHashMap<String, Verdict>();
        for (String id : exerciseIds) {
            verdicts.put(id, tally.verdict(id));
        }
        return verdicts;
    }

    /** Counts results by exercise tag. */
    private static final class Tally implements TestExecutionListener {
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, String> firstFailure = new LinkedHashMap<>();
        private final Map<String, Boolean> stub = new LinkedHashMap<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest() || result.getStatus() == TestExecutionResult.Status.ABORTED) {
                return;
            }
            tag(id).ifPresent(tag -> {
                int[] c = counts.computeIfAbsent(tag, t -> new int[2]);
                c[0]++;
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    c[1]++;
                    firstFailure.putIfAbsent(tag, id.getDisplayName());
                    boolean stubbed = result.getThrowable().map(Tally::isStub).orElse(false);
                    stub.merge(tag, stubbed, Boolean::logicalOr);
                }
            });
        }

        Verdict verdict(String id) {
            int[] c = counts.getOrDefault(id, new int[2]);
            return new Verdict(c[0] > 0 && c[1] == 0, stub.getOrDefault(id, false), c[1], c[0],
                    firstFailure.getOrDefault(id, ""));
        }

        private Optional<String> tag(TestIdentifier id) {
            for (Optional<TestIdentifier> cur = Optional.of(id); cur.isPresent(); cur = plan.getParent(cur.get())) {
                var tag = cur.get().getTags().stream().map(TestTag::getName).filter(n -> n.matches("ex\\d\\d"))
                        .findFirst();
                if (tag.isPresent()) {
                    return tag;
                }
            }
            return Optional.empty();
        }

        private static boolean isStub(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof UnsupportedOperationException && c.getMessage() != null
                        && c.getMessage().matches("(?s)Exercise \\d\\d \\(.*")) {
                    return true;
                }
            }
            return false;
        }
    }
}
