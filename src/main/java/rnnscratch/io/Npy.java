package rnnscratch.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * NumPy's {@code .npy} format: one array per file, as {@code numpy.save} writes and {@code numpy.load} reads it.
 *
 * <p>Layout (format version 1.0): the 6 bytes {@code \x93NUMPY}, the version bytes {@code 1 0}, the header length
 * as 2 little-endian bytes, the header (a Python dict literal, see {@link NpyHeader}, padded with spaces and ended by
 * {@code \n} so the data starts at a multiple of 64 bytes), then the values in C order. Versions 2.0 and 3.0 differ
 * only in a 4-byte header length (and, for 3.0, a UTF-8 header).
 *
 * <p>Writes float64 ({@code '<f8'}) and int64 ({@code '<i8'}), little-endian, C order. Reads {@code f8}, {@code f4},
 * {@code i8} and {@code i4} of either byte order; float32 becomes a {@link DoubleArray}, int32 a {@link LongArray}.
 * Fortran-order arrays are refused with a message saying how to re-save them.
 *
 * <p>Docs: docs/file-formats.md
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** NumPy itself refuses headers over 10,000 bytes by default; this bound only keeps garbage from filling memory. */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {}

    /** The complete {@code .npy} file for an array: magic, version, padded header, little-endian values. */
    public static byte[] toBytes(NpyArray array) {
        byte[] header = paddedHeader(new NpyHeader(array.descr(), false, array.shape()).format());
        var buffer = ByteBuffer.allocate(Math.addExact(header.length, Math.multiplyExact(array.size(), 8)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(header);
        if (array instanceof DoubleArray doubles) {
            buffer.asDoubleBuffer().put(doubles.data());
        } else if (array instanceof LongArray longs) {
            buffer.asLongBuffer().put(longs.data());
        }
        return buffer.array();
    }

    /**
     * Writes an array to a {@code .npy} file atomically (temp file, then rename).
     *
     * @throws rnnscratch.UserException if the file cannot be written
     */
    public static void save(Path file, NpyArray array) {
        AtomicFiles.write(file, toBytes(array));
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws rnnscratch.UserException if the file is missing, unreadable, truncated, corrupt or of an unsupported
     *                                  type; the message names the file and what to do
     */
    public static NpyArray load(Path file) {
        var source = FileProblems.of(file, "file", "re-create it or use another file");
        source.requireRegularFile();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        } catch (BadFileException e) {
            throw source.bad(e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw source.unreadable(e);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream that must end right after the data.
     *
     * @throws BadFileException if the bytes are not a complete, supported {@code .npy} array
     * @throws IOException      if reading the stream fails
     */
    static NpyArray read(InputStream in) throws IOException, BadFileException {
        byte[] preamble = readExactly(in, MAGIC.length + 2, "the magic string");
        for (int k = 0; k < MAGIC.length; k++) {
            if (preamble[k] != MAGIC[k]) {
                throw BadFileException.corrupt("it does not start with the .npy magic string \\x93NUMPY");
            }
        }
        int major = preamble[MAGIC.length];
        if (major < 1 || major > 3) {
            throw BadFileException.corrupt("it has .npy format version " + (major & 0xff) + ", which is unknown");
        }
        byte[] lengthBytes = readExactly(in, major == 1 ? 2 : 4, "the header length");
        long headerLength = major == 1
                ? ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL
                : ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (headerLength > MAX_HEADER) {
            throw BadFileException.corrupt("its header claims " + headerLength + " bytes");
        }
        byte[] headerBytes = readExactly(in, (int) headerLength, "the header");
        var header = NpyHeader.parse(new String(headerBytes,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        if (header.fortranOrder()) {
            throw BadFileException.unsupported("its array is stored in Fortran (column-major) order, which this program "
                    + "does not read; save numpy.ascontiguousarray(a) instead");
        }
        var type = ElementType.of(header.descr());
        int[] shape = header.shape();
        int count;
        try {
            count = Shape.size(shape);
        } catch (IllegalArgumentException e) {
            throw BadFileException.corrupt("its shape " + Shape.format(shape) + " is too large for this program");
        }
        long byteCount = (long) count * type.bytes;
        if (byteCount > Shape.MAX_ELEMENTS) {
            throw BadFileException.corrupt("its shape " + Shape.format(shape) + " needs " + byteCount
                    + " bytes, more than this program reads");
        }
        // readNBytes grows its buffer as bytes arrive, so a lying shape cannot allocate more than the file holds.
        byte[] data = in.readNBytes((int) byteCount);
        if (data.length < byteCount) {
            throw BadFileException.corrupt("it ends after " + data.length + " of the " + byteCount
                    + " data bytes its shape " + Shape.format(shape) + " needs");
        }
        if (in.read() != -1) {
            throw BadFileException.corrupt("it has bytes after the data its shape " + Shape.format(shape) + " needs");
        }
        return type.decode(shape, ByteBuffer.wrap(data).order(header.descr().startsWith(">")
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
    }

    private static byte[] readExactly(InputStream in, int n, String what) throws IOException, BadFileException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw BadFileException.corrupt("it ends inside " + what);
        }
        return bytes;
    }

    /** Pads the dict with spaces and a final newline so that the data starts at a multiple of 64 bytes. */
    private static byte[] paddedHeader(String dict) {
        int lengthField = dict.length() + 1 + ALIGNMENT < 0xffff ? 2 : 4;
        int unpadded = MAGIC.length + 2 + lengthField + dict.length() + 1;
        String text = dict + " ".repeat((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT) + "\n";
        byte[] textBytes = text.getBytes(StandardCharsets.ISO_8859_1);
        var buffer = ByteBuffer.allocate(MAGIC.length + 2 + lengthField + textBytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) (lengthField == 2 ? 1 : 2)).put((byte) 0);
        if (lengthField == 2) {
            buffer.putShort((short) textBytes.length);
        } else {
            buffer.putInt(textBytes.length);
        }
        return buffer.put(textBytes).array();
    }

    /** The element types this reader understands, by their descr without the byte-order character. */
    private enum ElementType {
        F8(8), F4(4), I8(8), I4(4);

        final int bytes;

        ElementType(int bytes) {
            this.bytes = bytes;
        }

        static ElementType of(String descr) throws BadFileException {
            if (descr.length() == 3 && "<>=".indexOf(descr.charAt(0)) >= 0) {
                switch (descr.substring(1)) {
                    case "f8": return F8;
                    case "f4": return F4;
                    case "i8": return I8;
                    case "i4": return I4;
                    default: break;
                }
            }
            throw BadFileException.unsupported("its element type '" + descr + "' is not supported (only float64, float32, "
                    + "int64 and int32 are); save the array with .astype('<f8') or .astype('<i8')");
        }

        NpyArray decode(int[] shape, ByteBuffer bytes) {
            int n = bytes.remaining() / this.bytes;
            return switch (this) {
                case F8 -> {
                    var values = new double[n];
                    bytes.asDoubleBuffer().get(values);
                    yield new DoubleArray(shape, values);
                }
                case F4 -> {
                    var floats = bytes.asFloatBuffer();
                    var values = new double[n];
                    for (int k = 0; k < n; k++) {
                        values[k] = floats.get(k);
                    }
                    yield new DoubleArray(shape, values);
                }
                case I8 -> {
                    var values = new long[n];
                    bytes.asLongBuffer().get(values);
                    yield new LongArray(shape, values);
                }
                case I4 -> {
                    var ints = bytes.asIntBuffer();
                    var values = new long[n];
                    for (int k = 0; k < n; k++) {
                        values[k] = ints.get(k);
                    }
                    yield new LongArray(shape, values);
                }
            };
        }
    }
}
