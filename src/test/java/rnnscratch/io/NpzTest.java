package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

@DisplayName(".npz archives: named arrays and text entries in a zip, as numpy.savez writes them")
class NpzTest {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    private Path fresh() {
        return dir.resolve("c" + files.incrementAndGet() + ".npz");
    }

    /** A small checkpoint in the project's layout. */
    private static Map<String, NpyArray> checkpoint() {
        var arrays = new LinkedHashMap<String, NpyArray>();
        arrays.put("W_xh", DoubleArray.fromMatrix(new double[][] {{0.1, -0.2}, {0.3, 0.4}, {-0.0, Double.NaN}}));
        arrays.put("W_hh", DoubleArray.fromMatrix(new double[][] {{1, 2}, {3, 4}}));
        arrays.put("b_h", DoubleArray.vector(new double[] {0, 0}));
        arrays.put("W_hq", DoubleArray.fromMatrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        arrays.put("b_q", DoubleArray.vector(new double[] {0, 0, 0}));
        arrays.put("corpus", LongArray.vector(new int[] {1, 2, 1, 0}));
        arrays.put("lr", DoubleArray.scalar(0.5));
        return arrays;
    }

    /** Valid Unicode text: 1- to 3-byte UTF-8 characters, or 4-byte ones (emoji); no lone surrogates. */
    private static org.quicktheories.core.Gen<String> texts() {
        return strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 40)
                .mix(strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(0, 10));
    }

    private static final Map<String, String> VOCAB = Map.of("vocab.txt", "<unk>\n \ne\n");

    @Test
    @DisplayName("Saving then loading gives back every array bit for bit and every text, in the order saved")
    void saveThenLoadKeepsEverything() {
        Props.qt().forAll(lists().of(NpyGens.arrays()).ofSizeBetween(0, 6),
                texts(), booleans().all())
                .checkAssert((list, text, compressed) -> {
                    var arrays = new LinkedHashMap<String, NpyArray>();
                    for (int k = 0; k < list.size(); k++) {
                        arrays.put("a" + (list.size() - k), list.get(k));
                    }
                    var texts = new LinkedHashMap<String, String>();
                    texts.put("vocab.txt", text);
                    Path file = fresh();
                    if (compressed) {
                        Npz.savezCompressed(file, arrays, texts);
                    } else {
                        Npz.savez(file, arrays, texts);
                    }
                    Npz back = Npz.load(file);
                    assertThat(back.arrays().keySet()).as("the names, in the order saved")
                            .containsExactlyElementsOf(arrays.keySet());
                    arrays.forEach((name, array) -> assertThat(NpyGens.sameBits(array, back.array(name)))
                            .as("array %s: %s came back as %s", name, array, back.array(name)).isTrue());
                    assertThat(back.otherEntries()).containsExactly("vocab.txt");
                    assertThat(back.text("vocab.txt")).as("the text entry, as UTF-8").isEqualTo(text);
                });
    }

    @Test
    @DisplayName("A checkpoint reads back as matrices, biases as 1 x n rows, ints and scalars")
    void checkpointAccessors() {
        Path file = fresh();
        Npz.savez(file, checkpoint(), VOCAB);
        Npz npz = Npz.load(file);
        assertThat(npz.matrix("W_hq")).as("W_hq, (2, 3), as a matrix").isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(npz.matrix("b_h")).as("a bias stored as (2,) is used as double[1][2]")
                .isDeepEqualTo(new double[][] {{0, 0}});
        assertThat(npz.ints("corpus")).as("the int64 corpus as ints").containsExactly(1, 2, 1, 0);
        assertThat(npz.doubleScalar("lr")).as("the scalar lr").isEqualTo(0.5);
        assertThat(npz.doubles("corpus").data()).as("the int64 corpus as doubles").containsExactly(1, 2, 1, 0);
        assertThat(npz.text("vocab.txt").split("\n", -1)).as("the lines of vocab.txt")
                .containsExactly("<unk>", " ", "e", "");
        assertThat(npz.contains("W_xh")).as("the archive contains the array W_xh").isTrue();
        assertThat(npz.contains("vocab.txt")).as("the archive contains the text vocab.txt").isTrue();
        assertThat(npz.contains("W_xh.npy")).as("arrays are named without .npy").isFalse();
    }

    @Test
    @DisplayName("A missing or mistyped entry gives a UserException naming the file, the entry and the remedy")
    void missingOrMistypedEntriesAreExplained() {
        Path file = fresh();
        Npz.savez(file, checkpoint(), VOCAB);
        Npz npz = Npz.load(file, "checkpoint", "re-save it or pass another --init file");
        assertThatThrownBy(() -> npz.array("W_xx")).as("the missing array W_xx").isInstanceOf(UserException.class)
                .hasMessageStartingWith("checkpoint " + file)
                .hasMessageContaining("'W_xx'").hasMessageContaining("W_xh.npy")
                .hasMessageEndingWith("re-save it or pass another --init file");
        assertThatThrownBy(() -> npz.text("note.txt")).as("the missing text note.txt").isInstanceOf(UserException.class)
                .hasMessageContaining("'note.txt'").hasMessageContaining("vocab.txt");
        assertThatThrownBy(() -> npz.ints("lr")).as("the float64 lr read as ints").isInstanceOf(UserException.class)
                .hasMessageContaining("'lr'").hasMessageContaining("floating-point");
        assertThatThrownBy(() -> npz.doubleScalar("W_hh")).as("the (2, 2) W_hh read as a scalar").isInstanceOf(UserException.class)
                .hasMessageContaining("(2, 2)");
        assertThatThrownBy(() -> npz.matrix("lr")).as("the scalar lr read as a matrix")
                .isInstanceOf(UserException.class).hasMessageContaining("()");
    }

    @Test
    @DisplayName("Saving the same content twice gives the same bytes (entry times are fixed)")
    void savingIsDeterministic() throws IOException {
        Path first = fresh();
        Path second = fresh();
        Npz.savezCompressed(first, checkpoint(), VOCAB);
        Npz.savezCompressed(second, checkpoint(), VOCAB);
        assertThat(Files.readAllBytes(second)).as("the bytes of the second archive against the first")
                .isEqualTo(Files.readAllBytes(first));
    }

    @Test
    @DisplayName("Saving replaces an existing file and leaves no temporary file behind")
    void savingReplacesAtomically() throws IOException {
        Path file = fresh();
        Files.writeString(file, "old content");
        Npz.savez(file, checkpoint(), VOCAB);
        assertThat(Npz.load(file).arrays()).as("the arrays of the file that replaced 'old content'")
                .containsKeys("W_xh", "b_q");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary file is left").noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName("Entry names that would collide or be empty are a programming error")
    void badEntryNamesAreRefused() {
        assertThatThrownBy(() -> Npz.savez(fresh(), Map.of("", DoubleArray.scalar(1)), Map.of()))
                .as("an array named ''").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Npz.savez(fresh(), Map.of(), Map.of("x.npy", "text")))
                .as("a text entry named x.npy, an array's file name").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Every truncation of a valid archive is refused with a UserException naming the file")
    void everyTruncationIsRefused() throws IOException {
        for (boolean compressed : new boolean[] {false, true}) {
            Path original = fresh();
            var arrays = Map.<String, NpyArray>of("b", DoubleArray.vector(new double[] {1, 2, 3}));
            if (compressed) {
                Npz.savezCompressed(original, arrays, VOCAB);
            } else {
                Npz.savez(original, arrays, VOCAB);
            }
            byte[] bytes = Files.readAllBytes(original);
            for (int length = 0; length < bytes.length; length++) {
                Path file = fresh();
                Files.write(file, Arrays.copyOf(bytes, length));
                assertThatThrownBy(() -> Npz.load(file))
                        .as("the archive cut to %d of %d bytes", length, bytes.length)
                        .isInstanceOf(UserException.class).hasMessageContaining(file.toString());
            }
        }
    }

    @Test
    @DisplayName("An archive with random bytes changed is refused with a UserException or still reads; nothing else")
    void damagedArchivesFailOnlyWithUserExceptions() {
        Props.qt().forAll(lists().of(NpyGens.arrays()).ofSizeBetween(1, 3), booleans().all(), longs().all(),
                integers().between(1, 6)).checkAssert((list, compressed, seed, n) -> {
                    var arrays = new LinkedHashMap<String, NpyArray>();
                    list.forEach(array -> arrays.put("x" + arrays.size(), array));
                    Path original = fresh();
                    if (compressed) {
                        Npz.savezCompressed(original, arrays, VOCAB);
                    } else {
                        Npz.savez(original, arrays, VOCAB);
                    }
                    byte[] bytes = readAllBytes(original);
                    var random = new Random(seed);
                    for (int k = 0; k < n; k++) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                    if (random.nextInt(4) == 0) {
                        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    }
                    assertLoadsOrFailsCleanly(bytes);
                });
    }

    @Test
    @DisplayName("A file that is not a zip, a missing file and a directory each give a UserException")
    void nonArchivesAreRefused() throws IOException {
        Path text = fresh();
        Files.writeString(text, "time traveller");
        assertThatThrownBy(() -> Npz.load(text)).as("a text is named as such, not as a damaged archive")
                .isInstanceOf(UserException.class).hasMessageContaining("is a text file, not a NumPy .npz archive");
        assertThatThrownBy(() -> Npz.load(dir.resolve("none.npz"))).as("a missing file").isInstanceOf(UserException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Npz.load(dir)).as("a directory").isInstanceOf(UserException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    @DisplayName("A text entry that is not valid UTF-8 gives a UserException naming the entry")
    void invalidUtf8IsRefused() throws IOException {
        Path file = fresh();
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("vocab.txt"));
            zip.write(new byte[] {'a', (byte) 0xff, '\n'});
            zip.closeEntry();
        }
        Npz npz = Npz.load(file);
        assertThat(npz.bytes("vocab.txt")).as("the entry's raw bytes are still there")
                .containsExactly('a', 0xff, '\n');
        assertThatThrownBy(() -> npz.text("vocab.txt")).as("the bytes a, 0xff, \\n read as text").isInstanceOf(UserException.class)
                .hasMessageContaining("'vocab.txt'").hasMessageContaining("UTF-8");
    }

    private void assertLoadsOrFailsCleanly(byte[] bytes) {
        Path file = fresh();
        try {
            Files.write(file, bytes);
            Npz npz = Npz.load(file);
            npz.arrays().values().forEach(NpyArray::toDoubles);
        } catch (UserException e) {
            assertThat(e.getMessage()).as("the message names the file on one line")
                    .contains(file.toString()).doesNotContain("\n");
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("a damaged archive must give a UserException, but gave " + e, e);
        }
    }

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("Array entries keep their names when a text entry comes first or names repeat across kinds")
    void namesAreKeptAsGiven() {
        Path file = fresh();
        var arrays = new LinkedHashMap<String, NpyArray>();
        arrays.put("zeta", LongArray.scalar(1));
        arrays.put("alpha", LongArray.scalar(2));
        Npz.savez(file, arrays, Map.of("zeta", "also a text"));
        Npz npz = Npz.load(file);
        assertThat(List.copyOf(npz.arrays().keySet())).as("the array names, in the order saved")
                .containsExactly("zeta", "alpha");
        assertThat(npz.text("zeta")).as("the text entry zeta").isEqualTo("also a text");
        assertThat(npz.longScalar("zeta")).as("the array entry zeta").isEqualTo(1);
    }
}
