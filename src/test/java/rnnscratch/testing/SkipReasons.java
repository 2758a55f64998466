package rnnscratch.testing;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line for every test that did not run, with its reason — a skipped test ({@code @Disabled}) or one
 * whose assumption did not hold (no chromium, no NumPy, no copy of The Time Machine on this machine) — so a
 * reader of {@code mvn test} sees why, not only Surefire's count of skips.
 *
 * <p>Registered in {@code src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkipReasons implements TestExecutionListener {
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println(line(name(test), reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            System.out.println(line(name(test),
                    result.getThrowable().map(Throwable::getMessage).orElse("an assumption did not hold")));
        }
    }

    /** The test's sentence; for one case of a parameterized test, its method's sentence and then the case. */
    private String name(TestIdentifier test) {
        return Optional.ofNullable(plan).flatMap(p -> p.getParent(test))
                .filter(parent -> parent.getSource().filter(MethodSource.class::isInstance).isPresent())
                .map(parent -> parent.getDisplayName() + " [" + test.getDisplayName() + "]")
                .orElse(test.getDisplayName());
    }

    /** {@code "skipped: <test>: <reason>"}, the reason on the same line. */
    static String line(String test, String reason) {
        String why = Optional.ofNullable(reason).orElse("no reason given")
                .replaceFirst("^Assumption failed: ", "").replaceAll("\\s*\\R\\s*", " ").strip();
        return "skipped: " + test + ": " + why;
    }
}
