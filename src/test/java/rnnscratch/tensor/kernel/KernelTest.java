package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Choosing the kernel and its threads for a piece of work. Docs: docs/performance.md */
class KernelTest {
    @Test
    @DisplayName("Kernel.using runs the work with the kernel and the threads asked for, then restores the ones before")
    void usingSetsAndRestores() {
        int threadsBefore = Parallel.threads();
        var kernelBefore = Kernel.choice();
        int asked = threadsBefore == 3 ? 2 : 3;
        var ran = new AtomicBoolean();
        int seen = Kernel.using(Kernel.Choice.PLAIN, asked, () -> {
            assertThat(Kernel.choice()).as("the kernel inside the work").isEqualTo(Kernel.Choice.PLAIN);
            return Parallel.threads();
        });
        Kernel.using(Kernel.Choice.PLAIN, asked, () -> ran.set(true));
        assertThat(seen).as("threads inside the work").isEqualTo(asked);
        assertThat(ran).as("work that returns nothing runs too").isTrue();
        assertThat(Parallel.threads()).as("threads after the work").isEqualTo(threadsBefore);
        assertThat(Kernel.choice()).as("kernel after the work").isEqualTo(kernelBefore);
    }

    @Test
    @DisplayName("Kernel.using restores the kernel and the threads also when the work throws")
    void usingRestoresAfterAFailure() {
        int threadsBefore = Parallel.threads();
        var kernelBefore = Kernel.choice();
        assertThatThrownBy(() -> Kernel.using(Kernel.Choice.PLAIN, threadsBefore + 1, () -> {
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");
        assertThat(Parallel.threads()).as("threads after a failed work").isEqualTo(threadsBefore);
        assertThat(Kernel.choice()).as("kernel after a failed work").isEqualTo(kernelBefore);
    }

    @Test
    @DisplayName("--kernel auto picks the vector kernel exactly where the JVM has its module and vectors of 8 doubles")
    void autoPicksTheVectorKernelWhereItWins() {
        boolean wins = Kernel.vectorApiAvailable() && VectorKernel.beatsPlain();
        assertThat(Kernel.fastestHere()).as("the kernel auto picks (module present: %s)", Kernel.vectorApiAvailable())
                .isEqualTo(wins ? Kernel.Choice.VECTOR : Kernel.Choice.PLAIN);
    }

    @Test
    @DisplayName("The vector kernel is chosen only where the Vector API is present; elsewhere asking for it is refused")
    void vectorNeedsTheVectorApi() {
        if (Kernel.vectorApiAvailable()) {
            var inside = Kernel.using(Kernel.Choice.VECTOR, Parallel.threads(), Kernel::choice);
            assertThat(inside).as("the kernel chosen while VECTOR is asked for").isEqualTo(Kernel.Choice.VECTOR);
            assertThat(Kernel.vectorKernelHere()).as("what the vector kernel does here, in words").isNotBlank();
        } else {
            assertThatThrownBy(() -> Kernel.use(Kernel.Choice.VECTOR)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("jdk.incubator.vector");
        }
    }
}
