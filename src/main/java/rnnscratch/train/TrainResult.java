package rnnscratch.train;

import java.util.List;

/**
 * The book's summary after training: the last epoch's perplexity and speed, and the predictions for the final
 * prefixes (for The Time Machine: "time traveller" and "traveller").
 *
 * @param perplexity   the last epoch's perplexity
 * @param tokensPerSec the last epoch's tokens per second
 * @param epochsRun    the number of epochs completed
 * @param stopped      true when training stopped early on request
 * @param predictions  {@code predictCh8(prefix, 50)} for each final prefix
 */
public record TrainResult(double perplexity, double tokensPerSec, int epochsRun, boolean stopped,
        List<String> predictions) {
    public TrainResult {
        predictions = List.copyOf(predictions);
    }
}
