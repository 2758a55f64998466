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
 * command that replays it.
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
                    + "\nSeed: " + seed + " (replay with: mvn test -Dqt.seed=" + seed + " -Dtest=<TestClass>)";
        }
    }
}
