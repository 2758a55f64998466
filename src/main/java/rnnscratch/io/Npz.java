package rnnscratch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import rnnscratch.UserException;

/**
 * NumPy's {@code .npz} archive: a zip file whose entries {@code NAME.npy} each hold one array (see {@link Npy}), as
 * {@code numpy.savez} / {@code numpy.savez_compressed} write it and {@code numpy.load} reads it. Other entries are
 * allowed and kept as raw bytes; this project stores the vocabulary as {@code vocab.txt} (UTF-8, one token per line
 * in index order, each line ended by {@code \n}).
 *
 * <p>A checkpoint holds {@code W_xh double[vocab][hidden]}, {@code W_hh double[hidden][hidden]},
 * {@code b_h (hidden,)}, {@code W_hq double[hidden][vocab]}, {@code b_q (vocab,)} and {@code vocab.txt}.
 *
 * <p>A loaded archive is an immutable value. Its accessors throw a {@link UserException} naming the file, the entry
 * and what to do when an entry is missing or has the wrong type or shape.
 *
 * <p>Docs: docs/file-formats.md
 */
public final class Npz {
    /** Zip entries carry this fixed time, so that saving the same content twice gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final String NPY = ".npy";

    private final FileProblems source;
    private final Map<String, NpyArray> arrays;
    private final Map<String, byte[]> others;

    private Npz(FileProblems source, Map<String, NpyArray> arrays, Map<String, byte[]> others) {
        this.source = source;
        this.arrays = Collections.unmodifiableMap(arrays);
        this.others = others;
    }

    /**
     * Reads an archive, naming it "file" in error messages.
     *
     * @throws UserException if the file is missing, unreadable, truncated or corrupt, or holds an array this program
     *                       cannot read
     */
    public static Npz load(Path file) {
        return load(file, "file", "re-create it or use another file");
    }

    /**
     * Reads an archive; error messages read {@code <noun> <file> <problem>: <remedy>}.
     *
     * @param noun   what the file is to the user, e.g. {@code "checkpoint"}
     * @param remedy what the user can do, e.g. {@code "re-save it or load another checkpoint"}
     * @throws UserException if the file is missing, unreadable, truncated or corrupt, or holds an array this program
     *                       cannot read
     */
    public static Npz load(Path file, String noun, String remedy) {
        var source = FileProblems.of(file, noun, remedy);
        source.requireRegularFile();
        var arrays = new LinkedHashMap<String, NpyArray>();
        var others = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                try {
                    readEntry(zip, entry, arrays, others);
                } catch (BadFileException e) {
                    throw e.in("entry " + name);
                }
            }
        } catch (BadFileException e) {
            throw source.bad(e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw source.unreadable(e);
        }
        return new Npz(source, arrays, others);
    }

    private static void readEntry(ZipFile zip, ZipEntry entry, Map<String, NpyArray> arrays,
            Map<String, byte[]> others) throws IOException, BadFileException {
        String name = entry.getName();
        long size = entry.getSize();
        if (size < 0 || size > Shape.MAX_ELEMENTS) {
            throw BadFileException.corrupt("its size " + size + " is impossible");
        }
        var crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            if (name.endsWith(NPY)) {
                String key = name.substring(0, name.length() - NPY.length());
                if (arrays.put(key, Npy.read(in)) != null) {
                    throw BadFileException.corrupt("the archive holds two entries of this name");
                }
            } else {
                byte[] bytes = in.readNBytes((int) size);
                if (bytes.length != size || in.read() != -1) {
                    throw BadFileException.corrupt("it does not hold the " + size + " bytes the archive lists");
                }
                if (others.put(name, bytes) != null) {
                    throw BadFileException.corrupt("the archive holds two entries of this name");
                }
            }
        }
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
            throw BadFileException.corrupt("its bytes fail the zip checksum");
        }
    }

    /**
     * Writes an uncompressed archive atomically, as {@code numpy.savez} does: one {@code NAME.npy} entry per array,
     * in map order, then one UTF-8 entry per text (e.g. {@code "vocab.txt"}).
     *
     * @throws IllegalArgumentException if a name is empty, a text name ends in {@code .npy}, or two entries collide
     * @throws UserException            if the file cannot be written
     */
    public static void savez(Path file, Map<String, ? extends NpyArray> arrays, Map<String, String> texts) {
        save(file, arrays, texts, ZipEntry.STORED);
    }

    /**
     * Writes a deflate-compressed archive atomically, as {@code numpy.savez_compressed} does; otherwise like
     * {@link #savez}.
     *
     * @throws IllegalArgumentException if a name is empty, a text name ends in {@code .npy}, or two entries collide
     * @throws UserException            if the file cannot be written
     */
    public static void savezCompressed(Path file, Map<String, ? extends NpyArray> arrays, Map<String, String> texts) {
        save(file, arrays, texts, ZipEntry.DEFLATED);
    }

    private static void save(Path file, Map<String, ? extends NpyArray> arrays, Map<String, String> texts, int method) {
        var entries = new LinkedHashMap<String, byte[]>();
        arrays.forEach((name, array) -> addEntry(entries, name, NPY, Npy.toBytes(array)));
        texts.forEach((name, text) -> {
            if (name.endsWith(NPY)) {
                throw new IllegalArgumentException("Npz.save: text entry '" + name + "' must not end in .npy");
            }
            addEntry(entries, name, "", text.getBytes(StandardCharsets.UTF_8));
        });
        AtomicFiles.write(file, out -> writeZip(out, entries, method));
    }

    private static void addEntry(Map<String, byte[]> entries, String name, String suffix, byte[] bytes) {
        if (name.isEmpty() || entries.put(name + suffix, bytes) != null) {
            throw new IllegalArgumentException("Npz.save: entry name '" + name + suffix + "' is empty or used twice");
        }
    }

    private static void writeZip(OutputStream out, Map<String, byte[]> entries, int method) throws IOException {
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                var entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                entry.setMethod(method);
                byte[] bytes = e.getValue();
                if (method == ZipEntry.STORED) {
                    var crc = new CRC32();
                    crc.update(bytes);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    /** The file this archive was read from. */
    public Path file() {
        return source.file();
    }

    /** All arrays, by name (the entry name without {@code .npy}), in the archive's order; unmodifiable. */
    public Map<String, NpyArray> arrays() {
        return arrays;
    }

    /** The names of the entries that are not arrays (e.g. {@code vocab.txt}), in the archive's order. */
    public List<String> otherEntries() {
        return List.copyOf(others.keySet());
    }

    /** Whether the archive holds an array or another entry of this name. */
    public boolean contains(String name) {
        return arrays.containsKey(name) || others.containsKey(name);
    }

    /**
     * The array {@code name} (entry {@code name.npy}).
     *
     * @throws UserException if there is none
     */
    public NpyArray array(String name) {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw source.missing("array '" + name + "'", names());
        }
        return array;
    }

    /**
     * The array {@code name} as float64 values (int arrays are converted).
     *
     * @throws UserException if there is none
     */
    public DoubleArray doubles(String name) {
        return array(name).toDoubles();
    }

    /**
     * The int64 (or int32) array {@code name}.
     *
     * @throws UserException if there is none or it holds floating-point values
     */
    public LongArray longs(String name) {
        if (array(name) instanceof LongArray longs) {
            return longs;
        }
        throw source.wrongContent(name, "holds floating-point values where integers belong");
    }

    /**
     * The rank-2 array {@code name} as {@code double[rows][cols]}; a rank-1 array of length n gives
     * {@code double[1][n]} (a bias row).
     *
     * @throws UserException if there is none or its rank is not 1 or 2
     */
    public double[][] matrix(String name) {
        DoubleArray array = doubles(name);
        if (array.rank() != 1 && array.rank() != 2) {
            throw source.wrongContent(name, "has shape " + Shape.format(array.shape()) + " where a matrix belongs");
        }
        return array.toMatrix();
    }

    /**
     * The integer array {@code name}, flattened in C order, as ints.
     *
     * @throws UserException if there is none, it holds floating-point values, or a value does not fit an int
     */
    public int[] ints(String name) {
        try {
            return longs(name).toInts();
        } catch (IllegalArgumentException e) {
            throw source.wrongContent(name, "holds values too large for an int");
        }
    }

    /**
     * The single value of the one-element array {@code name} (usually rank 0), as a double.
     *
     * @throws UserException if there is none or it does not hold exactly one value
     */
    public double doubleScalar(String name) {
        DoubleArray array = doubles(name);
        if (array.size() != 1) {
            throw source.wrongContent(name, "has shape " + Shape.format(array.shape()) + " where one number belongs");
        }
        return array.scalarValue();
    }

    /**
     * The single value of the one-element integer array {@code name} (usually rank 0).
     *
     * @throws UserException if there is none, it holds floating-point values, or it does not hold exactly one value
     */
    public long longScalar(String name) {
        LongArray array = longs(name);
        if (array.size() != 1) {
            throw source.wrongContent(name, "has shape " + Shape.format(array.shape()) + " where one number belongs");
        }
        return array.scalarValue();
    }

    /**
     * The raw bytes of the non-array entry {@code entry} (full entry name, e.g. {@code "vocab.txt"}).
     *
     * @throws UserException if there is none
     */
    public byte[] bytes(String entry) {
        byte[] bytes = others.get(entry);
        if (bytes == null) {
            throw source.missing("entry '" + entry + "'", names());
        }
        return bytes.clone();
    }

    /**
     * The non-array entry {@code entry} decoded as UTF-8 text, e.g. {@code text("vocab.txt")}.
     *
     * @throws UserException if there is none or it is not valid UTF-8
     */
    public String text(String entry) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes(entry)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw source.wrongContent(entry, "is not valid UTF-8 text");
        }
    }

    /** Every entry name as stored: {@code W_xh.npy}, ..., {@code vocab.txt}. */
    private List<String> names() {
        var names = new ArrayList<String>();
        arrays.keySet().forEach(name -> names.add(name + NPY));
        names.addAll(others.keySet());
        return names;
    }

    @Override
    public String toString() {
        return "Npz(" + source.file() + ", " + names() + ")";
    }
}
