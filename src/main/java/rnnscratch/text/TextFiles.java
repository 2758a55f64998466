package rnnscratch.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.UserException;

/**
 * Reading a text file the way the book's {@code open(path).readlines()} does, with one clear error for anything that
 * is not a UTF-8 text file.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class TextFiles {
    private TextFiles() {}

    /**
     * The book's {@code read_time_machine()} for any file: its lines, each preprocessed as {@link Preprocess#D2L}.
     *
     * @return one string per line of the file, empty lines kept
     * @throws UserException if the file is missing, unreadable, a directory, not UTF-8 text, or has no letters
     */
    public static List<String> readLines(Path path) {
        return CorpusText.fromFile(path).lines(Preprocess.D2L);
    }

    /**
     * The whole file as a string.
     *
     * @throws UserException if the file is missing, unreadable, a directory, or not UTF-8 text
     */
    public static String readText(Path path) {
        if (Files.isDirectory(path)) {
            throw new UserException("corpus " + path + " is a directory, not a text file: give the path of a "
                    + "UTF-8 .txt file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new UserException("corpus " + path + " is not a regular file (a device, a pipe or a socket): give "
                    + "the path of a UTF-8 .txt file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserException("corpus file " + path + " does not exist: check the path", e);
        } catch (AccessDeniedException e) {
            throw new UserException("corpus file " + path + " cannot be read (permission denied): check its "
                    + "permissions or copy it somewhere readable", e);
        } catch (IOException e) {
            throw new UserException("corpus file " + path + " cannot be read (" + e + "): check the path", e);
        }
        return decode(bytes, path.toString());
    }

    /**
     * Decodes bytes as UTF-8 text; a leading byte-order mark is dropped.
     *
     * @param origin where the bytes came from (a path or a URL), for the error message
     * @throws UserException if the bytes contain a NUL byte (a binary file) or are not valid UTF-8
     */
    public static String decode(byte[] bytes, String origin) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UserException("corpus " + origin + " is a binary file, not text (NUL byte at offset " + i
                        + "): give a plain UTF-8 text file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserException("corpus " + origin + " is not valid UTF-8 text: convert it to UTF-8 (for "
                    + "example with iconv) or give another file", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Splits text into lines exactly as Python's {@code open(path).readlines()} does in text mode: {@code "\n"},
     * {@code "\r\n"} and a lone {@code "\r"} each end a line (universal newlines), the line breaks are removed, and
     * text after the last line break is a last line of its own. Empty text has no lines.
     *
     * @return the lines without their line breaks
     */
    public static List<String> splitLines(String text) {
        var lines = new ArrayList<String>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return List.copyOf(lines);
    }
}
