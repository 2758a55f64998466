package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.RetainGradTest.Net;
import rnnscratch.autograd.RetainGradTest.Pass;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * {@code registerHook} (PyTorch's {@code register_hook}, for a hook that only looks): the backward pass shows a
 * tensor's gradient to its hooks once it has summed it, and keeps nothing. The graph is the small unrolled RNN of
 * {@link RetainGradTest}; the run report's hooks sit on its hidden states {@code H_t}. Docs: docs/tensor-and-autograd.md
 */
class RegisterHookTest {
    @Test
    @DisplayName("A hook on a hidden state H_t sees ∂l/∂H_t: the same bits retainGrad would keep")
    void aHookSeesTheGradientRetainGradKeeps() {
        Props.qt(60).forAll(integers().between(1, 3), integers().between(1, 5), integers().between(1, 6), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Net n = Net.random(batch, 3, hidden, steps, seed);
                    Pass retained = RetainGradTest.forward(n);
                    retained.hidden().forEach(Tensor::retainGrad);
                    retained.loss().backward();
                    Pass hooked = RetainGradTest.forward(n);
                    var seen = new double[steps][][];
                    for (int t = 0; t < steps; t++) {
                        int step = t;
                        hooked.hidden().get(t).registerHook(g -> seen[step] = Matrices.copyOf(g));
                    }
                    hooked.loss().backward();
                    for (int t = 0; t < steps; t++) {
                        assertThat(seen[t]).as("the hook on H_%d was called", t + 1).isNotNull();
                        assertThat(Matrices.bitIdentical(seen[t], retained.hidden().get(t).grad()))
                                .as("∂l/∂H_%d seen by the hook and kept by retainGrad", t + 1).isTrue();
                    }
                });
    }

    @Test
    @DisplayName("Hooks change no gradient and keep none: the parameters' gradients are bit for bit those of a pass "
            + "without hooks, and the hooked tensors' grad() stays zero")
    void hooksChangeNothing() {
        Props.qt(60).forAll(integers().between(1, 3), integers().between(1, 5), integers().between(1, 6), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Net n = Net.random(batch, 4, hidden, steps, seed);
                    Pass plain = RetainGradTest.forward(n);
                    plain.loss().backward();
                    Pass hooked = RetainGradTest.forward(n);
                    hooked.hidden().forEach(h -> h.registerHook(g -> { }));
                    hooked.params().forEach(p -> p.registerHook(g -> { }));
                    hooked.loss().backward();
                    for (int p = 0; p < plain.params().size(); p++) {
                        assertThat(Matrices.bitIdentical(plain.params().get(p).grad(), hooked.params().get(p).grad()))
                                .as("parameter %d's gradient with and without hooks", p).isTrue();
                    }
                    for (int t = 0; t < steps; t++) {
                        assertThat(Matrices.maxAbsDiff(hooked.hidden().get(t).grad(), new double[batch][hidden]))
                                .as("a hook keeps nothing: H_%d's grad() is still zero", t + 1).isZero();
                    }
                });
    }

    @Test
    @DisplayName("The pass goes back through time: the hooks of H_T, …, H_1 run once each, last step first")
    void hooksRunBackThroughTime() {
        Props.qt(40).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 8), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Pass pass = RetainGradTest.forward(Net.random(batch, 2, hidden, steps, seed));
                    var order = new ArrayList<Integer>();
                    for (int t = 0; t < steps; t++) {
                        int step = t + 1;
                        pass.hidden().get(t).registerHook(g -> order.add(step));
                    }
                    pass.loss().backward();
                    var expected = new ArrayList<Integer>();
                    for (int t = steps; t >= 1; t--) {
                        expected.add(t);
                    }
                    assertThat(order).as("the steps whose hooks ran, in order").isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("Several hooks on one tensor run in the order they were registered; a hook on a constant never runs")
    void severalHooksInOrderAndNoneOnAConstant() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            var w = Tensor.param(Matrices.uniform(c, c, 1, s));
            var x = Tensor.constant(Matrices.uniform(r, c, 1, s + 1));
            var calls = new ArrayList<String>();
            x.registerHook(g -> calls.add("constant"));
            Tensor y = mm(x, w).registerHook(g -> calls.add("first")).registerHook(g -> calls.add("second"));
            sum(tanh(y)).backward();
            assertThat(calls).isEqualTo(List.of("first", "second"));
            assertThat(Mat.norm(w.grad())).as("W still gets its gradient").isPositive();
        });
    }
}
