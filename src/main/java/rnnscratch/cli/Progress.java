package rnnscratch.cli;

import java.io.PrintStream;
import java.util.Locale;
import rnnscratch.train.EpochListener;
import rnnscratch.train.EpochStats;

/**
 * Shows training as it goes, the way a student watches the book's animator: epoch, perplexity, speed, elapsed time
 * and the time still to go, plus the sample text every 10 epochs.
 *
 * <ul>
 *   <li>On a terminal: one line rewritten in place ({@code \r}) after every epoch,
 *       {@code epoch 37/500  perplexity 6.41  24,310 tokens/s  elapsed 0:41  ETA 8:32}; each sample goes on a line of
 *       its own below it.</li>
 *   <li>Otherwise (a pipe, a file, a test): plain lines, one per epoch for runs of up to
 *       {@value #EVERY_EPOCH_UP_TO} epochs, else one every 10 epochs plus the first and the last; each followed by
 *       its sample when there is one.</li>
 * </ul>
 *
 * <p>Docs: docs/command-line.md
 */
final class Progress implements EpochListener {
    /** Plain output shows every epoch of runs this short. */
    static final int EVERY_EPOCH_UP_TO = 50;

    private final PrintStream out;
    private final boolean terminal;
    private final int numEpochs;
    private int width;
    private boolean lineOpen;

    /**
     * @param terminal  whether {@code out} is a terminal that understands {@code \r}
     * @param numEpochs the number of epochs asked for
     */
    Progress(PrintStream out, boolean terminal, int numEpochs) {
        this.out = out;
        this.terminal = terminal;
        this.numEpochs = numEpochs;
    }

    @Override
    public void epochEnded(EpochStats s) {
        String line = line(s, numEpochs);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            out.flush();
            width = line.length();
            lineOpen = true;
        } else if (numEpochs <= EVERY_EPOCH_UP_TO || s.epoch() == 1 || s.epoch() % 10 == 0
                || s.epoch() == numEpochs) {
            out.println(line);
        }
    }

    @Override
    public void sample(int epoch, String text) {
        endLine();
        out.println("  " + text);
    }

    /** Ends the line being rewritten on a terminal, so that what follows starts on a fresh line. */
    void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
            width = 0;
        }
    }

    /** {@code epoch 37/500  perplexity 6.41  24,310 tokens/s  elapsed 0:41  ETA 8:32}. */
    static String line(EpochStats s, int numEpochs) {
        double eta = s.elapsedSeconds() / s.epoch() * (numEpochs - s.epoch());
        return String.format(Locale.ROOT, "epoch %d/%d  perplexity %s  %,d tokens/s  elapsed %s  ETA %s",
                s.epoch(), numEpochs, perplexity(s.perplexity(), 2), Math.round(s.tokensPerSec()),
                clock(s.elapsedSeconds()), clock(eta));
    }

    /** A perplexity with {@code decimals} decimals, or like {@code 5.14e+63} when it has exploded. */
    static String perplexity(double ppl, int decimals) {
        return String.format(Locale.ROOT, Math.abs(ppl) < 1e6 ? "%." + decimals + "f" : "%.2e", ppl);
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
