package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** How the kernel splits a product's result over the threads, stated as sentences. Docs: docs/performance.md */
class ParallelTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Parallel.defaultThreads());
    }

    @Test
    @DisplayName("Threads default to the number of cores, at most 16")
    void threadsDefaultToTheCores() {
        assertThat(Parallel.defaultThreads()).isEqualTo(Math.min(16, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    @DisplayName("Every element of the result goes to exactly one piece, whatever the shape and the threads")
    void blocksCoverTheResultExactlyOnce() {
        Props.qt(200).forAll(integers().between(1, 600), integers().between(1, 600), integers().between(1, 20))
                .checkAssert((rows, cols, threads) -> {
                    Parallel.setThreads(threads);
                    var count = new int[rows][cols];
                    Parallel.forBlocks(rows, cols, Parallel.SPLIT_WORK, (i0, i1, j0, j1) -> {
                        for (int i = i0; i < i1; i++) {
                            for (int j = j0; j < j1; j++) {
                                count[i][j]++; // pieces never share an element, so no two threads write one cell
                            }
                        }
                    });
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            assertThat(count[i][j]).as("element (%d, %d) of a %dx%d result on %d threads", i, j, rows,
                                    cols, threads).isEqualTo(1);
                        }
                    }
                });
    }

    @Test
    @DisplayName("H·W_hh (32 rows) is split by rows on 2 threads and by columns of whole cache lines on 16")
    void shortWideResultsAreSplitByColumnsOnManyThreads() {
        Parallel.setThreads(2);
        assertThat(pieces(32, 512)).as("2 threads: 16 rows each").containsExactly("0-16x0-512", "16-32x0-512");
        Parallel.setThreads(16);
        var sixteen = pieces(32, 512);
        assertThat(sixteen).as("16 threads: a slice of 32 columns each").hasSize(16).contains("0-32x0-32",
                "0-32x480-512");
    }

    @Test
    @DisplayName("With the vector kernel's split, H·W_hh (32 rows) goes by columns on 2 threads, in whole register tiles")
    void vectorKernelSplitsShortResultsByColumnsInWholeTiles() {
        Parallel.setThreads(2);
        var split = new Parallel.Split(32, 48, Parallel.SPLIT_WORK);
        assertThat(pieces(32, 512, split)).as("2 threads, tiles of 48 columns: 5 tiles each, the first (the caller's) with the 32 columns left over too")
                .containsExactly("0-32x0-272", "0-32x272-512");
        assertThat(pieces(512, 512, split)).as("512 rows: by rows").containsExactly("0-256x0-512", "256-512x0-512");
    }

    @Test
    @DisplayName("With any kernel's split, every element of the result goes to exactly one piece")
    void anySplitCoversTheResultExactlyOnce() {
        Props.qt(200).forAll(integers().between(1, 300), integers().between(1, 600), integers().between(1, 20),
                        integers().between(1, 64))
                .checkAssert((rows, cols, threads, align) -> {
                    Parallel.setThreads(threads);
                    var count = new int[rows][cols];
                    Parallel.forBlocks(rows, cols, Parallel.SPLIT_WORK, new Parallel.Split(32, align,
                                    Parallel.SPLIT_WORK),
                            (i0, i1, j0, j1) -> {
                                for (int i = i0; i < i1; i++) {
                                    for (int j = j0; j < j1; j++) {
                                        count[i][j]++;
                                    }
                                }
                            });
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            assertThat(count[i][j]).as("element (%d, %d) of a %dx%d result on %d threads, columns "
                                    + "aligned to %d", i, j, rows, cols, threads, align).isEqualTo(1);
                        }
                    }
                });
    }

    @Test
    @DisplayName("With shared slices too, every element of the result goes to exactly one chunk")
    void sharedSlicesCoverTheResultExactlyOnce() {
        Props.qt(200).forAll(integers().between(1, 300), integers().between(1, 600), integers().between(1, 20),
                        integers().between(1, 64))
                .checkAssert((rows, cols, threads, align) -> {
                    Parallel.setThreads(threads);
                    var count = new java.util.concurrent.atomic.AtomicIntegerArray(rows * cols);
                    Parallel.forBlocks(rows, cols, Parallel.SPLIT_WORK, new Parallel.Split(32, align,
                                    Parallel.SPLIT_WORK, true),
                            (i0, i1, j0, j1) -> {
                                for (int i = i0; i < i1; i++) {
                                    for (int j = j0; j < j1; j++) {
                                        count.incrementAndGet(i * cols + j);
                                    }
                                }
                            });
                    for (int e = 0; e < rows * cols; e++) {
                        assertThat(count.get(e)).as("element (%d, %d) of a %dx%d result on %d threads, chunks of %d "
                                + "columns", e / cols, e % cols, rows, cols, threads, align).isEqualTo(1);
                    }
                });
    }

    @Test
    @DisplayName("With shared slices, H·W_hh's 512 columns go in chunks of one register tile, the first with the 32 "
            + "columns left over")
    void sharedSlicesAreChunksOfOneTile() {
        Parallel.setThreads(2);
        var chunks = pieces(32, 512, new Parallel.Split(32, 48, Parallel.SPLIT_WORK, true));
        assertThat(chunks).as("10 chunks: 0-80, then 48 columns each").hasSize(10).startsWith("0-32x0-80",
                "0-32x80-128").endsWith("0-32x464-512");
    }

    @Test
    @DisplayName("A thread done with its own slice takes the chunks of a held-up thread's slice that it has not started")
    void aThreadDoneWithItsSliceTakesTheChunksAHeldUpOneHasNotStarted() {
        Parallel.setThreads(2);
        var caller = Thread.currentThread();
        var ranBy = new java.util.concurrent.ConcurrentHashMap<Integer, Thread>();
        Parallel.forBlocks(32, 512, Parallel.SPLIT_WORK, new Parallel.Split(32, 48, Parallel.SPLIT_WORK, true),
                (i0, i1, j0, j1) -> {
                    ranBy.put(j0, Thread.currentThread());
                    if (Thread.currentThread() != caller) {
                        try {
                            Thread.sleep(300); // the worker is held up in the first chunk it takes
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        assertThat(ranBy).as("every chunk ran").hasSize(10);
        for (int j0 : new int[] {320, 368, 416, 464}) {
            assertThat(ranBy.get(j0)).as("the chunk at column %d, the worker's, taken by the calling thread while "
                    + "the worker was held up in its first", j0).isSameAs(caller);
        }
    }

    private static java.util.List<String> pieces(int rows, int cols) {
        return pieces(rows, cols, Parallel.PLAIN_SPLIT);
    }

    private static java.util.List<String> pieces(int rows, int cols, Parallel.Split split) {
        var pieces = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
        Parallel.forBlocks(rows, cols, Parallel.SPLIT_WORK, split,
                (i0, i1, j0, j1) -> pieces.add(i0 + "-" + i1 + "x" + j0 + "-" + j1));
        java.util.Collections.sort(pieces, java.util.Comparator.comparingInt(
                (String p) -> Integer.parseInt(p.substring(p.indexOf('x') + 1, p.lastIndexOf('-'))))
                .thenComparingInt(p -> Integer.parseInt(p.substring(0, p.indexOf('-')))));
        return pieces;
    }
}
