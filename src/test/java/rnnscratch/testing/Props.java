package rnnscratch.testing;

import org.quicktheories.QuickTheory;

/**
 * The one entry point of every property test: QuickTheories' {@code qt()} with a fixed seed, so that a run repeats
 * exactly and a failure can be replayed.
 *
 * <p>The seed comes from the system property {@code qt.seed} (set in {@code pom.xml}; override it with
 * {@code mvn test -Dqt.seed=12345}); the number of examples from {@code qt.examples} (default 100). When a property
 * fails, QuickTheories shrinks the counterexample and the message shows it together with the seed.
 */
public final class Props {
    /** The seed every property in this repository starts from. */
    public static final long SEED = Long.getLong("qt.seed", 20261127L);

    private static final int EXAMPLES = Integer.getInteger("qt.examples", 100);

    private Props() {}

    /** {@code qt()} with the repository's seed and example count. */
    public static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
    }

    /** {@code qt()} with fewer examples, for properties whose single example is expensive (training a model). */
    public static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples);
    }
}
