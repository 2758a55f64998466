package rnnscratch.train;

import java.util.List;

/**
 * The settings of {@link TrainCh8#trainCh8} that the book fixes inside its code: the clipping threshold, how often
 * to show a sample, and which prefixes to continue.
 *
 * @param theta         clipping threshold θ ({@code Double.POSITIVE_INFINITY}: no clipping)
 * @param samplePrefix  the prefix continued every {@code sampleEvery} epochs
 * @param finalPrefixes the prefixes continued at the end
 * @param sampleEvery   epochs between samples (the book: 10)
 * @param numPreds      tokens to predict for each sample (the book: 50)
 */
public record Ch8Options(double theta, String samplePrefix, List<String> finalPrefixes, int sampleEvery,
        int numPreds) {
    public Ch8Options {
        if (!(theta > 0)) {
            throw new IllegalArgumentException("theta must be > 0 (or +infinity for no clipping), got " + theta);
        }
        if (sampleEvery < 1 || numPreds < 0) {
            throw new IllegalArgumentException("sampleEvery must be >= 1 and numPreds >= 0");
        }
        finalPrefixes = List.copyOf(finalPrefixes);
    }

    /** The book's settings: θ = 1, "time traveller" every 10 epochs, then "time traveller" and "traveller". */
    public static Ch8Options book() {
        return new Ch8Options(1.0, "time traveller", List.of("time traveller", "traveller"), 10, 50);
    }
}
