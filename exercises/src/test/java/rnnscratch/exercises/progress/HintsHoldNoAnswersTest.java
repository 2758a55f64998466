package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a student reads before solving an exercise holds no piece of its answer: not the stub's message, not the first
 * hint, not the class's Javadoc, not the stub's imports (no static import of one of the answer's calls, no
 * {@code Mat.randn} named in the Javadoc); no hint level gives the answer's nested calls, and hint 3 is a skeleton
 * with the key lines left blank. Docs: docs/exercises.md
 */
class HintsHoldNoAnswersTest {
    private static SolutionCode solution(Exercise e) throws IOException {
        return SolutionCode.of(Files.readString(Path.of(e.solutionPath()), StandardCharsets.UTF_8));
    }

    private static List<String> stubMessages(Exercise e) throws IOException {
        return Files.readString(Path.of(e.solutionPath()), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.startsWith("// STUB:")).toList();
    }

    @Test
    @DisplayName("The checker finds a solution's lines and call chains, reflowed or not")
    void checkerFindsLeaks() {
        var code = SolutionCode.of("""
                class A {
                    static double f(double lossSum, long n) {
                        // BEGIN SOLUTION
                        return tanh(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()))
                                + Math.exp(lossSum / n);
                        // END SOLUTION
                    }
                }
                """);
        assertThat(code.leaksIn("start from mm( x,  params.W_xh() )", true, true)).contains("call mm(x,params.W_xh())");
        assertThat(code.leaksIn("return Math.exp(lossSum / n)", true, true)).contains("call Math.exp(lossSum/n)");
        assertThat(code.leaksIn("then addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h())", false,
                false)).isNotEmpty();
        assertThat(code.leaksIn("H = tanh(X·W_xh + H·W_hh + b_h): use mm, add, addBias and tanh", true, true))
                .isEmpty();
    }

    @Test
    @DisplayName("No stub message and no first hint contains a line or a call of its exercise's solution")
    void stubsAndFirstHintsHoldNoCode() throws IOException {
        var leaks = new ArrayList<String>();
        for (var e : ExerciseCatalog.ALL) {
            var code = solution(e);
            for (String stub : stubMessages(e)) {
                code.leaksIn(stub.substring(stub.indexOf('"')), true, true)
                        .forEach(l -> leaks.add(e.id() + " stub message: " + l));
            }
            code.leaksIn(e.hint(1), true, true).forEach(l -> leaks.add(e.id() + " hint 1: " + l));
        }
        assertThat(leaks).as("pieces of the solutions that a student reads first (stub messages are the // STUB: "
                + "lines of solutions/, hints are in ExerciseCatalog)").isEmpty();
    }

    @Test
    @DisplayName("No hint level gives a solution's nested call or a long line of it")
    void noHintLevelGivesTheAnswer() throws IOException {
        var leaks = new ArrayList<String>();
        for (var e : ExerciseCatalog.ALL) {
            var code = solution(e);
            for (int level = 1; level <= e.hints().size(); level++) {
                int l = level;
                code.leaksIn(e.hint(level), false, false).forEach(x -> leaks.add(e.id() + " hint " + l + ": " + x));
            }
        }
        assertThat(leaks).as("hints that give the answer away (ExerciseCatalog)").isEmpty();
    }

    @Test
    @DisplayName("Hint 3 is a skeleton: it leaves the key lines blank (___) and holds no whole line of the solution")
    void thirdHintIsASkeleton() throws IOException {
        var problems = new ArrayList<String>();
        for (var e : ExerciseCatalog.ALL) {
            if (e.hints().size() < 3) {
                continue;
            }
            String hint = e.hint(3);
            if (!hint.contains("___")) {
                problems.add(e.id() + " hint 3 leaves no blank (___) for the student to fill");
            }
            solution(e).leaksIn(hint, false, true).forEach(x -> problems.add(e.id() + " hint 3 gives " + x));
        }
        assertThat(problems).as("hint 3 of every exercise (ExerciseCatalog): a skeleton with the key lines left for "
                + "the student, e.g. h = ___  // the new state from x and the old h").isEmpty();
    }

    @Test
    @DisplayName("The Javadoc of every exercise class explains the math and the shapes but spells out none of its code")
    void javadocHoldsNoCode() throws IOException {
        var leaks = new ArrayList<String>();
        for (var e : ExerciseCatalog.ALL) {
            var code = solution(e);
            code.leaksIn(code.javadoc(), false, true).forEach(x -> leaks.add(e.id() + " Javadoc: " + x));
        }
        assertThat(leaks).as("solution code in the Javadoc the student reads (solutions/…/ExNN….java, outside the "
                + "markers)").isEmpty();
    }

    @Test
    @DisplayName("The lead checker finds a stub that imports exactly the answer's calls or names them in its Javadoc")
    void leadCheckerFindsListedCalls() {
        String leaky = """
                package rnnscratch.exercises;

                import static rnnscratch.autograd.Ops.add;
                import static rnnscratch.autograd.Ops.mm;
                import static rnnscratch.autograd.Ops.tanh;

                /** Build it from {@code Ops} ({@code mm}, {@code add}, {@code tanh}), the weights with
                 * {@code Mat.randn(rows, cols, 0.01, rng)} and {@code Tensor.param}. */
                final class Ex99 {
                    static Tensor step(Tensor x, Tensor h, Random rng) {
                        // BEGIN SOLUTION
                        var w = Tensor.param(Mat.randn(2, 2, 0.01, rng));
                        return tanh(add(mm(x, w), h.detach()));
                        // END SOLUTION
                        // STUB: throw new UnsupportedOperationException("Exercise 99 (step): write step — read x");
                    }
                }
                """;
        assertThat(SolutionCode.staticCalls(leaky)).containsExactlyInAnyOrder("Tensor.param", "Mat.randn", "Ops.tanh",
                "Ops.add", "Ops.mm");
        assertThat(SolutionCode.leadsInStub(leaky)).hasSize(8).anySatisfy(l -> assertThat(l).contains("import of Ops.mm"))
                .anySatisfy(l -> assertThat(l).contains("Javadoc names Mat.randn"))
                .anySatisfy(l -> assertThat(l).contains("Javadoc names Ops.tanh"));
        String clean = leaky.replace("""
                import static rnnscratch.autograd.Ops.add;
                import static rnnscratch.autograd.Ops.mm;
                import static rnnscratch.autograd.Ops.tanh;
                """, "import static rnnscratch.autograd.Ops.*;\n").replace("""
                /** Build it from {@code Ops} ({@code mm}, {@code add}, {@code tanh}), the weights with
                 * {@code Mat.randn(rows, cols, 0.01, rng)} and {@code Tensor.param}. */""", """
                /** Build it from {@code Ops}, with weights 0.01·N(0, 1) drawn from {@code rng}, as parameters. */""");
        assertThat(SolutionCode.staticCalls(clean)).hasSize(5);
        assertThat(SolutionCode.leadsInStub(clean)).isEmpty();
    }

    @Test
    @DisplayName("No stub lists its answer's calls: no static import of one of them, and no Javadoc naming one")
    void stubsListNoCallsOfTheAnswer() throws IOException {
        var leads = new ArrayList<String>();
        for (var e : ExerciseCatalog.ALL) {
            String source = Files.readString(Path.of(e.solutionPath()), StandardCharsets.UTF_8);
            SolutionCode.leadsInStub(source).forEach(l -> leads.add(e.id() + ": " + l));
        }
        assertThat(leads).as("leads in the stubs (solutions/…/ExNN….java outside the markers: its imports and "
                + "Javadoc); state the contract — the signature, the shapes, the formula — not the calls").isEmpty();
    }

    @Test
    @DisplayName("Every exercise has at least two hint levels, each different from the others")
    void hintLevels() {
        for (var e : ExerciseCatalog.ALL) {
            assertThat(e.hints()).as("%s's hints", e.id()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        }
    }
}
