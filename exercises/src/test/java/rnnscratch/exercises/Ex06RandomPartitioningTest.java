package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
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

/** Exercise 06: random partitioning. Docs: docs/text-pipeline.md */
@Tag("exercise")
@Tag("ex06")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex06RandomPartitioningTest {
    static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: 0..34, batch 2, 5 steps, offset 1: three minibatches of non-overlapping pieces")
    void workedExample() {
        var batches = Ex06RandomPartitioning.seqDataIterRandom(range(35), 2, 5, 1, new Random(42));
        assertThat(batches).as("Exercise 06: ⌊(35 − 1 − 1) / 5⌋ = 6 subsequences, 2 per minibatch").hasSize(3);
        var starts = batches.stream().flatMap(m -> Arrays.stream(m.x())).map(row -> row[0]).sorted().toList();
        assertThat(starts).as("Exercise 06: every piece is used once: minibatch k takes the shuffled starts at "
                + "positions k·batchSize … k·batchSize + batchSize − 1").doesNotHaveDuplicates();
        assertThat(starts).as("Exercise 06: skip offset = 1 token: every subsequence starts at 1 + 5·j")
                .containsExactly(1, 6, 11, 16, 21, 26);
        var inOrder = batches.stream().flatMap(m -> Arrays.stream(m.x())).map(row -> row[0]).toList();
        assertThat(inOrder).as("Exercise 06: the subsequences come in order 1, 6, 11, …: shuffle their starts")
                .isNotEqualTo(starts);
        assertThat(batches).as("Exercise 06: the same seed must give the library's minibatches: shuffle the list of "
                        + "starts exactly once, with the Random you are given (not one of your own)")
                .isEqualTo(SeqDataIter.seqDataIterRandom(range(35), 2, 5, 1, new Random(42)));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: 0..10, batch 1, 5 steps, offset 1: one piece, since the last token can only be a label")
    void workedExampleCount() {
        var batches = Ex06RandomPartitioning.seqDataIterRandom(range(11), 1, 5, 1, new Random(42));
        assertThat(batches).as("Exercise 06: ⌊(11 − 1 − 1) / 5⌋ = 1 piece, 1..5 with y = 2..6; 6..10 would need the "
                + "label 11, which the corpus does not have (numSubseqs = ⌊(len − offset − 1) / numSteps⌋)")
                .containsExactly(new Minibatch(new int[][] {{1, 2, 3, 4, 5}}, new int[][] {{2, 3, 4, 5, 6}}));
    }

    @Test
    @Order(3)
    @DisplayName("Worked example: 0..34, batch 4, 5 steps, offset 1: six pieces make one minibatch, two are left over")
    void workedExampleLeftover() {
        String rule = "Exercise 06: ⌊6 pieces / batch 4⌋ = 1 minibatch; the 2 pieces left over are dropped (make only "
                + "minibatches whose batchSize pieces all exist)";
        var batches = TestData.explained(rule,
                () -> Ex06RandomPartitioning.seqDataIterRandom(range(35), 4, 5, 1, new Random(42)));
        assertThat(batches).as(rule).hasSize(1);
    }

    @Test
    @Order(4)
    @DisplayName("With the same seed, the minibatches are the library's seqDataIterRandom")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(0, 40), longs().all())
                .checkAssert((batch, steps, extra, seed) -> {
                    int offset = (int) Math.floorMod(seed, (long) steps);
                    int[] corpus = range(batch * steps + steps + extra);
                    assertThat(Ex06RandomPartitioning.seqDataIterRandom(corpus, batch, steps, offset,
                                    new Random(seed)))
                            .as("Exercise 06: corpus 0..%s, batchSize %s, numSteps %s, offset %s, new Random(%s) "
                                    + "(shuffle the starts once with Collections.shuffle)", corpus.length - 1, batch,
                                    steps, offset, seed)
                            .isEqualTo(SeqDataIter.seqDataIterRandom(corpus, batch, steps, offset, new Random(seed)));
                });
    }

    @Test
    @Order(5)
    @DisplayName("Every row is a piece of the corpus starting at offset + j·numSteps, used once, and y is x shifted")
    void rowsArePiecesUsedOnce() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(0, 40), longs().all())
                .checkAssert((batch, steps, extra, seed) -> {
                    int offset = (int) Math.floorMod(seed, (long) steps);
                    int[] corpus = range(batch * steps + steps + extra);
                    var batches = Ex06RandomPartitioning.seqDataIterRandom(corpus, batch, steps, offset,
                            new Random(seed));
                    int numSubseqs = (corpus.length - offset - 1) / steps;
                    assertThat(batches).as("Exercise 06: ⌊%s subsequences / batch %s⌋ minibatches", numSubseqs, batch)
                            .hasSize(numSubseqs / batch);
                    var seen = new HashSet<Integer>();
                    for (var m : batches) {
                        for (int i = 0; i < batch; i++) {
                            int start = m.x()[i][0];
                            assertThat((start - offset) % steps)
                                    .as("Exercise 06: a row starts at %s, not at offset %s + j·%s", start, offset,
                                            steps).isZero();
                            assertThat(seen.add(start)).as("Exercise 06: the piece starting at %s is used twice",
                                    start).isTrue();
                            assertThat(m.x()[i]).as("Exercise 06: x row starting at %s", start)
                                    .containsExactly(IntStream.range(start, start + steps).toArray());
                            assertThat(m.y()[i]).as("Exercise 06: y row for the x row starting at %s", start)
                                    .containsExactly(IntStream.range(start + 1, start + steps + 1).toArray());
                        }
                    }
                });
    }
}
