package rnnscratch.exercises.yourrnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnscratch.cli.Parts;
import rnnscratch.cli.TrainCommand;
import rnnscratch.io.Npz;
import rnnscratch.rnn.RnnParams;

/**
 * The "your RNN" run with every part taken from the exercise classes — in the default build those are
 * {@code solutions/} — is bit for bit the library's run with the same flags: the same perplexity every epoch, the
 * same samples and predictions, the same trained parameters. Docs: docs/exercises.md#your-rnn
 */
@Tag("exercise")
class YourRnnMatchesTheLibraryTest {
    @TempDir
    Path dir;

    /** One run through the command line's train, with the given functions; returns its output without timings. */
    private List<String> train(String name, Parts parts, String flags) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var args = new ArrayList<>(List.of(flags.split(" ")));
        args.addAll(List.of("--save", dir.resolve(name + ".npz").toString(), "--metrics",
                dir.resolve(name + ".csv").toString()));
        int code = TrainCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, parts);
        assertThat(code).as("exit code of the %s run; stderr: %s", name, err.toString(StandardCharsets.UTF_8))
                .isZero();
        return out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> l.replaceAll("[0-9,.]+ tokens/s(ec)?.*", "").replaceAll("elapsed .*", ""))
                .filter(l -> !l.startsWith("saved checkpoint") && !l.startsWith("wrote metrics"))
                .toList();
    }

    private List<String> perplexities(String name) throws Exception {
        return Files.readAllLines(dir.resolve(name + ".csv")).stream().skip(1)
                .map(l -> l.split(",")[0] + "," + l.split(",")[1] + "," + l.split(",")[3]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--corpus bundled --hiddens 24 --epochs 12 --seed 3",
        "--corpus bundled --hiddens 16 --epochs 6 --iter random --seed 5 --theta 0.05",
        "--corpus bundled --hiddens 16 --epochs 4 --theta none --lr 0.5 --batch-size 7 --num-steps 9"})
    @DisplayName("With every part from the exercise classes (solutions/ here) but the hand-written backward pass, the "
            + "your-RNN run is bit for bit the library's: perplexity every epoch, samples, predictions and the saved "
            + "parameters")
    void yourRnnWithSolutionsIsTheLibraryRun(String flags) throws Exception {
        var everyPart = new HashSet<>(StudentFunctions.PARTS);
        everyPart.remove("ex19");
        sameRun(everyPart, flags, flags);
    }

    @Test
    @DisplayName("With ex19's backward pass too, the your-RNN run is bit for bit the library's train --backward manual")
    void withTheHandWrittenBackwardPassItIsTheManualRun() throws Exception {
        String flags = "--corpus bundled --hiddens 16 --epochs 5 --seed 7";
        sameRun(new HashSet<>(StudentFunctions.PARTS), flags, flags + " --backward manual");
    }

    private void sameRun(java.util.Set<String> parts, String yourFlags, String libraryFlags) throws Exception {
        List<String> yours = train("yours", StudentFunctions.build(parts), yourFlags);
        List<String> library = train("library", Parts.library(), libraryFlags);
        assertThat(perplexities("yours")).as("epoch, perplexity (to the last bit) and offset of every epoch")
                .containsExactlyElementsOf(perplexities("library"));
        assertThat(yours).as("the run's output: samples every 10 epochs, the summary, the predictions")
                .containsExactlyElementsOf(library);
        var yourParams = Npz.load(dir.resolve("yours.npz"));
        var libraryParams = Npz.load(dir.resolve("library.npz"));
        for (String name : RnnParams.NAMES) {
            assertThat(Arrays.equals(yourParams.doubles(name).data(), libraryParams.doubles(name).data()))
                    .as("the trained %s in the saved checkpoint, to the last bit", name).isTrue();
        }
    }
}
