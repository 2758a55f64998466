package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.checkpoint.Checkpoint;
import rnnscratch.io.Csv;
import rnnscratch.io.Npz;
import rnnscratch.rnn.RnnParams;
import rnnscratch.testing.Props;
import rnnscratch.text.BundledCorpus;
import rnnscratch.text.Corpus;
import rnnscratch.text.Preprocess;
import rnnscratch.text.TokenKind;
import rnnscratch.text.Vocab;

/** The command line end to end: train, save, generate, and flag soups (each kind of bad input: BadInputTest). */
@DisplayName("The command line: train, save and generate end to end; bad input is one line and exit 2")
class MainTest {
    @TempDir
    Path dir;

    /** A tiny, fast run on the bundled corpus: 8 hidden units, the first 2,000 characters. */
    static List<String> tiny(String... more) {
        var args = new ArrayList<>(List.of("train", "--corpus", "bundled", "--hiddens", "8", "--max-tokens", "2000",
                "--threads", "1"));
        args.addAll(List.of(more));
        return args;
    }

    /** The vocabulary of the bundled corpus, as a run of train builds it. */
    private static Vocab bundledVocab() {
        var lines = BundledCorpus.load("test").lines(Preprocess.D2L);
        return Corpus.loadCorpus(lines, TokenKind.CHAR, 2000).vocab();
    }

    @Test
    @DisplayName("train saves a checkpoint, metrics and a plot, and prints the book's two predictions")
    void trainSavesCheckpointMetricsAndPlot() throws IOException {
        Path ck = dir.resolve("ck.npz");
        Path csv = dir.resolve("m.csv");
        Path svg = dir.resolve("p.svg");
        CliRun train = trainTwoEpochs(ck, "--metrics", csv.toString(), "--plot", svg.toString());
        assertThat(train.out()).contains("epoch 1/2  perplexity ").contains("epoch 2/2  perplexity ")
                .containsPattern("(?m)^perplexity \\d+\\.\\d, \\d+\\.\\d tokens/sec on cpu$")
                .contains("saved checkpoint " + ck).contains("wrote plot " + svg);
        List<String> lines = train.out().strip().lines().toList();
        assertThat(lines.get(lines.size() - 2)).as("the book's first prediction").startsWith("the clockmaker");
        assertThat(lines.get(lines.size() - 1)).as("and the second, from the prefix's last word")
                .startsWith("clockmaker");

        List<List<String>> rows = Csv.read(csv);
        assertThat(String.join(",", rows.get(0))).as("the metrics' header")
                .isEqualTo("epoch,perplexity,tokens_per_sec,offset,elapsed_s");
        assertThat(rows).as("the header and one row per epoch").hasSize(3);
        assertThat(rows.get(2).get(0)).as("the epoch of the last metrics row").isEqualTo("2");
        assertThat(Files.readString(svg)).as("the plot").contains("<svg").contains("Perplexity on bundled corpus");

        Npz npz = Npz.load(ck);
        assertThat(npz.doubles("W_xh").shape()).as("W_xh is (V, H)").containsExactly(28, 8);
        assertThat(npz.doubles("W_hh").shape()).as("W_hh is (H, H)").containsExactly(8, 8);
        assertThat(npz.doubles("b_h").shape()).as("biases are saved rank 1, as the book's").containsExactly(8);
        assertThat(npz.doubles("W_hq").shape()).as("W_hq is (H, V)").containsExactly(8, 28);
        assertThat(npz.doubles("b_q").shape()).as("b_q is (V,)").containsExactly(28);
        assertThat(npz.text("vocab.txt")).as("the checkpoint's vocabulary, one token a line")
                .isEqualTo(String.join("\n", bundledVocab().idxToToken()) + "\n");
        assertThat(npz.text("config.txt")).as("the checkpoint's settings").contains("token=char\n")
                .contains("hiddens=8\n").contains("epochs_done=2\n");
    }

    @Test
    @DisplayName("generate continues the prefix from a checkpoint that train saved")
    void generateContinuesThePrefix() {
        Path ck = dir.resolve("ck.npz");
        trainTwoEpochs(ck);
        CliRun generate = CliRun.of("generate", "--checkpoint", ck.toString(), "--prefix", "the clock",
                "--num-preds", "10");
        assertThat(generate.code()).as("%s", generate).isZero();
        String text = generate.out().replaceAll("\\R$", "");
        assertThat(text).as("the prefix and 10 predicted characters").startsWith("the clock")
                .hasSize("the clock".length() + 10);
    }

    @Test
    @DisplayName("The same flags repeat a run bit for bit")
    void runsRepeat() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        trainOneEpochWithSeedFive(a);
        trainOneEpochWithSeedFive(b);
        assertThat(Files.readAllBytes(a)).as("two runs with the same seed").isEqualTo(Files.readAllBytes(b));
    }

    @Test
    @DisplayName("--init continues a run and counts its epochs")
    void initContinuesARun() {
        Path a = dir.resolve("a.npz");
        trainOneEpochWithSeedFive(a);
        CliRun resumed = CliRun.of("train", "--corpus", "bundled", "--max-tokens", "2000", "--epochs", "1",
                "--init", a.toString(), "--save", a.toString());
        assertThat(resumed.code()).as("%s", resumed).isZero();
        assertThat(resumed.out()).as("the resumed run's output").contains("H=8")
                .contains("continuing from " + a + " (1 epochs done)");
        assertThat(Npz.load(a).text("config.txt")).as("the checkpoint's settings after one more epoch")
                .contains("epochs_done=2\n");
    }

    /** Trains the tiny model for two epochs into {@code checkpoint}; the run must succeed. */
    private static CliRun trainTwoEpochs(Path checkpoint, String... more) {
        var args = tiny("--epochs", "2", "--save", checkpoint.toString());
        args.addAll(List.of(more));
        CliRun train = CliRun.of(args);
        assertThat(train.code()).as("%s", train).isZero();
        return train;
    }

    /** Trains the tiny model for one epoch with seed 5 into {@code checkpoint}; the run must succeed. */
    private static void trainOneEpochWithSeedFive(Path checkpoint) {
        CliRun run = CliRun.of(tiny("--epochs", "1", "--seed", "5", "--save", checkpoint.toString()));
        assertThat(run.code()).as("train --epochs 1 --seed 5\n%s", run).isZero();
    }

    @Test
    @DisplayName("--init accepts a checkpoint without config.txt, as the book's reference script saves it")
    void initAcceptsTheReferenceScriptsLayout() {
        Vocab vocab = bundledVocab();
        var params = RnnParams.getParams(vocab.size(), 6, new Random(1));
        Path ck = dir.resolve("d2l.npz");
        Npz.savez(ck, Checkpoint.arrays(params), Map.of("vocab.txt", String.join("\n", vocab.idxToToken()) + "\n"));

        CliRun run = CliRun.of("train", "--corpus", "bundled", "--max-tokens", "2000", "--epochs", "1", "--init",
                ck.toString());
        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out()).as("the run's settings: H = 6, from the checkpoint's W_hh").contains("H=6");
    }

    @Test
    @DisplayName("A perplexity that overflows stops the run with exit 3, naming the epoch and suggesting clipping")
    void divergenceStopsWithExitThree() throws IOException {
        Path save = dir.resolve("never.npz");
        CliRun run = CliRun.of(tiny("--epochs", "5", "--theta", "none", "--lr", "1000", "--save", save.toString()));
        assertThat(run.code()).as("%s", run).isEqualTo(TrainCommand.EXIT_DIVERGED);
        assertThat(run.err().strip()).startsWith("rnn-scratch: ").contains("in epoch ").contains("--theta 1")
                .contains("--lr").doesNotContain("\n");
        assertThat(save).as("a diverged model is not saved").doesNotExist();
    }

    /** One bad command line, and why it is bad. */
    @Test
    @DisplayName("Random flag soups through the entry point never print a stack trace and exit with 0 or 2")
    void soupsNeverPrintStackTraces() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), "the time machine by h g wells\n".repeat(20));
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        var flagWords = new ArrayList<>(FlagParsingTest.FLAG_WORDS);
        flagWords.addAll(List.of("--help", "--save", "--metrics", "--plot", "--init", "--checkpoint"));
        var values = new ArrayList<>(FlagParsingTest.VALUES);
        values.addAll(List.of(out.resolve("x.npz").toString(), out.resolve("m.csv").toString(),
                out.resolve("p.svg").toString(), out.resolve("p.png").toString(), out.toString()));
        Props.qt(60).forAll(FlagParsingTest.soups(flagWords, values),
                arbitrary().pick(List.of("train", "train", "generate", "help", "x"))).checkAssert((soup, command) -> {
                    var args = new ArrayList<>(List.of(command));
                    if (command.equals("train")) {
                        args.addAll(List.of("--corpus", corpus.toString(), "--epochs", "1", "--hiddens", "4",
                                "--max-tokens", "300", "--threads", "1"));
                    }
                    args.addAll(soup);
                    CliRun run = CliRun.of(args);
                    assertThat(run.code()).as("%s\n%s", args, run).isIn(0, 2);
                    assertThat(run.showsStackTrace()).as("%s\n%s", args, run).isFalse();
                    if (run.code() == 2) {
                        assertThat(run.err().strip().lines().count()).as("%s\n%s", args, run).isEqualTo(1);
                    }
                });
    }

    @Test
    @DisplayName("--help on the jar lists every command and the flags of train and generate with their defaults")
    void helpListsCommandsAndFlags() {
        CliRun run = CliRun.of("--help");
        assertThat(run.code()).as("--help\n%s", run).isZero();
        assertThat(run.out()).as("--help's overview").contains("train", "generate", "demo", "seq-model")
                .contains("--hiddens N", "(default: 512)", "--checkpoint FILE.npz", "--num-preds N",
                        "demo takes the flags of train with these defaults instead: --corpus default");
        for (String command : List.of("train", "generate", "demo", "seq-model", "bench")) {
            CliRun one = CliRun.of(command, "--help");
            assertThat(one.code()).as("%s --help", command).isZero();
            assertThat(one.out()).as("%s --help", command).contains("usage:").contains("--help");
        }
    }

    @Test
    @DisplayName("help asked about itself (help help, help --help, help -h) prints the overview, not a stack trace")
    void helpAboutHelpIsTheOverview() {
        String overview = CliRun.of("help").out();
        for (String topic : List.of("help", "--help", "-h")) {
            CliRun run = CliRun.of("help", topic);
            assertThat(run.code()).as("help %s\n%s", topic, run).isZero();
            assertThat(run.showsStackTrace()).as("help %s\n%s", topic, run).isFalse();
            assertThat(run.out()).as("help %s: the overview, as plain help prints it", topic).isEqualTo(overview);
        }
    }

    @Test
    @DisplayName("No output flag replaces an existing file of another kind: the run is refused and the file is left "
            + "byte for byte")
    void anOutputNeverReplacesAnotherKindOfFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var checkpoint = dir.resolve("ok.npz");
        rnnscratch.io.Npz.savez(checkpoint, java.util.Map.of("x", rnnscratch.io.DoubleArray.vector(new double[] {1})),
                java.util.Map.of());
        byte[] before = java.nio.file.Files.readAllBytes(checkpoint);
        CliRun wrongEnding = CliRun.of("train", "--corpus", "bundled", "--hiddens", "8", "--epochs", "1",
                "--metrics", checkpoint.toString());
        assertThat(wrongEnding.code()).as("a checkpoint named as --metrics\n%s", wrongEnding).isEqualTo(2);
        assertThat(wrongEnding.err()).as("stderr")
                .contains("--metrics " + checkpoint + ": the file name must end in .csv");
        var disguised = java.nio.file.Files.copy(checkpoint, dir.resolve("metrics.csv"));
        CliRun wrongKind = CliRun.of("train", "--corpus", "bundled", "--hiddens", "8", "--epochs", "1",
                "--metrics", disguised.toString());
        assertThat(wrongKind.code()).as("a .npz renamed .csv as --metrics\n%s", wrongKind).isEqualTo(2);
        assertThat(wrongKind.err()).as("stderr").contains("--metrics " + disguised + " already exists and is a NumPy .npz "
                + "archive, not a CSV table");
        var svg = java.nio.file.Files.writeString(dir.resolve("plot.svg"), "just some notes\n");
        assertThat(CliRun.of("train", "--corpus", "bundled", "--hiddens", "8", "--epochs", "1", "--plot",
                svg.toString()).err()).as("stderr for a text file named as --plot").contains("already exists and is a text file, not an SVG image");
        assertThat(java.nio.file.Files.readAllBytes(checkpoint)).as("the checkpoint, untouched").isEqualTo(before);
        assertThat(java.nio.file.Files.readAllBytes(disguised)).as("the .npz named .csv, untouched")
                .isEqualTo(before);
        assertThat(java.nio.file.Files.readString(svg)).as("the text file named .svg, untouched")
                .isEqualTo("just some notes\n");
    }
}
