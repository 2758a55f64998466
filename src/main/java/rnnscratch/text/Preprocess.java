package rnnscratch.text;

import java.util.Locale;
import java.util.regex.Pattern;
import rnnscratch.UserException;

/**
 * How one raw line of text (without its line break) becomes the line that is tokenized.
 *
 * <ul>
 *   <li>{@link #D2L}, the book's {@code re.sub('[^A-Za-z]+', ' ', line).strip().lower()}: every run of characters
 *       outside {@code [A-Za-z]} becomes one space, the line is stripped and lower-cased. Only 26 letters and the
 *       space survive, so The Time Machine has a vocabulary of 28 characters.</li>
 *   <li>{@link #KEEP}: the line as it is, so any language can be modelled (a Chinese text, character by
 *       character). Line breaks are dropped in both modes, and lines are joined with no separator.</li>
 * </ul>
 *
 * <p>Docs: docs/text-pipeline.md
 */
public enum Preprocess {
    /** The book's preprocessing: letters only, runs of anything else become one space, lower case. */
    D2L,
    /** Keep every character except the line breaks. */
    KEEP;

    private static final Pattern NON_LETTERS = Pattern.compile("[^A-Za-z]+");

    /**
     * Preprocesses one line given without its line break.
     *
     * <p>The book applies its regex to the line with its {@code '\n'} still attached; that newline only joins the
     * last run of non-letters and is stripped with it, so leaving it out gives the same line.
     */
    public String apply(String rawLine) {
        return switch (this) {
            case D2L -> NON_LETTERS.matcher(rawLine).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
            case KEEP -> rawLine;
        };
    }

    /**
     * Reads the spelling {@code "d2l"} or {@code "keep"} (case-insensitive), as the command line and a checkpoint's
     * settings write it.
     *
     * @throws UserException for any other word, naming the two that work
     */
    public static Preprocess parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "d2l" -> D2L;
            case "keep" -> KEEP;
            default -> throw new UserException(
                    "unknown preprocessing '" + name + "': use d2l (the book's, letters only) or keep (every "
                            + "character)");
        };
    }
}
