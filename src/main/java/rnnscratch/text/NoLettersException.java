package rnnscratch.text;

import rnnscratch.UserException;

/**
 * A text with no letter A-Z, which the book's preprocessing ({@link Preprocess#D2L}) turns into nothing: a text in
 * another script needs {@link Preprocess#KEEP}.
 *
 * <p>Docs: docs/text-pipeline.md
 */
public final class NoLettersException extends UserException {
    private static final long serialVersionUID = 1L;
    private final String origin;

    /** @param origin where the text was read from (a path or a classpath resource) */
    public NoLettersException(String origin) {
        super(problem(origin) + ": keep every character (Preprocess.KEEP) for text in other scripts, or use another "
                + "file");
        this.origin = origin;
    }

    private static String problem(String origin) {
        return "corpus " + origin + " has no letters A-Z, so the book's preprocessing (d2l) leaves nothing";
    }

    /** The problem, without what to do about it. */
    public String problem() {
        return problem(origin);
    }
}
