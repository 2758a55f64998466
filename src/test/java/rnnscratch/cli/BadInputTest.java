package rnnscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rnnscratch.io.DoubleArray;
import rnnscratch.io.Npz;

/**
 * Every kind of bad input, one row each: what is wrong, the words its one line on stderr must hold, and the command
 * line. Each prints one line on stderr, exits with 2, and overwrites nothing. Docs: docs/command-line.md
 */
@DisplayName("Every kind of bad input prints one line on stderr, exits with 2 and overwrites nothing")
class BadInputTest {
    @TempDir
    static Path dir;
    /** The files the rows name as {@code {name}}. */
    private static final Map<String, Path> FILES = new HashMap<>();
    /** Outputs of an earlier run, one of each kind, which no bad run may change. */
    private static final Map<Path, byte[]> PRECIOUS = new HashMap<>();
    private static byte[] goodCheckpoint;

    /** One row: {@code args} starting with {@code "tiny"} are {@link MainTest#tiny} with the rest appended. */
    private static Arguments row(String what, String message, String... args) {
        return Arguments.of(what, message, List.of(args));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                row("unknown command", "unknown command 'trian'", "trian"),
                row("no command", "no command given"),
                row("unknown flag", "unknown flag --foo for train", "tiny", "--foo", "1"),
                row("missing value", "--lr needs a value", "tiny", "--lr"),
                row("non-numeric", "--lr expects a number, got 'abc'", "tiny", "--lr", "abc"),
                row("non-numeric count", "--epochs expects a whole number", "tiny", "--epochs", "ten"),
                row("hiddens < 1", "--hiddens must be", "train", "--hiddens", "0"),
                row("batch size < 1", "--batch-size must be", "tiny", "--batch-size", "0"),
                row("num_steps < 1", "--num-steps must be", "tiny", "--num-steps", "-3"),
                row("epochs < 1", "--epochs must be", "tiny", "--epochs", "0"),
                row("lr = 0", "--lr must be a number > 0", "tiny", "--lr", "0"),
                row("lr < 0", "--lr must be a number > 0", "tiny", "--lr", "-0.5"),
                row("theta = 0", "--theta must be a number > 0", "tiny", "--theta", "0"),
                row("theta not a number", "--theta expects a number or none", "tiny", "--theta", "off"),
                row("unknown token kind", "--token must be char or word", "tiny", "--token", "byte"),
                row("corpus too short", "too short", "train", "--corpus", "{short}"),
                row("corpus too short: the flags to change", "use a longer text or smaller --batch-size/--num-steps",
                        "train", "--corpus", "{short}"),
                row("no letters for the book's preprocessing", "use --preprocess keep for text in other scripts",
                        "train", "--corpus", "{digits}"),
                row("unknown preprocessing", "--preprocess must be d2l or keep", "tiny", "--preprocess", "lower"),
                row("max tokens 0", "--max-tokens must be a whole number from 1 to 2147483647, or -1 for all", "tiny",
                        "--max-tokens", "0"),
                row("corpus missing", "nope.txt", "train", "--corpus", "{nope.txt}"),
                row("batch too large for the corpus", "too short", "tiny", "--batch-size", "500"),
                row("--max-tokens cuts the corpus too short: the flag that did it", "corpus of 1000 tokens is too short "
                        + "for one minibatch of batch size 32 x 35 steps (it needs at least 1156 tokens): raise "
                        + "--max-tokens (-1: the whole text), or use smaller --batch-size/--num-steps", "train",
                        "--corpus", "bundled", "--max-tokens", "1000"),
                row("--init missing", "does not exist", "tiny", "--init", "{nope.npz}"),
                row("--init truncated", "truncated or corrupt", "tiny", "--init", "{truncated}"),
                row("--init corrupt", "truncated or corrupt", "tiny", "--init", "{corrupt}"),
                row("--init not a zip", "is a text file, not a NumPy .npz archive", "tiny", "--init", "{notZip}"),
                row("--init a folder", "is a directory", "tiny", "--init", "{folder}"),
                row("vocabulary mismatch", "has a vocabulary of 28 tokens but the corpus has 4", "train", "--corpus",
                        "{other}", "--init", "{good}"),
                row("hidden units mismatch", "has 8 hidden units but --hiddens is 16", "train", "--corpus", "bundled",
                        "--max-tokens", "2000", "--hiddens", "16", "--init", "{good}"),
                row("token kind mismatch", "pass --token char", "train", "--corpus", "bundled", "--token", "word",
                        "--init", "{good}"),
                row("--save into a missing folder", "does not exist: create it first", "tiny", "--save",
                        "{no/x.npz}"),
                row("--plot is a folder", "is a folder", "tiny", "--plot", "{folder}"),
                row("--plot with another ending", "must end in .svg or .png", "tiny", "--plot", "{p.txt}"),
                row("--save with an ending and no name", "--save .npz: the file needs a name before .npz, e.g. --save "
                        + "runs/x.npz", "tiny", "--save", ".npz"),
                row("--metrics into a missing folder", "does not exist: create it first", "tiny", "--metrics",
                        "{no/m.csv}"),
                row("--metrics over a text of the user's", "is not a metrics file of this program", "tiny",
                        "--metrics", "{notes}"),
                row("seq-model over a text of the user's", "already exists and is a text file, not an SVG image",
                        "seq-model", "--out", "{seqOut}"),
                row("seq-model where a figure's name is a folder", "is a folder, where seq-model writes a figure",
                        "seq-model", "--out", "{seqFolder}"),
                row("generate without --checkpoint", "generate needs --checkpoint", "generate", "--prefix", "a"),
                row("generate from a truncated file", "truncated or corrupt", "generate", "--checkpoint",
                        "{truncated}"),
                row("generate with an empty prefix", "--prefix needs a value that is not empty", "generate",
                        "--checkpoint", "{good}", "--prefix", ""),
                row("seq-model bad flag", "unknown flag --sed for seq-model", "seq-model", "--sed", "1"),
                row("bench bad flag", "unknown flag --rund for bench", "bench", "--rund", "1"),
                row("bench bad count", "--rounds must be a whole number", "bench", "--rounds", "0"));
    }

    @BeforeAll
    static void filesTheRowsName() throws IOException {
        Path save = dir.resolve("keep.npz");
        Path metrics = dir.resolve("keep.csv");
        Path plot = dir.resolve("keep.svg");
        Npz.savez(save, Map.of("x", DoubleArray.vector(new double[] {7})), Map.of());
        Files.writeString(metrics, MetricsLog.HEADER + "\nprecious\n");
        Files.writeString(plot, "<svg>precious</svg>\n");
        Path notes = Files.writeString(dir.resolve("notes.csv"), "my notes, with a comma\n");
        Path seqOut = Files.createDirectory(dir.resolve("seq"));
        Path figure = Files.writeString(seqOut.resolve(SeqModelCommand.FILES.get(0)), "my notes\n");
        Path seqFolder = Files.createDirectory(dir.resolve("seq2"));
        Files.createDirectory(seqFolder.resolve(SeqModelCommand.FILES.get(1)));
        for (Path p : List.of(save, metrics, plot, notes, figure)) {
            PRECIOUS.put(p, Files.readAllBytes(p));
        }
        FILES.put("notes", notes);
        FILES.put("seqOut", seqOut);
        FILES.put("seqFolder", seqFolder);
        FILES.put("save", save);
        FILES.put("metrics", metrics);
        FILES.put("plot", plot);
        FILES.put("short", Files.writeString(dir.resolve("short.txt"), "a tiny text\n"));
        FILES.put("other", Files.writeString(dir.resolve("other.txt"), "ab ba ab ba\n".repeat(400)));
        FILES.put("digits", Files.writeString(dir.resolve("digits.txt"), "123 456\n!?\n"));
        Path good = dir.resolve("good.npz");
        assertThat(CliRun.of(MainTest.tiny("--epochs", "1", "--save", good.toString())).code()).isZero();
        goodCheckpoint = Files.readAllBytes(good);
        FILES.put("good", good);
        FILES.put("truncated", Files.write(dir.resolve("truncated.npz"),
                Arrays.copyOf(goodCheckpoint, goodCheckpoint.length / 2)));
        byte[] flipped = goodCheckpoint.clone();
        flipped[1000] ^= 0x5a; // inside the values of W_xh, which the zip checksum covers
        FILES.put("corrupt", Files.write(dir.resolve("corrupt.npz"), flipped));
        FILES.put("notZip", Files.writeString(dir.resolve("text.npz"), "not a zip"));
        FILES.put("folder", Files.createDirectory(dir.resolve("folder.svg")));
    }

    /** The row's command line: {@code tiny} expanded, {@code {name}} a file, and train's outputs the precious ones. */
    private static List<String> commandLine(List<String> row) {
        var args = new ArrayList<String>();
        for (String a : row.isEmpty() || !row.get(0).equals("tiny") ? row
                : MainTest.tiny(row.subList(1, row.size()).toArray(String[]::new))) {
            args.add(a.matches("\\{.+}") ? FILES.getOrDefault(a.substring(1, a.length() - 1),
                    dir.resolve(a.substring(1, a.length() - 1))).toString() : a);
        }
        if (!args.isEmpty() && args.get(0).equals("train")) {
            for (String flag : List.of("save", "metrics", "plot")) {
                if (!args.contains("--" + flag)) {
                    args.addAll(List.of("--" + flag, FILES.get(flag).toString()));
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("Bad input is one line on stderr and exit 2, with no stack trace, and no file is written or replaced")
    void oneLineExitTwoNothingOverwritten(String what, String message, List<String> row) throws IOException {
        CliRun run = CliRun.of(commandLine(row));
        assertThat(run.code()).as("exit code for %s:\n%s", what, run).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).as("stderr lines for %s:\n%s", what, run).isEqualTo(1);
        assertThat(run.err()).as("stderr for %s", what).matches("(?s)(rnn-scratch|seq-model): .+\\R")
                .contains(message).doesNotContain("\tat ");
        for (var p : PRECIOUS.entrySet()) {
            assertThat(Files.readAllBytes(p.getKey())).as("%s after %s", p.getKey().getFileName(), what)
                    .isEqualTo(p.getValue());
        }
        assertThat(Files.readAllBytes(FILES.get("good"))).as("the --init file is only read").isEqualTo(goodCheckpoint);
        try (var files = Files.list(FILES.get("seqFolder"))) {
            assertThat(files).as("seq-model wrote no figure before it refused").hasSize(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left behind")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("An output path that is a named pipe is refused before training, and stays a pipe")
    void namedPipeIsRefused() throws Exception {
        Path fifo = dir.resolve("pipe.npz");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is not available here (not a Unix system)");
        CliRun run = CliRun.of(MainTest.tiny("--save", fifo.toString()));
        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).as("stderr for --save on a named pipe").contains("is not a regular file")
                .doesNotContain("\tat ");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        Files.delete(fifo);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("An output path that is a symbolic link is refused before training, and stays a link")
    void symbolicLinkIsRefused() throws Exception {
        Path link = dir.resolve("link.npz");
        try {
            Files.createSymbolicLink(link, FILES.get("save"));
        } catch (IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("this system does not let the test make a symbolic link: " + e);
        }
        CliRun run = CliRun.of(MainTest.tiny("--save", link.toString()));
        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("is a symbolic link").doesNotContain("\tat ");
        assertThat(link).isSymbolicLink();
        Files.delete(link);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("A folder no file can be made in is refused with the system's reason, not the name of a Java class")
    void unwritableFolderGivesTheReason() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "no /proc here (not Linux)");
        CliRun train = CliRun.of(MainTest.tiny("--save", "/proc/self/x.npz"));
        assertThat(train.code()).as("%s", train).isEqualTo(2);
        assertThat(train.err().strip()).isEqualTo("rnn-scratch: --save /proc/self/x.npz: cannot write in the folder "
                + "/proc/self (no such folder, or not one a file can be made in): choose another path");
        CliRun seqModel = CliRun.of("seq-model", "--out", "/proc/self/figures");
        assertThat(seqModel.code()).as("%s", seqModel).isEqualTo(2);
        assertThat(seqModel.err().strip()).isEqualTo("rnn-scratch: --out /proc/self/figures: cannot create the folder "
                + "(no such folder, or not one a file can be made in): choose a folder you can write in with --out DIR");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("A corpus that is a device, not a file, is refused as such at once (not read until memory runs out)")
    void deviceCorpusIsRefused() {
        Path device = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device), "no /dev/zero here (not a Unix system)");
        CliRun run = CliRun.of("train", "--corpus", device.toString(), "--epochs", "1");
        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("rnn-scratch: corpus /dev/zero is not a regular file (a device, a "
                + "pipe or a socket): give the path of a UTF-8 .txt file");
    }
}
