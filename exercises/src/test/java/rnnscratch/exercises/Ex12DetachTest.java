package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.scale;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RnnState;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Exercise 12: the detach example and the state between minibatches. Docs: docs/training.md */
@Tag("exercise")
@Tag("ex12")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex12DetachTest {
    /** A state computed from a parameter {@code w}, so that it has history: H = tanh(A·w). */
    record Computed(Tensor w, RnnState state) {
        static Computed of(int batch, int hidden, long seed) {
            var w = Tensor.param(Matrices.uniform(3, hidden, 1, seed));
            var a = Tensor.constant(Matrices.uniform(batch, 3, 1, seed + 1));
            return new Computed(w, new RnnState(tanh(mm(a, w))));
        }
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: at x = 2, ∂f/∂x = 12 and ∂g/∂x = 4, as in the notes")
    void workedExample() {
        double[] got = Ex12Detach.detachExample(2.0);
        boolean piledUp = got.length == 2 && Math.abs(got[0] - 12) < 1e-12 && Math.abs(got[1] - 16) < 1e-12;
        boolean xDetached = got.length == 2 && Math.abs(got[0] - 12) < 1e-12 && Math.abs(got[1] - 8) < 1e-12;
        boolean overwritten = got.length == 2 && Math.abs(got[0] - 4) < 1e-12 && Math.abs(got[1] - 4) < 1e-12;
        assertThat(got)
                .as("Exercise 12: f = y·x = x³ gives 3x² = 12; g = y.detach()·x sees y = 4 as a constant" + (piledUp
                        ? "; your ∂g/∂x = 16 = 12 + 4: the gradient of the first backward pass was still in x when "
                                + "the second added to it: zero x's gradient between the two passes"
                        : xDetached ? "; your ∂g/∂x = 8 = y′(x)·x = 2x·x: that detaches x and keeps the path through "
                                + "y; detach y (the notes' u = y.detach(), then u·x)"
                        : overwritten ? "; your ∂f/∂x = 4 is ∂g/∂x: x.grad() is one array that zeroGrad() clears and "
                                + "the second pass fills again; keep the number x.grad()[0][0] of the first pass, not "
                                + "the array"
                        : ""))
                .containsExactly(new double[] {12.0, 4.0}, within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("For every x, ∂f/∂x = 3x² and ∂g/∂x = x²")
    void detachCutsTheGradient() {
        Props.qt().forAll(doubles().between(-10, 10)).checkAssert(x -> assertThat(Ex12Detach.detachExample(x))
                .as("Exercise 12: {∂f/∂x, ∂g/∂x} at x = %s (zero the gradient between the two backward passes)", x)
                .containsExactly(new double[] {3 * x * x, x * x}, within(1e-9 * (1 + x * x))));
    }

    /**
     * A function y(x) built from Ops, with its value and derivative written out so the test knows the answer; the
     * student is not told them, so only back-propagation finds ∂f/∂x.
     */
    record Composite(String formula, UnaryOperator<Tensor> y, double value, double slope) {
        static Composite of(int kind, double a, double b, double x) {
            return switch (kind) {
                case 0 -> new Composite("y = " + a + "·tanh(" + b + "·x)·x",
                        t -> mul(scale(tanh(scale(t, b)), a), t), a * Math.tanh(b * x) * x,
                        a * (Math.tanh(b * x) + x * b * (1 - Math.tanh(b * x) * Math.tanh(b * x))));
                case 1 -> new Composite("y = x·x·x + " + a + "·x", t -> add(mul(mul(t, t), t), scale(t, a)),
                        x * x * x + a * x, 3 * x * x + a);
                case 2 -> new Composite("y = tanh(" + a + "·x + " + b + ")",
                        t -> tanh(add(scale(t, a), Tensor.constant(new double[][] {{b}}))), Math.tanh(a * x + b),
                        a * (1 - Math.tanh(a * x + b) * Math.tanh(a * x + b)));
                default -> new Composite("y = " + a + "·x·tanh(x)", t -> scale(mul(t, tanh(t)), a),
                        a * x * Math.tanh(x), a * (Math.tanh(x) + x * (1 - Math.tanh(x) * Math.tanh(x))));
            };
        }
    }

    @Test
    @Order(3)
    @DisplayName("For a function y(x) the student is not told, back-propagation gives ∂f/∂x = y + x·y′ and ∂g/∂x = y")
    void backPropagationThroughAnyFunction() {
        Props.qt().forAll(integers().between(0, 3), doubles().between(-2, 2), doubles().between(-2, 2),
                        doubles().between(-3, 3))
                .checkAssert((kind, a, b, x) -> {
                    var c = Composite.of(kind, a, b, x);
                    double[] yours = Ex12Detach.detachExample(c.y(), x);
                    double[] expected = {c.value() + x * c.slope(), c.value()};
                    boolean ofXTimesX = yours.length == 2 && Math.abs(yours[0] - 3 * x * x) < 1e-9 * (1 + x * x)
                            && Math.abs(yours[1] - x * x) < 1e-9 * (1 + x * x);
                    assertThat(yours)
                            .as("Exercise 12: for %s at x = %s, {∂f/∂x, ∂g/∂x} must be {y + x·y′, y} = %s, but you "
                                    + "returned %s (%s)", c.formula(), x, Arrays.toString(expected),
                                    Arrays.toString(yours), ofXTimesX
                                            ? "that is {3x², x²}, the answer for y = x·x: build y with the function "
                                                    + "you are given, y.apply(x), not x·x"
                                            : "compute them with backward(), not with a formula: the tests use "
                                                    + "functions y(x) you are not told")
                            .containsExactly(expected, within(1e-9 * (1 + Math.abs(expected[0]))));
                });
    }

    @Test
    @Order(4)
    @DisplayName("The first minibatch, and every random minibatch, starts from a zero state")
    void randomOrFirstMinibatchStartsFromZeros() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((batch, hidden, seed) -> {
                    var first = TestData.explained("Exercise 12: with no previous state (Optional.empty()) the "
                            + "minibatch starts from zeros, whether minibatches are random or sequential",
                            () -> Ex12Detach.stateForMinibatch(Optional.empty(), false, batch, hidden));
                    assertThat(first.H().value()).as("Exercise 12: no previous state: zeros(%s, %s)", batch, hidden)
                            .isDeepEqualTo(new double[batch][hidden]);
                    assertThat(first.H().requiresGrad())
                            .as("Exercise 12: the zero state must be a constant (Tensor.constant), not a parameter "
                                    + "(Tensor.param): nothing learns the state, so no gradient may flow into it")
                            .isFalse();
                    var previous = Computed.of(batch, hidden, seed).state();
                    var random = Ex12Detach.stateForMinibatch(Optional.of(previous), true, batch, hidden);
                    assertThat(random.H().value())
                            .as("Exercise 12: random minibatches do not continue the previous ones: zeros(%s, %s)",
                                    batch, hidden)
                            .isDeepEqualTo(new double[batch][hidden]);
                    assertThat(random.H().requiresGrad())
                            .as("Exercise 12: the zero state of a random minibatch must be a constant "
                                    + "(Tensor.constant), not a parameter (Tensor.param)")
                            .isFalse();
                });
    }

    @Test
    @Order(5)
    @DisplayName("A sequential minibatch keeps the previous state's values but sends no gradient back through it")
    void sequentialMinibatchKeepsValuesButNotHistory() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((batch, hidden, seed) -> {
                    var before = Computed.of(batch, hidden, seed);
                    double[][] values = Matrices.copyOf(before.state().H().value());
                    var next = Ex12Detach.stateForMinibatch(Optional.of(before.state()), false, batch, hidden);
                    assertThat(next.H().value()).as("Exercise 12: the state carried into the next minibatch "
                            + "keeps its values").isDeepEqualTo(values);
                    var q = Tensor.param(Matrices.uniform(batch, hidden, 1, seed + 2));
                    sum(mul(next.H(), q)).backward();
                    assertThat(Matrices.maxAbsDiff(before.w().grad(), new double[3][hidden]))
                            .as("Exercise 12: a loss of the next minibatch must not reach the parameters of the "
                                    + "previous one: detach the state (detachInPlace)")
                            .isZero();
                    assertThat(Matrices.maxAbsDiff(q.grad(), values))
                            .as("Exercise 12: gradients still reach the next minibatch's own parameters").isZero();
                });
    }
}
