package rnnscratch.plot;

import rnnscratch.UserException;

/**
 * A PNG cannot be drawn or written on this machine (no Java2D, no PNG writer); an SVG still can.
 *
 * <p>Docs: docs/command-line.md
 */
public final class PngUnavailableException extends UserException {
    private static final long serialVersionUID = 1L;
    private final String problem;

    /**
     * @param problem what failed, e.g. "this Java runtime cannot write PNG files"
     * @param cause   the error behind it, if any
     */
    public PngUnavailableException(String problem, Throwable cause) {
        super(problem + ": draw an SVG instead (a file name ending in .svg)", cause);
        this.problem = problem;
    }

    /** What failed, without what to do about it. */
    public String problem() {
        return problem;
    }
}
