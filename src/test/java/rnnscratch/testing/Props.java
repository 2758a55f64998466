package rnnscratch.testing;

import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

/**
 * The one entry point of every property test: QuickTheories' {@code qt()} with a fixed seed, so that a run repeats
 * exactly and a failure can be replayed.
 *
 * <p>The seed comes from the system property {@code qt.seed} (set in {@code pom.xml}; override it with
 * {@code mvn test -Dqt.seed=12345}); the number of examples from {@code qt.examples} (default 100). When a property
 * fails, QuickTheories shrinks the counterexample; the failure message shows the smallest one, the seed, and the
 * command that replays it: {@code mvn test -Dqt.seed=S -Dtest=SomeTest#method}, or in student mode (system property
 * {@code exercises.mode=student}) {@code mvn test -Pexercises -Dgroups=exNN -Dqt.seed=S}, which tests the student's
 * code rather than {@code solutions/}.
 *
 * <p>The same properties port one-to-one to jqwik ({@code @Property} with {@code @ForAll} parameters) for a human
 * maintainer who prefers it; this repository, written by AI coding agents, does not use jqwik at its maintainers'
 * request.
 */
public final class Props {
    /** The seed every property in this repository starts from. */
    public static final long SEED = Long.getLong("qt.seed", 20261127L);

    private static final int EXAMPLES = Integer.getInteger("qt.examples", 100);

    private Props() {}

    /** {@code qt()} with the repository's seed and example count. */
    public static QuickTheory qt() {
        return qt(EXAMPLES);
    }

    /** {@code qt()} with a given number of examples, for properties whose single example is expensive. */
    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withReporter(new SeedReporter());
    }

    /** Reports a falsified property with its smallest counterexample and the seed that finds it again. */
    private static final class SeedReporter implements Reporter {
        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause,
                List<Object> others, AsString<Object> toString) {
            throw new AssertionError(message(seed, examplesUsed, smallest, toString)
                    + "\nWhy it failed: " + cause, cause);
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                AsString<Object> toString) {
            throw new AssertionError(message(seed, examplesUsed, smallest, toString));
        }

        @Override
        public void valuesExhausted(int examplesUsed) {
            throw new AssertionError("The generators ran out of values after " + examplesUsed
                    + " example(s): the assumptions of this property reject too many inputs.");
        }

        private static String message(long seed, int examplesUsed, Object smallest, AsString<Object> toString) {
            return "Property falsified after " + examplesUsed + " example(s)."
                    + "\nSmallest counterexample (shrunk): " + toString.asString(smallest)
                    + "\nSeed: " + seed + " (replay with: " + replayCommand(seed, testOnStack()) + ")";
        }
    }

    /**
     * The command that reruns a property with its seed: for an exercise's test, the exercise's tag through the
     * {@code exercises} profile, so that it tests the student's code — except in the default build's check of
     * {@code solutions/} ({@code exercises.mode=reference}); for any other test, the test class (and method) through
     * Surefire.
     *
     * @param test the test's class and method, {@code Ex09RnnStepTest#oneStepIsTheEquation}; {@code ""} if unknown
     */
    public static String replayCommand(long seed, String test) {
        String simple = test.contains("#") ? test.substring(0, test.indexOf('#')) : test;
        var exercise = java.util.regex.Pattern.compile("Ex(\\d\\d)\\w*Test").matcher(simple);
        if (!"reference".equals(System.getProperty("exercises.mode")) && exercise.matches()) {
            return "mvn test -Pexercises -Dgroups=ex" + exercise.group(1) + " -Dqt.seed=" + seed;
        }
        return "mvn test -Dqt.seed=" + seed + (test.isEmpty() ? "" : " -Dtest=" + test);
    }

    /**
     * The test method that called the property, as Surefire's {@code -Dtest} names it ({@code Class#method}): the
     * frame on the stack that is a JUnit {@code @Test} method, else the first frame outside this class, the test
     * libraries and the JDK.
     */
    private static String testOnStack() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
            var outside = frames.filter(f -> !f.getClassName().equals(Props.class.getName())
                    && !f.getClassName().startsWith(Props.class.getName() + "$")
                    && !f.getClassName().startsWith("org.") && !f.getClassName().startsWith("java.")
                    && !f.getClassName().startsWith("jdk.") && !f.getClassName().startsWith("sun.")).toList();
            var test = outside.stream().filter(Props::isTestMethod).findFirst()
                    .or(() -> outside.stream().findFirst());
            return test.map(f -> {
                String cls = f.getDeclaringClass().getName().replaceFirst("\\$.*", "");
                String simple = cls.substring(cls.lastIndexOf('.') + 1);
                return f.getMethodName().startsWith("lambda$") ? simple : simple + "#" + f.getMethodName();
            }).orElse("");
        });
    }

    private static boolean isTestMethod(StackWalker.StackFrame f) {
        for (var m : f.getDeclaringClass().getDeclaredMethods()) {
            if (m.getName().equals(f.getMethodName()) && m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                return true;
            }
        }
        return false;
    }
}
