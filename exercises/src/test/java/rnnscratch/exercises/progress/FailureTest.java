package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** How a failing exercise test reads for a student. Docs: docs/exercises.md */
class FailureTest {
    private static Throwable thrownBy(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("nothing was thrown");
    }

    @Test
    @DisplayName("A falsified property reads as its description, expected against actual, and the shrunk counterexample")
    void propertyFailure() {
        var t = thrownBy(() -> Props.qt().forAll(integers().between(0, 100)).checkAssert(i ->
                assertThat(i).as("Exercise 99: %s is small", i).isLessThan(10)));
        var f = Failure.of("Numbers are small", t);
        assertThat(f.stub()).isFalse();
        assertThat(f.message()).isEqualTo("Exercise 99: 10 is small");
        assertThat(f.details()).containsExactly("Expecting actual: 10 to be less than: 10");
        assertThat(f.counterexample()).isEqualTo("10");
        assertThat(f.replay()).startsWith("mvn test -Dqt.seed=").endsWith(" -Dtest=FailureTest#propertyFailure");
        assertThat(String.join("\n", f.lines(""))).doesNotContain("\tat ").doesNotContain("Property falsified");
    }

    @Test
    @DisplayName("An untouched stub reads as its one-line message; an exception names the line of the student's file")
    void stubAndException() {
        var stub = Failure.of("s", new AssertionError("x", new UnsupportedOperationException(
                "Exercise 09 (rnn step and loop): write rnnStep, one update — read docs/rnn.md#exercises")));
        assertThat(stub.stub()).isTrue();
        assertThat(stub.message()).startsWith("Exercise 09 (rnn step and loop): write rnnStep");
        var e = new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("rnnscratch.exercises.Ex07OneHot", "transpose", "Ex07OneHot.java", 27),
            new StackTraceElement("rnnscratch.exercises.Ex07OneHotTest", "workedExample", "Ex07OneHotTest.java", 9)});
        assertThat(Failure.of("s", e).message()).isEqualTo("your code threw ArrayIndexOutOfBoundsException: Index 3 "
                + "out of bounds for length 3 (at Ex07OneHot.java:27)");
    }
}
