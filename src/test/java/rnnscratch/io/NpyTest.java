package rnnscratch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.UserException;
import rnnscratch.testing.Props;

@DisplayName(".npy files: one array, as numpy.save writes it")
class NpyTest {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    private Path fresh() {
        return dir.resolve("a" + files.incrementAndGet() + ".npy");
    }

    @Test
    @DisplayName("Saving then loading gives back every bit: shape, type, NaN payloads, infinities and -0.0")
    void saveThenLoadKeepsEveryBit() {
        Props.qt().forAll(NpyGens.arrays()).checkAssert(array -> {
            Path file = fresh();
            Npy.save(file, array);
            NpyArray back = Npy.load(file);
            assertThat(NpyGens.sameBits(array, back)).as("%s must come back bit for bit, but came back as %s",
                    array, back).isTrue();
        });
    }

    @Test
    @DisplayName("The data starts at a multiple of 64 bytes, after a header ending in a newline")
    void theDataIsAligned() {
        Props.qt().forAll(NpyGens.arrays()).checkAssert(array -> {
            byte[] bytes = Npy.toBytes(array);
            int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            int dataStart = 10 + headerLength;
            assertThat(dataStart % 64).as("numpy aligns the data to 64 bytes").isZero();
            assertThat(bytes[dataStart - 1]).as("the header ends with a newline").isEqualTo((byte) '\n');
            assertThat(bytes.length - dataStart).as("8 bytes per value").isEqualTo(8 * array.size());
            assertThat(new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1)).as("the header's dict")
                    .startsWith("{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': ");
        });
    }

    @Test
    @DisplayName("float32, int32 and big-endian arrays are read and widened to float64 and int64")
    void narrowAndBigEndianTypesAreRead() throws IOException {
        assertThat(load(npy("<f4", "(2,)", ByteOrder.LITTLE_ENDIAN, b -> b.putFloat(1.5f).putFloat(-0.25f))))
                .as("<f4 (float32), widened to float64").isEqualTo(DoubleArray.vector(new double[] {1.5, -0.25}));
        assertThat(load(npy("<i4", "(2, 1)", ByteOrder.LITTLE_ENDIAN, b -> b.putInt(-7).putInt(1 << 30))))
                .as("<i4 (int32), widened to int64").isEqualTo(new LongArray(new int[] {2, 1}, new long[] {-7, 1 << 30}));
        assertThat(load(npy(">f8", "()", ByteOrder.BIG_ENDIAN, b -> b.putDouble(Math.PI))))
                .as(">f8 (big-endian float64)").isEqualTo(DoubleArray.scalar(Math.PI));
        assertThat(load(npy(">i8", "(1,)", ByteOrder.BIG_ENDIAN, b -> b.putLong(Long.MIN_VALUE))))
                .as(">i8 (big-endian int64)").isEqualTo(LongArray.vector(new long[] {Long.MIN_VALUE}));
    }

    @Test
    @DisplayName("A version 2.0 header (4-byte length) is read too")
    void version2HeadersAreRead() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n";
        var bytes = ByteBuffer.allocate(12 + dict.length() + 8).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(dict.length())
                .put(dict.getBytes(StandardCharsets.ISO_8859_1)).putDouble(2.5).array();
        Path file = fresh();
        Files.write(file, bytes);
        assertThat(Npy.load(file)).as("the array under a version 2.0 header")
                .isEqualTo(DoubleArray.vector(new double[] {2.5}));
    }

    @Test
    @DisplayName("A Fortran-order array is refused with a message saying how to re-save it")
    void fortranOrderIsRefused() throws IOException {
        Path file = npy("<f8", "(1, 1)", ByteOrder.LITTLE_ENDIAN, b -> b.putDouble(1))
                .replace("False", "True ").file;
        assertThatThrownBy(() -> Npy.load(file)).as("an array in Fortran order").isInstanceOf(UserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Fortran")
                .hasMessageContaining("ascontiguousarray");
    }

    @Test
    @DisplayName("An unsupported element type is refused with a message naming it")
    void unsupportedTypesAreRefused() throws IOException {
        Path file = npy("<c8", "(1,)", ByteOrder.LITTLE_ENDIAN, b -> b.putDouble(1)).file;
        assertThatThrownBy(() -> Npy.load(file)).as("an array of <c8 (complex64)").isInstanceOf(UserException.class)
                .hasMessageContaining("'<c8'");
    }

    @Test
    @DisplayName("A shape that promises more data than the file holds is refused before anything is allocated")
    void absurdShapesAreRefused() throws IOException {
        for (String shape : new String[] {"(2147483647, 2147483647)", "(1000000000,)", "(268435455,)", "(3,)"}) {
            Path file = npy("<f8", shape, ByteOrder.LITTLE_ENDIAN, b -> b.putDouble(1)).file;
            assertThatThrownBy(() -> Npy.load(file)).as("shape %s with one value in the file", shape)
                    .isInstanceOf(UserException.class).hasMessageContaining("truncated or corrupt");
        }
    }

    @Test
    @DisplayName("A missing file, a directory, or a file that is not .npy gives a one-line UserException naming it")
    void unreadableFilesGiveUserExceptions() throws IOException {
        Path missing = dir.resolve("missing.npy");
        assertThatThrownBy(() -> Npy.load(missing)).as("a missing file").isInstanceOf(UserException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Npy.load(dir)).as("a directory").isInstanceOf(UserException.class)
                .hasMessageContaining("directory");
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "hello, world");
        assertThatThrownBy(() -> Npy.load(text)).as("a text file named .npy").isInstanceOf(UserException.class)
                .hasMessageContaining("magic").hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("Every truncation of a valid file is refused with a UserException")
    void everyTruncationIsRefused() throws IOException {
        byte[] bytes = Npy.toBytes(new DoubleArray(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        for (int length = 0; length < bytes.length; length++) {
            Path file = fresh();
            Files.write(file, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> Npy.load(file)).as("the file cut to %d of %d bytes", length, bytes.length)
                    .isInstanceOf(UserException.class).hasMessageContaining(file.toString());
        }
    }

    @Test
    @DisplayName("A file with random bytes changed is refused with a UserException or still reads; nothing else")
    void damagedFilesFailOnlyWithUserExceptions() {
        Props.qt().forAll(NpyGens.arrays(), longs().all(), integers().between(1, 8)).checkAssert((array, seed, n) -> {
            byte[] bytes = Npy.toBytes(array);
            var random = new Random(seed);
            for (int k = 0; k < n; k++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            assertLoadsOrFailsCleanly(bytes);
        });
    }

    private void assertLoadsOrFailsCleanly(byte[] bytes) {
        Path file = fresh();
        try {
            Files.write(file, bytes);
            Npy.load(file);
        } catch (UserException e) {
            assertThat(e.getMessage()).as("the message names the file on one line")
                    .contains(file.toString()).doesNotContain("\n");
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("a damaged file must give a UserException, but gave " + e, e);
        }
    }

    private static NpyArray load(NpyFile npy) {
        return Npy.load(npy.file);
    }

    private interface Filler {
        void fill(ByteBuffer buffer);
    }

    /** A hand-made .npy file, to test what numpy may write but this program never does. */
    private final class NpyFile {
        final Path file;

        NpyFile(Path file) {
            this.file = file;
        }

        NpyFile replace(String from, String to) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to);
            Path copy = fresh();
            Files.write(copy, text.getBytes(StandardCharsets.ISO_8859_1));
            return new NpyFile(copy);
        }
    }

    private NpyFile npy(String descr, String shape, ByteOrder order, Filler filler) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
        var buffer = ByteBuffer.allocate(10 + dict.length() + 64).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length())
                .put(dict.getBytes(StandardCharsets.ISO_8859_1));
        filler.fill(buffer.order(order));
        Path file = fresh();
        Files.write(file, Arrays.copyOf(buffer.array(), buffer.position()));
        return new NpyFile(file);
    }
}
