package rnnscratch.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file this project writes, told apart by their first bytes, so that an output never replaces a file of
 * another kind (a metrics CSV written over a checkpoint, say): an {@code .npz} is a zip archive, a {@code .png}
 * starts with the PNG signature, an {@code .svg} and an {@code .html} are text holding their root tag, a {@code .csv}
 * is text.
 *
 * <p>Docs: docs/file-formats.md
 */
public enum FileKind {
    /** A NumPy {@code .npz} archive (a zip file). */
    NPZ(".npz", "a NumPy .npz archive"),
    /** A CSV table. */
    CSV(".csv", "a CSV table"),
    /** An SVG image. */
    SVG(".svg", "an SVG image"),
    /** A PNG image. */
    PNG(".png", "a PNG image"),
    /** An HTML page. */
    HTML(".html", "an HTML page");

    private static final int HEAD = 4096;
    private final String ending;
    private final String description;

    FileKind(String ending, String description) {
        this.ending = ending;
        this.description = description;
    }

    /** The file name ending, e.g. {@code .npz}. */
    public String ending() {
        return ending;
    }

    /** How a message names the kind, e.g. "a NumPy .npz archive". */
    public String description() {
        return description;
    }

    /** The kind a file name's ending announces ({@code .htm} counts as {@code .html}), if any. */
    public static Optional<FileKind> ofName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (name.endsWith(k.ending) || k == HTML && name.endsWith(".htm")) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * What an existing file's first bytes say it is, as a message names it: one of the kinds, or "a binary file" or
     * "a text file"; "an empty file" when it has no bytes.
     *
     * @throws IOException if it cannot be read
     */
    public static String describe(Path file) throws IOException {
        byte[] head = head(file);
        if (head.length == 0) {
            return "an empty file";
        }
        for (FileKind k : values()) {
            if (k != CSV && k.matches(head)) {
                return k.description;
            }
        }
        return isText(head) ? "a text file" : "a binary file";
    }

    /**
     * Whether {@code file} may be replaced by a new file of this kind: it does not exist, is empty, or already is of
     * this kind.
     *
     * @throws IOException if it exists but cannot be read
     */
    public boolean mayReplace(Path file) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        byte[] head = head(file);
        return head.length == 0 || matches(head);
    }

    private boolean matches(byte[] head) {
        String text = isText(head) ? new String(head, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT) : "";
        return switch (this) {
            case NPZ -> startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6);
            case PNG -> startsWith(head, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            case SVG -> text.contains("<svg");
            case HTML -> text.contains("<html") || text.contains("<!doctype html");
            case CSV -> isText(head) && !text.contains("<svg") && !text.contains("<html");
        };
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** No NUL byte and valid UTF-8 (a multi-byte character cut at the end of the head is allowed). */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        var result = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length),
                false); // not the end of input: a character cut off by the head's end is not an error
        return !result.isError();
    }
}
