package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.crossEntropy;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;
import static rnnscratch.testing.Matrices.m;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * What a tensor is and what it refuses: leaves and computed tensors, scalars, and the mistakes {@code item()},
 * {@code backward()} and the cross-entropy catch before computing anything. Docs: docs/tensor-and-autograd.md
 */
class TensorContractTest {
    @Test
    @DisplayName("A parameter, a constant and a detached tensor are leaves; a tensor computed from a parameter is not, "
            + "and one computed from constants only is a leaf that requires no gradient")
    void leavesAndComputedTensors() {
        var p = Tensor.param(m(2, 3, 1));
        var k = Tensor.constant(m(2, 3, 2));
        var computed = tanh(add(p, k));
        var fromConstants = tanh(add(k, k));
        assertThat(p.isLeaf()).as("a parameter is a leaf").isTrue();
        assertThat(p.requiresGrad()).as("a parameter requires gradients").isTrue();
        assertThat(k.isLeaf()).as("a constant is a leaf").isTrue();
        assertThat(k.requiresGrad()).as("a constant requires no gradient").isFalse();
        assertThat(computed.isLeaf()).as("tanh(p + k) has history: it is not a leaf").isFalse();
        assertThat(computed.requiresGrad()).as("tanh(p + k) requires gradients because p does").isTrue();
        assertThat(computed.detach().isLeaf()).as("detach() gives a leaf").isTrue();
        assertThat(computed.detach().requiresGrad()).as("detach() gives a tensor without gradient").isFalse();
        assertThat(fromConstants.isLeaf()).as("tanh(k + k) records no history").isTrue();
        assertThat(fromConstants.requiresGrad()).as("tanh(k + k) requires no gradient").isFalse();
        computed.detachInPlace();
        assertThat(computed.isLeaf()).as("after detachInPlace() the tensor is a leaf").isTrue();
    }

    @Test
    @DisplayName("Tensor.scalar(v) is a 1×1 constant whose item() is v")
    void scalarIsOneByOneConstant() {
        Props.qt().forAll(doubles().between(-1e6, 1e6)).checkAssert(v -> {
            var s = Tensor.scalar(v);
            assertThat(s.rows()).as("rows of scalar(%s)", v).isEqualTo(1);
            assertThat(s.cols()).as("columns of scalar(%s)", v).isEqualTo(1);
            assertThat(s.item()).as("scalar(%s).item()", v).isEqualTo(v);
            assertThat(s.requiresGrad()).as("a scalar is a constant").isFalse();
        });
    }

    @Test
    @DisplayName("A tensor knows the operation that made it, and prints its shape, that operation and whether it "
            + "requires gradients")
    void opNameAndPrintedForm() {
        var p = Tensor.param(m(2, 3, 1));
        var w = Tensor.param(m(3, 4, 2));
        var c = Tensor.constant(m(2, 3, 3));
        var product = mm(p, w);
        assertThat(product.op()).as("the op of mm(p, w)").isEqualTo("mm");
        assertThat(tanh(p).op()).as("the op of tanh(p)").isEqualTo("tanh");
        assertThat(product.toString()).as("mm(p, w) printed").contains("2x4").contains("mm")
                .contains("requiresGrad");
        assertThat(c.toString()).as("a constant printed").contains("2x3").doesNotContain("requiresGrad");
    }

    @Test
    @DisplayName("A ragged or empty array is refused as a tensor's value with an IllegalArgumentException")
    void raggedValueIsRefused() {
        assertThatThrownBy(() -> Tensor.constant(new double[][] {{1, 2}, {3}}))
                .as("rows of 2 and 1 values").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.param(new double[][] {{1}, {2, 3}}))
                .as("rows of 1 and 2 values").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.constant(new double[0][0]))
                .as("no rows").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("item() of anything but a 1×1 tensor is refused, naming its shape")
    void itemNeedsOneByOne() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4)).assuming((r, c) -> r * c > 1)
                .checkAssert((r, c) -> assertThatThrownBy(() -> Tensor.constant(new double[r][c]).item())
                        .as("item() of a %dx%d tensor", r, c).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(r + "x" + c));
    }

    @Test
    @DisplayName("backward() from anything but a 1×1 tensor is refused, naming its shape, and no gradient changes")
    void backwardNeedsScalar() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all())
                .assuming((r, c, s) -> r * c > 1).checkAssert((r, c, s) -> {
                    var p = Tensor.param(m(r, c, s));
                    assertThatThrownBy(() -> tanh(p).backward()).as("backward() from a %dx%d tensor", r, c)
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(r + "x" + c);
                    assertThat(p.grad()).as("the parameter's gradient").isDeepEqualTo(new double[r][c]);
                });
    }

    @Test
    @DisplayName("backward() from a product that is one row or one column but not 1×1 is refused, naming its shape")
    void backwardFromAVectorIsRefused() {
        Props.qt().forAll(integers().between(2, 5), integers().between(1, 4), longs().all()).checkAssert((n, k, s) -> {
            var column = mm(Tensor.param(m(n, k, s)), Tensor.param(m(k, 1, s + 1)));
            var row = mm(Tensor.param(m(1, k, s + 2)), Tensor.param(m(k, n, s + 3)));
            for (Tensor t : new Tensor[] {column, row}) {
                assertThatThrownBy(t::backward).as("backward() from a %s product", t.shape())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(t.shape());
            }
        });
    }

    @Test
    @DisplayName("backward() from a scalar that depends on no parameter is refused with an IllegalStateException")
    void backwardNeedsHistory() {
        var k = Tensor.constant(m(2, 3, 4));
        assertThatThrownBy(() -> sum(k).backward()).as("sum of a constant").isInstanceOf(IllegalStateException.class);
        var p = Tensor.param(m(2, 3, 5));
        assertThatThrownBy(() -> sum(p).detach().backward()).as("a detached loss")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("The cross-entropy refuses a label count other than the number of rows, naming both")
    void crossEntropyNeedsOneLabelPerRow() {
        Props.qt().forAll(integers().between(1, 5), integers().between(0, 7), integers().between(2, 6))
                .assuming((rows, labels, v) -> rows != labels).checkAssert((rows, labels, v) -> {
                    var logits = Tensor.param(m(rows, v, rows + 10L * labels));
                    assertThatThrownBy(() -> crossEntropy(logits, new int[labels]))
                            .as("%d rows of logits and %d labels", rows, labels)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(String.valueOf(labels));
                });
    }

    @Test
    @DisplayName("The cross-entropy refuses a negative label and a label equal to the number of classes")
    void crossEntropyLabelRange() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 6), longs().all()).checkAssert((n, v, s) -> {
            var logits = Tensor.param(m(n, v, s));
            for (int bad : new int[] {-1, v}) {
                var labels = Matrices.labels(n, v, s);
                labels[(int) Math.floorMod(s, (long) n)] = bad;
                assertThatThrownBy(() -> crossEntropy(logits, labels)).as("label %d with %d classes", bad, v)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
            }
            var lastClass = new int[n];
            java.util.Arrays.fill(lastClass, v - 1);
            assertThat(crossEntropy(logits, lastClass).item()).as("label V − 1 = %d is allowed", v - 1).isFinite();
        });
    }
}
