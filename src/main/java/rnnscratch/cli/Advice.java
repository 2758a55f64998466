package rnnscratch.cli;

import rnnscratch.plot.PngUnavailableException;
import rnnscratch.text.CorpusTooShortException;
import rnnscratch.text.NoLettersException;
import rnnscratch.train.LossNotFiniteException;

/**
 * The command line's one line for a problem the library reports in its own terms: the library states the quantities
 * and what went wrong; this adds which flag to change. Any other problem's message is already the line to print.
 *
 * <p>Docs: docs/command-line.md
 */
public final class Advice {
    private Advice() {}

    /** The one line the user sees for {@code e}, with the flag to change where there is one. */
    public static String of(RuntimeException e) {
        if (e instanceof CorpusTooShortException s) {
            return s.problem() + ": use a longer text or smaller --batch-size/--num-steps";
        }
        if (e instanceof NoLettersException n) {
            return n.problem() + ": use --preprocess keep for text in other scripts, or another file";
        }
        if (e instanceof PngUnavailableException p) {
            return p.problem() + ": use --plot FILE.svg";
        }
        if (e instanceof LossNotFiniteException l) {
            return l.problem() + ": switch gradient clipping on (--theta 1) or use a smaller learning rate (--lr)";
        }
        return e.getMessage();
    }
}
