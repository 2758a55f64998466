package rnnscratch.seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** Features under the Markov assumption of order τ (d2l 8.1). Docs: docs/sequence-models.md */
class MarkovFeaturesTest {
    @Test
    @DisplayName("For any τ and T, feature row i is the window x[i … i+τ−1] and its label is the next value x[i+τ]")
    void featureRowsAreTheTauWindowsAndLabelsTheNextValue() {
        Props.qt().forAll(integers().between(1, 60), integers().between(1, 150), longs().all())
                .checkAssert((tau, rows, s) -> {
                    int t = tau + rows;
                    double[] x = SineData.generate(t, 0.2, new Random(s)).x();
                    var f = MarkovFeatures.of(x, tau);
                    assertThat(f.size()).as("a series of L = %d values has L − τ = %d windows of τ = %d", t, t - tau, tau)
                            .isEqualTo(t - tau);
                    int wrongRow = -1;
                    for (int i = 0; i < f.size() && wrongRow < 0; i++) {
                        boolean window = Arrays.equals(f.features()[i], Arrays.copyOfRange(x, i, i + tau));
                        boolean label = f.labels()[i].length == 1 && f.labels()[i][0] == x[i + tau];
                        wrongRow = window && label ? -1 : i;
                    }
                    assertThat(wrongRow).as("row i must be x[i … i+τ−1] with label x[i+τ] (τ = %d, T = %d); row %d "
                            + "is not", tau, t, wrongRow).isEqualTo(-1);
                });
    }

    @Test
    @DisplayName("The training set is the first n_train pairs, unchanged")
    void firstRowsAreTheTrainingSet() {
        double[] x = SineData.generate(new Random(1)).x();
        var all = MarkovFeatures.of(x, 4);
        var train = all.firstRows(600);
        assertThat(train.size()).isEqualTo(600);
        assertThat(train.features()[599]).containsExactly(all.features()[599]);
        assertThat(train.labels()[599]).containsExactly(x[603]);
    }

    @Test
    @DisplayName("A τ that leaves no window followed by a label is refused, naming τ and T")
    void tooLargeTauIsRefused() {
        assertThatThrownBy(() -> MarkovFeatures.of(new double[] {1, 2, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("τ = 3")
                .hasMessageContaining("length 3");
    }
}
