package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.UserException;
import rnnscratch.plot.PngUnavailableException;
import rnnscratch.text.CorpusTooShortException;
import rnnscratch.text.NoLettersException;
import rnnscratch.train.LossNotFiniteException;

/** The library states the problem; the command line adds the flag to change. Docs: docs/command-line.md */
@DisplayName("The command line turns a library's problem into one line that names the flag to change")
class AdviceTest {
    @Test
    @DisplayName("Each problem the library reports in its own terms gets the flag that fixes it")
    void eachProblemGetsItsFlag() {
        var tooShort = new CorpusTooShortException(50, 32, 35, 1121);
        assertThat(tooShort.getMessage()).as("the library's own message for a short corpus names no flag")
                .doesNotContain("--");
        assertThat(Advice.of(tooShort)).isEqualTo("corpus of 50 tokens is too short for one minibatch of batch size "
                + "32 x 35 steps (it needs at least 1121 tokens): use a longer text or smaller --batch-size/--num-steps");

        var noLetters = new NoLettersException("digits.txt");
        assertThat(noLetters.getMessage()).as("the library's own message for a corpus without letters names no flag")
                .doesNotContain("--");
        assertThat(Advice.of(noLetters)).startsWith("corpus digits.txt has no letters A-Z")
                .endsWith(": use --preprocess keep for text in other scripts, or another file");

        var png = new PngUnavailableException("this Java runtime cannot write PNG files", null);
        assertThat(png.getMessage()).as("the library's own message for a missing PNG writer names no flag")
                .doesNotContain("--");
        assertThat(Advice.of(png)).isEqualTo("this Java runtime cannot write PNG files: use --plot FILE.svg");

        var diverged = new LossNotFiniteException(3, 7, Double.NaN);
        assertThat(diverged.getMessage()).as("the library's own message for a NaN loss names no flag")
                .doesNotContain("--");
        assertThat(Advice.of(diverged)).isEqualTo("the loss became NaN in epoch 3, at minibatch 7: switch gradient "
                + "clipping on (--theta 1) or use a smaller learning rate (--lr)");
    }

    @Test
    @DisplayName("A problem that already says what to do stays as it is")
    void otherProblemsStayAsTheyAre() {
        assertThat(Advice.of(new UserException("corpus file x.txt does not exist: check the path")))
                .as("Advice adds nothing to a UserException")
                .isEqualTo("corpus file x.txt does not exist: check the path");
    }

    @Test
    @DisplayName("A run that diverged is told what to change given its θ: switch clipping on, clip harder, or lower "
            + "the learning rate")
    void divergedRunsAreToldWhatToChange() {
        var nan = new LossNotFiniteException(3, 7, Double.NaN);
        assertThat(TrainCommand.diverged(nan, Double.POSITIVE_INFINITY)).as("no clipping (--theta none)")
                .isEqualTo("the loss became NaN in epoch 3, at minibatch 7: switch gradient clipping on (--theta 1) "
                        + "or use a smaller learning rate (--lr)");
        assertThat(TrainCommand.diverged(nan, 1e308)).as("clipping far above the book's θ = 1")
                .isEqualTo("the loss became NaN in epoch 3, at minibatch 7: clip harder (--theta 1, the book's; this "
                        + "run's is 1.0E308) or use a smaller learning rate (--lr)");
        for (double theta : new double[] {1, 0.5}) {
            assertThat(TrainCommand.diverged(nan, theta)).as("clipping at θ = %s, already the book's or harder", theta)
                    .isEqualTo("the loss became NaN in epoch 3, at minibatch 7: use a smaller learning rate (--lr)")
                    .doesNotContain("clipping on");
        }
    }
}
