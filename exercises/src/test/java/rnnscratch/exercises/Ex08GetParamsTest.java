package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;

/** Exercise 08: getParams and the zero state. Docs: docs/parameters.md */
@Tag("exercise")
@Tag("ex08")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex08GetParamsTest {
    @Test
    @Order(1)
    @DisplayName("Worked example: V = 3, H = 2 gives the five shapes, zero biases and a zero 4×2 state")
    void workedExample() {
        RnnParams p = Ex08GetParams.getParams(3, 2, new Random(0));
        assertThat(p.W_xh().shape()).as("Exercise 08: W_xh is V×H").isEqualTo("(3x2)");
        assertThat(p.W_hh().shape()).as("Exercise 08: W_hh is H×H").isEqualTo("(2x2)");
        assertThat(p.b_h().value()).as("Exercise 08: b_h is zeros(1, H)").isDeepEqualTo(new double[][] {{0, 0}});
        assertThat(p.W_hq().shape()).as("Exercise 08: W_hq is H×V").isEqualTo("(2x3)");
        assertThat(p.b_q().value()).as("Exercise 08: b_q is zeros(1, V)").isDeepEqualTo(new double[][] {{0, 0, 0}});
        var state = Ex08GetParams.initRnnState(4, 2);
        assertThat(state.H().value()).as("Exercise 08: the state is zeros(batch, H)")
                .isDeepEqualTo(new double[4][2]);
    }

    @Test
    @Order(2)
    @DisplayName("With the same seed, the parameters are the library's getParams, number for number")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), longs().all())
                .checkAssert((vocab, hidden, seed) -> {
                    var yours = Ex08GetParams.getParams(vocab, hidden, new Random(seed));
                    var lib = RnnParams.getParams(vocab, hidden, new Random(seed));
                    for (int i = 0; i < RnnParams.NAMES.size(); i++) {
                        double[][] mine = yours.list().get(i).value();
                        double[][] theirs = lib.list().get(i).value();
                        boolean hundredTimes = mine.length == theirs.length && mine[0].length == theirs[0].length
                                && theirs[0][0] != 0 && Math.abs(mine[0][0] / theirs[0][0] - 100) < 1e-6;
                        assertThat(mine)
                                .as("Exercise 08: %s for V = %s, H = %s, new Random(%s)%s (draw W_xh, W_hh, W_hq in "
                                        + "that order from the rng you are given, not a Random of your own, each "
                                        + "Mat.randn(rows, cols, 0.01, rng))",
                                        RnnParams.NAMES.get(i), vocab, hidden, seed, hundredTimes
                                                ? ": yours are 100 times the library's numbers; the weights are "
                                                        + "normal with standard deviation 0.01, not 1"
                                                : "")
                                .isDeepEqualTo(theirs);
                        assertThat(yours.list().get(i).requiresGrad())
                                .as("Exercise 08: %s must require gradients (Tensor.param)", RnnParams.NAMES.get(i))
                                .isTrue();
                    }
                });
    }

    @Test
    @Order(3)
    @DisplayName("The zero state is batch×H zeros, a constant that needs no gradient")
    void zeroStateIsAConstant() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6)).checkAssert((batch, hidden) -> {
            var state = Ex08GetParams.initRnnState(batch, hidden);
            assertThat(state.H().value()).as("Exercise 08: initRnnState(%s, %s)", batch, hidden)
                    .isDeepEqualTo(new double[batch][hidden]);
            assertThat(state.H().requiresGrad()).as("Exercise 08: the zero state is a constant (Tensor.constant)")
                    .isFalse();
        });
    }
}
