package rnnscratch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The book's {@code tokenize(lines, token)} (d2l 8.2.2): each line becomes a list of tokens.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class Tokenize {
    private Tokenize() {}

    /**
     * Splits every line into tokens.
     *
     * <ul>
     *   <li>{@link TokenKind#CHAR}: one token per Unicode code point (Python's {@code list(line)}), so a Chinese
     *       character or an emoji is one token, never half of a UTF-16 surrogate pair.</li>
     *   <li>{@link TokenKind#WORD}: Python's {@code line.split()}: runs of whitespace separate words, and leading or
     *       trailing whitespace gives no empty word. Whitespace is what Python's {@code str.isspace()} accepts,
     *       no-break spaces included.</li>
     * </ul>
     *
     * @return one token list per line (an empty line gives an empty list), in order
     */
    public static List<List<String>> tokenize(List<String> lines, TokenKind token) {
        return lines.stream().map(line -> switch (token) {
            case CHAR -> chars(line);
            case WORD -> words(line);
        }).toList();
    }

    private static List<String> chars(String line) {
        return line.codePoints().mapToObj(Character::toString).toList();
    }

    private static List<String> words(String line) {
        var words = new ArrayList<String>();
        int start = -1;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (isPythonSpace(cp)) {
                if (start >= 0) {
                    words.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(line.substring(start));
        }
        return List.copyOf(words);
    }

    /** Python's {@code str.isspace()}: Java's whitespace plus the no-break spaces and U+0085 (next line). */
    private static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
