package rnnscratch.train;

import java.util.List;

/**
 * The book's summary after training: the last epoch's perplexity and speed, and the predictions for the final
 * prefixes (for The Time Machine: "time traveller" and "traveller").
 *
 * <p>Docs: docs/training.md#trainch8-many-epochs
 *
 * @param perplexity   the last completed epoch's perplexity (NaN when a stop came before the first epoch ended)
 * @param tokensPerSec the same epoch's tokens per second
 * @param epochsRun    the number of epochs completed
 * @param stopped      true when training stopped early on request
 * @param predictions  {@code options.predictCh8()} of each final prefix, {@code options.numPreds()} tokens (the book:
 *                     greedy, 50 characters)
 */
public record TrainResult(double perplexity, double tokensPerSec, int epochsRun, boolean stopped,
        List<String> predictions) {
    public TrainResult {
        predictions = List.copyOf(predictions);
    }
}
