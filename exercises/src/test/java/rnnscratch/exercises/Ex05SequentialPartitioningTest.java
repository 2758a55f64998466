package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.testing.Props;
import rnnscratch.text.Minibatch;
import rnnscratch.text.SeqDataIter;

/** Exercise 05: sequential partitioning. Docs: docs/text-pipeline.md */
@Tag("exercise")
@Tag("ex05")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex05SequentialPartitioningTest {
    static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: 0..34, batch 2, 5 steps, offset 0 gives the book's three minibatches")
    void workedExample() {
        var batches = Ex05SequentialPartitioning.seqDataIterSequential(range(35), 2, 5, 0);
        String why = !batches.isEmpty() && Arrays.deepEquals(batches.get(0).x(), batches.get(0).y())
                ? "; you gave Y = X: Y is X one token later, the token each position must predict (x = 0..4, y = 1..5)"
                : "";
        assertThat(batches).as("Exercise 05: rows of 17 tokens (0..16 and 17..33), cut 5 columns at a time" + why)
                .containsExactly(
                        new Minibatch(new int[][] {{0, 1, 2, 3, 4}, {17, 18, 19, 20, 21}},
                                new int[][] {{1, 2, 3, 4, 5}, {18, 19, 20, 21, 22}}),
                        new Minibatch(new int[][] {{5, 6, 7, 8, 9}, {22, 23, 24, 25, 26}},
                                new int[][] {{6, 7, 8, 9, 10}, {23, 24, 25, 26, 27}}),
                        new Minibatch(new int[][] {{10, 11, 12, 13, 14}, {27, 28, 29, 30, 31}},
                                new int[][] {{11, 12, 13, 14, 15}, {28, 29, 30, 31, 32}}));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: 0..20, batch 2, 5 steps: rows of 10 tokens hold exactly two pieces of 5")
    void workedExampleExactFit() {
        var batches = Ex05SequentialPartitioning.seqDataIterSequential(range(21), 2, 5, 0);
        assertThat(batches).as("Exercise 05: keep ⌊(21 − 0 − 1) / 2⌋·2 = 20 tokens, rows 0..9 and 10..19 of 10 tokens: "
                + "two pieces of 5 fit exactly, so there are 2 minibatches (a piece may end at the row's end: "
                + "column + numSteps ≤ rowLength)").hasSize(2);
        assertThat(batches.get(1)).as("Exercise 05: the second minibatch is columns 5..9 of both rows")
                .isEqualTo(new Minibatch(new int[][] {{5, 6, 7, 8, 9}, {15, 16, 17, 18, 19}},
                        new int[][] {{6, 7, 8, 9, 10}, {16, 17, 18, 19, 20}}));
    }

    @Test
    @Order(3)
    @DisplayName("Worked example: 0..11, batch 2, 2 steps, offset 2 skips two tokens and keeps 8, rows 2..5 and 6..9")
    void workedExampleOffset() {
        var batches = Ex05SequentialPartitioning.seqDataIterSequential(range(12), 2, 2, 2);
        assertThat(batches).as("Exercise 05: at least one minibatch from 12 tokens").isNotEmpty();
        assertThat(batches.get(0).x()[0][0]).as("Exercise 05: skip offset = 2 tokens, so row 0 starts at token 2")
                .isEqualTo(2);
        assertThat(batches).as("Exercise 05: keep ⌊(12 − offset 2 − 1) / 2⌋·2 = 8 tokens, not 10 (subtract the "
                        + "skipped offset, and 1 since the last token can only be a label, in y), so the rows are 2..5 "
                        + "and 6..9, cut 2 columns at a time")
                .containsExactly(
                        new Minibatch(new int[][] {{2, 3}, {6, 7}}, new int[][] {{3, 4}, {7, 8}}),
                        new Minibatch(new int[][] {{4, 5}, {8, 9}}, new int[][] {{5, 6}, {9, 10}}));
    }

    @Test
    @Order(4)
    @DisplayName("The minibatches are the library's seqDataIterSequential, batch for batch")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(0, 40),
                        integers().between(0, 5))
                .assuming((batch, steps, extra, offset) -> offset <= steps)
                .checkAssert((batch, steps, extra, offset) -> {
                    int[] corpus = range(batch * steps + steps + 1 + extra);
                    List<Minibatch> yours = Ex05SequentialPartitioning.seqDataIterSequential(corpus, batch, steps,
                            offset);
                    assertThat(yours)
                            .as("Exercise 05: corpus 0..%s, batchSize %s, numSteps %s, offset %s", corpus.length - 1,
                                    batch, steps, offset)
                            .isEqualTo(SeqDataIter.seqDataIterSequential(corpus, batch, steps, offset));
                });
    }

    @Test
    @Order(5)
    @DisplayName("In every minibatch y is x one token later, and row i of each minibatch continues row i of the last")
    void yIsShiftedAndRowsContinue() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(0, 40),
                        integers().between(0, 5))
                .assuming((batch, steps, extra, offset) -> offset <= steps)
                .checkAssert((batch, steps, extra, offset) -> {
                    int[] corpus = range(batch * steps + steps + 1 + extra);
                    var batches = Ex05SequentialPartitioning.seqDataIterSequential(corpus, batch, steps, offset);
                    assertThat(batches).as("Exercise 05: at least one minibatch for a corpus of %s tokens",
                            corpus.length).isNotEmpty();
                    for (int k = 0; k < batches.size(); k++) {
                        var m = batches.get(k);
                        for (int i = 0; i < batch; i++) {
                            int[] shifted = Arrays.stream(m.x()[i]).map(v -> v + 1).toArray();
                            assertThat(m.y()[i]).as("Exercise 05: y of row %s of minibatch %s (x = %s)", i, k,
                                    Arrays.toString(m.x()[i])).containsExactly(shifted);
                            if (k > 0) {
                                assertThat(m.x()[i][0])
                                        .as("Exercise 05: row %s of minibatch %s must start where it ended in "
                                                + "minibatch %s", i, k, k - 1)
                                        .isEqualTo(batches.get(k - 1).x()[i][steps - 1] + 1);
                            }
                        }
                    }
                });
    }
}
