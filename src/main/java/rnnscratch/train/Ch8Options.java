package rnnscratch.train;

import java.util.List;

/**
 * What the book's {@code train_ch8} fixes inside its code: the clipping threshold, which prefixes to continue and how
 * often, how a continuation is predicted ({@code predict = lambda prefix: predict_ch8(prefix, 50, net, vocab)}), and
 * the epoch it runs ({@code train_epoch_ch8}). {@link #book()} is the book's; the command line changes θ, the
 * prefixes and the prediction (word tokens, sampling); the exercises' "your RNN" run changes the epoch to a copy
 * written from the student's parts.
 *
 * <p>Docs: docs/training.md#the-functions-training-calls
 *
 * @param theta         clipping threshold θ ({@code Double.POSITIVE_INFINITY}: no clipping)
 * @param samplePrefix  the prefix continued every {@code sampleEvery} epochs
 * @param finalPrefixes the prefixes continued at the end
 * @param sampleEvery   epochs between samples (the book: 10)
 * @param numPreds      tokens to predict for each sample (the book: 50)
 * @param predictCh8    how a prefix is continued (the book: {@link PredictCh8#predictCh8}, greedy characters)
 * @param trainEpochCh8 one epoch of training (the book: {@link TrainCh8#trainEpochCh8})
 */
public record Ch8Options(double theta, String samplePrefix, List<String> finalPrefixes, int sampleEvery,
        int numPreds, PredictCh8.Fn predictCh8, TrainCh8.TrainEpochCh8 trainEpochCh8) {
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
        return new Ch8Options(1.0, "time traveller", List.of("time traveller", "traveller"), 10, 50,
                PredictCh8::predictCh8, TrainCh8::trainEpochCh8);
    }

    /** The book's functions with other settings. */
    public static Ch8Options of(double theta, String samplePrefix, List<String> finalPrefixes, int sampleEvery,
            int numPreds) {
        return new Ch8Options(theta, samplePrefix, finalPrefixes, sampleEvery, numPreds, PredictCh8::predictCh8,
                TrainCh8::trainEpochCh8);
    }

    /** The same options with another {@code predict_ch8}. */
    public Ch8Options withPredictCh8(PredictCh8.Fn predict) {
        return new Ch8Options(theta, samplePrefix, finalPrefixes, sampleEvery, numPreds, predict, trainEpochCh8);
    }

    /** The same options with another {@code train_epoch_ch8}. */
    public Ch8Options withTrainEpochCh8(TrainCh8.TrainEpochCh8 trainEpoch) {
        return new Ch8Options(theta, samplePrefix, finalPrefixes, sampleEvery, numPreds, predictCh8, trainEpoch);
    }
}
