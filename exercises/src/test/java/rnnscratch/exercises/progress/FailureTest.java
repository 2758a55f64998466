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
        assertThat(f.stub()).as("a falsified property is not an untouched stub").isFalse();
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
        assertThat(stub.stub()).as("the stub's UnsupportedOperationException reads as an untouched stub").isTrue();
        assertThat(stub.message()).startsWith("Exercise 09 (rnn step and loop): write rnnStep");
        var e = new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("rnnscratch.exercises.Ex07OneHot", "transpose", "Ex07OneHot.java", 27),
            new StackTraceElement("rnnscratch.exercises.Ex07OneHotTest", "workedExample", "Ex07OneHotTest.java", 9)});
        assertThat(Failure.of("s", e).message()).isEqualTo("your code threw ArrayIndexOutOfBoundsException: Index 3 "
                + "out of bounds for length 3 (at Ex07OneHot.java:27)");
    }

    @Test
    @DisplayName("A long message is never cut: the console lines and progress.json hold every word of it")
    void longMessagesAreWhole() {
        String message = "Exercise 14: predictCh8(\"🙂\", 1) must be the library's: walk the prefix by code points "
                + "(🙂 is one character, two Java chars) and feed every character exactly once — the last prefix "
                + "character is the first input of the prediction, so each character is fed once and only once";
        assertThat(message).as("the test's message is long enough to be cut").hasSizeGreaterThan(250);
        var f = Failure.of("s", thrownBy(() -> assertThat("🙂x").as(message).isEqualTo("🙂<unk>")));
        assertThat(f.message()).isEqualTo(message);
        assertThat(f.lines("  ")).contains("      " + message);
        var e = ExerciseCatalog.byId("ex14").orElseThrow();
        var result = new ExerciseResult(e, ExerciseResult.Status.FAIL, 4, 3, f.message());
        String json = ProgressJson.write("student", java.util.List.of(result));
        assertThat(json).contains(ProgressJson.quote(message));
        assertThat(ProgressJson.read(json).get(0).message()).isEqualTo(message);
        var thrown = Failure.of("s", new IllegalStateException("x".repeat(300)));
        assertThat(thrown.message()).isEqualTo("your code threw IllegalStateException: " + "x".repeat(300));
    }
}
