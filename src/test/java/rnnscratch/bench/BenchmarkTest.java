package rnnscratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.bench.ReferenceRunner.Setting;
import rnnscratch.tensor.kernel.ProductTimes;

/** What the benchmark compares and counts, stated as sentences (its speed figures are printed, never asserted). */
class BenchmarkTest {
    @Test
    @DisplayName("PyTorch is tried with 1 and 2 torch threads, each with OpenBLAS pinned to one thread and unpinned")
    void twoCoresTryFourSettings() {
        assertThat(ReferenceRunner.settings(2)).as("the candidate settings on a 2-core machine").containsExactly(
                new Setting(1, true), new Setting(1, false), new Setting(2, true), new Setting(2, false));
    }

    @Test
    @DisplayName("On a machine with more cores PyTorch is also tried on all of them, pinned and unpinned")
    void manyCoresAlsoTryAllCores() {
        assertThat(ReferenceRunner.settings(16)).as("the candidate settings on a 16-core machine")
                .contains(new Setting(16, true), new Setting(16, false)).hasSize(6);
    }

    @Test
    @DisplayName("A minibatch of the book's setting costs T·b·(6H² + 6HV) = 1.86 GFLOP in products")
    void stepFlopsAtTheBooksSetting() {
        assertThat(Benchmark.stepFlops(28)).as("35 steps × 32 sequences × (6·512² + 6·512·28)")
                .isEqualTo(35L * 32 * (6L * 512 * 512 + 6L * 512 * 28));
        assertThat(Benchmark.stepFlops(28) / 1e9).as("GFLOP of a minibatch at V = 28").isBetween(1.85, 1.87);
    }

    @Test
    @DisplayName("The breakdown of a training step names each product of the book's RNN by what it computes")
    void theBreakdownNamesTheBooksProducts() {
        int v = 28;
        assertThat(Benchmark.role(new ProductTimes.Shape(32, 512, 512, false), v))
                .isEqualTo("H_{t-1}·W_hh forward, Ā_t·W_hhᵀ backward");
        assertThat(Benchmark.role(new ProductTimes.Shape(512, 1120, 512, true), v))
                .isEqualTo("W̄_hh = Σ_t H_{t-1}ᵀ·Ā_t, the steps stacked");
        assertThat(Benchmark.role(new ProductTimes.Shape(28, 1120, 512, true), v)).startsWith("W̄_xh");
        assertThat(Benchmark.role(new ProductTimes.Shape(512, 1120, 28, true), v)).startsWith("W̄_hq");
        assertThat(Benchmark.role(new ProductTimes.Shape(32, 512, 28, false), v)).isEqualTo("H_t·W_hq, the output layer");
        assertThat(Benchmark.role(new ProductTimes.Shape(32, 28, 512, false), v))
                .isEqualTo("X_t·W_xh (one-hot) forward, Ō_t·W_hqᵀ backward");
        assertThat(Benchmark.role(new ProductTimes.Shape(1, 512, 28, false), v)).as("predictCh8's one-row step, "
                + "not part of a minibatch").isEmpty();
    }

    @Test
    @DisplayName("Peak memory is judged only over a whole 500-epoch run: the short rounds' peak is shown, never called "
            + "met, since a run's peak grows as it goes")
    void peakMemoryIsJudgedOverTheWholeRun() {
        assertThat(Benchmark.peakRss(OptionalDouble.empty(), 180, 20)).as("only the rounds' 20-epoch runs")
                .contains("180 MB in its 20-epoch runs").endsWith("not judged (the peak grows over a run; the whole run is "
                        + "judged when asked for)").doesNotContain(": met");
        assertThat(Benchmark.peakRss(OptionalDouble.of(188), 180, 20)).as("a 500-epoch run at 188 MB")
                .isEqualTo("the book command's peak RSS over 500 epochs: 188 MB (<= 200 MB of 10^6 bytes): met");
        assertThat(Benchmark.peakRss(OptionalDouble.of(212.3), 180, 20)).as("a 500-epoch run at 212 MB")
                .endsWith("212 MB (<= 200 MB of 10^6 bytes): not met");
    }

    @Test
    @DisplayName("A setting names torch's threads and whether OpenBLAS is pinned")
    void settingsDescribeThemselves() {
        assertThat(new Setting(1, false).describe()).isEqualTo("torch 1 thread, OpenBLAS unpinned");
        assertThat(new Setting(2, true).describe()).isEqualTo("torch 2 threads, OpenBLAS 1 thread");
        assertThat(new Setting(1, false, "SkylakeX").describe())
                .isEqualTo("torch 1 thread, OpenBLAS unpinned, core SkylakeX");
    }

    @Test
    @DisplayName("PyTorch is also tried with OpenBLAS's kernels named for the machine's vector unit, since OpenBLAS may "
            + "not know a newer CPU and fall back to slow ones")
    void namedCoresAreCandidates() {
        assertThat(ReferenceRunner.settings(2, "AVX-512")).as("the candidates on a 2-core AVX-512 machine").hasSize(12).contains(new Setting(1, false, "SkylakeX"),
                new Setting(2, true, "Haswell"), new Setting(1, false));
        assertThat(ReferenceRunner.settings(2, "AVX2")).as("the candidates on a 2-core AVX2 machine").hasSize(8).contains(new Setting(1, false, "Haswell"))
                .noneMatch(s -> s.openblasCore().equals("SkylakeX"));
        assertThat(ReferenceRunner.settings(2, "unknown")).as("an unknown vector unit names no core").isEqualTo(ReferenceRunner.settings(2));
    }

    @Test
    @DisplayName("The search keeps PyTorch's two fastest settings, fastest first, for the rounds to measure again; a "
            + "setting that failed is never kept")
    void theTwoFastestSettingsAreKept() {
        var a = new Setting(1, false, "SkylakeX");
        var b = new Setting(2, true, "SkylakeX");
        var c = new Setting(1, true, "");
        var d = new Setting(2, false, "");
        var tokensPerSec = java.util.Map.of(a, 14_538.0, b, 17_949.0, c, Double.NaN, d, 2_836.0);
        assertThat(Benchmark.fastest(java.util.List.of(a, b, c, d), tokensPerSec))
                .as("kept of a 14,538, b 17,949, c failed, d 2,836").containsExactly(b, a);
        assertThat(Benchmark.fastest(java.util.List.of(c, d), tokensPerSec)).as("kept when only one ran")
                .containsExactly(d);
    }

    @Test
    @DisplayName("A peak on many threads measured while other programs held cores is not the one shares are taken of: "
            + "then threads x one thread's peak is, so that no share looks higher than it is")
    void aBusyPeakIsNotUsedForShares() {
        assertThat(Benchmark.peakForShares(2, 86.3, 87.6)).as("2 threads at 1.0x one thread's peak: busy")
                .isEqualTo(2 * 86.3);
        assertThat(Benchmark.peakForShares(2, 86.3, 169.7)).as("a normal measurement stays as it was")
                .isEqualTo(169.7);
        assertThat(Benchmark.peakForShares(1, 86.3, 86.3)).as("one thread: its own peak").isEqualTo(86.3);
        for (double measured = 10; measured < 400; measured += 7.3) {
            assertThat(Benchmark.peakForShares(4, 50, measured)).as("measured %s", measured)
                    .isGreaterThanOrEqualTo(Math.max(measured, 0.9 * 4 * 50));
        }
    }

    @Test
    @DisplayName("A run whose fastest stretch is over 1.2x its slowest is said to have run on a machine whose speed "
            + "changed, one under it is not")
    void aChangingMachineIsNamed() {
        assertThat(Benchmark.stretches(List.of(23_302.0, 32_508.0, 28_000.0)))
                .as("the line for a run between 23,302 and 32,508 tokens/s")
                .contains("23,302 to 32,508 tokens/s", "1.40x", "speed changed", "cannot be held to 10%");
        assertThat(Benchmark.stretches(List.of(30_000.0, 32_000.0)))
                .as("the line for a run between 30,000 and 32,000 tokens/s")
                .contains("30,000 to 32,000 tokens/s", "1.07x").doesNotContain("speed changed");
        assertThat(Benchmark.stretches(List.of()))
                .as("the line for a run too short for two stretches").contains("too short");
    }
}
