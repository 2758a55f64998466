package rnnscratch.io;

/**
 * Inside this package only: the bytes being read are not a {@code .npy}/{@code .npz} file this program can use. The
 * message is a short phrase ("it ends inside the header"); {@link FileProblems} turns it into a
 * {@link rnnscratch.UserException} that names the file and what to do.
 */
final class BadFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** True if the file is well formed but holds something this program does not read (a complex dtype, say). */
    final boolean unsupported;

    private BadFileException(String problem, boolean unsupported) {
        super(problem);
        this.unsupported = unsupported;
    }

    /** The file is truncated or its bytes are damaged. */
    static BadFileException corrupt(String problem) {
        return new BadFileException(problem, false);
    }

    /** The file is valid but uses a feature this program does not read; the problem says how to re-save it. */
    static BadFileException unsupported(String problem) {
        return new BadFileException(problem, true);
    }

    /** The same problem, prefixed with where in the file it is ("entry W_xh.npy: ..."). */
    BadFileException in(String where) {
        return new BadFileException(where + ": " + getMessage(), unsupported);
    }
}
