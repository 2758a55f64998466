package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** Splitting rows over threads: every row once, failures reach the caller. Docs: docs/performance.md */
class ParallelContractTest {
    @Test
    @DisplayName("forRows runs the body on every row of [0, n) exactly once, whether split or not, on 1 to 4 threads")
    void everyRowExactlyOnce() {
        int before = Parallel.threads();
        try {
            Props.qt().forAll(integers().between(1, 200), integers().between(1, 4), integers().between(0, 1))
                    .checkAssert((n, threads, split) -> {
                        Parallel.setThreads(threads);
                        var visits = new AtomicIntegerArray(n);
                        Parallel.forRows(n, split == 1, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                visits.incrementAndGet(i);
                            }
                        });
                        for (int i = 0; i < n; i++) {
                            assertThat(visits.get(i)).as("visits of row %d of %d, %d thread(s), split %s", i, n,
                                    threads, split == 1).isEqualTo(1);
                        }
                        assertThat(Parallel.threads()).isEqualTo(threads);
                    });
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    @DisplayName("An exception thrown by any piece of a split reaches the caller")
    void failuresReachTheCaller() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(2);
            for (int failing : new int[] {0, 99}) {
                assertThatThrownBy(() -> Parallel.forRows(100, true, (from, to) -> {
                    if (from <= failing && failing < to) {
                        throw new IllegalStateException("row " + failing);
                    }
                })).as("a failure in row %d", failing).isInstanceOf(IllegalStateException.class)
                        .hasMessage("row " + failing);
            }
            var visits = new AtomicIntegerArray(10);
            Parallel.forRows(10, true, (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits.incrementAndGet(i);
                }
            });
            assertThat(visits.toString()).as("a split after a failure still covers every row once")
                    .isEqualTo("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    @DisplayName("The number of threads must be at least 1")
    void atLeastOneThread() {
        int before = Parallel.threads();
        for (int bad : new int[] {0, -2}) {
            assertThatThrownBy(() -> Parallel.setThreads(bad)).as("%d threads", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Parallel.threads()).as("a refused setting changes nothing").isEqualTo(before);
    }

    @Test
    @DisplayName("When the caller's own piece is the slow one, the workers' pieces are still run exactly once, and a "
            + "failure in a worker's piece still reaches the caller")
    void workersRunTheirPieces() {
        int before = Parallel.threads();
        try {
            Props.qt(12).forAll(integers().between(2, 64), integers().between(2, 4)).checkAssert((n, threads) -> {
                Parallel.setThreads(threads);
                var visits = new AtomicIntegerArray(n);
                Parallel.forRows(n, true, (from, to) -> {
                    if (from == 0) {
                        pause(); // the caller's piece: give the workers time to start theirs
                    }
                    for (int i = from; i < to; i++) {
                        visits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(visits.get(i)).as("visits of row %d of %d, %d threads", i, n, threads).isEqualTo(1);
                }
                assertThatThrownBy(() -> Parallel.forRows(n, true, (from, to) -> {
                    if (from == 0) {
                        pause();
                    } else if (to == n) {
                        throw new IllegalStateException("last piece");
                    }
                })).as("a failure in the last piece, %d rows, %d threads", n, threads)
                        .isInstanceOf(IllegalStateException.class).hasMessage("last piece");
            });
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
