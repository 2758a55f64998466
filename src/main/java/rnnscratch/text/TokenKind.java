package rnnscratch.text;

import java.util.Locale;
import rnnscratch.UserException;

/**
 * What one token is: a character or a word (d2l 8.2, {@code tokenize(lines, token='char'|'word')}).
 *
 * <p>Docs: docs/text-pipeline.md
 */
public enum TokenKind {
    /** One token per Unicode code point of a line (the book's {@code list(line)}). */
    CHAR,
    /** One token per whitespace-separated word of a line (the book's {@code line.split()}). */
    WORD;

    /**
     * Reads the spelling {@code "char"} or {@code "word"} (case-insensitive), as the command line and a
     * checkpoint's settings write it.
     *
     * @throws UserException for any other word, naming the two that work
     */
    public static TokenKind parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "char" -> CHAR;
            case "word" -> WORD;
            default -> throw new UserException(
                    "unknown token kind '" + name + "': use char or word");
        };
    }
}
