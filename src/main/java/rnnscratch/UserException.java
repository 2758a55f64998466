package rnnscratch;

/**
 * A problem the user can fix: a missing file, a bad flag, a corrupt checkpoint, a corpus too short for one minibatch.
 *
 * <p>The message is one line that names the problem and says what to do. The library says it in its own terms (the
 * quantities, and what to change: a longer text, a smaller batch size); only the command line speaks of flags. Where
 * the command line has better advice, the library throws a subclass that carries the problem separately
 * ({@code CorpusTooShortException}, …), and the command line adds the flag to change. The command line prints the
 * line on stderr and exits with code 2, never a stack trace. Programming errors (a shape mismatch inside the
 * library, say) stay {@link IllegalArgumentException}s.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what is wrong and what to do about it */
    public UserException(String message) {
        super(message);
    }

    /** @param message one line: what is wrong and what to do about it; {@code cause} is kept for debugging */
    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
