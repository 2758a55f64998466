package rnnscratch.exercises.progress;

import java.util.List;
import java.util.Optional;

/**
 * The exercises in the notes' order: the one place their titles, docs pages and hints are written down. The progress
 * table and {@code target/progress.json} read them from here; {@code CatalogMatchesSolutionsTest} checks them against
 * the solution classes, the stubs and the test classes.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ExerciseCatalog {
    private ExerciseCatalog() {}

    /** Every exercise, ex01 first. */
    public static final List<Exercise> ALL = List.of(
            new Exercise("ex01", "Forward and backward factorisation of a sequence's probability (正向/反向序列概率)",
                    "docs/sequence-models.md#exercises",
                    "factor t is a ratio of two marginals: P(x_1..x_t) / P(x_1..x_{t-1}) forwards, "
                            + "P(x_t..x_T) / P(x_{t+1}..x_T) backwards",
                    "Ex01SequenceProbability"),
            new Exercise("ex02", "τ-order Markov features from a series (马尔可夫假设)",
                    "docs/sequence-models.md#exercises",
                    "row i of the features is the window x[i .. i+τ-1]; its label is x[i+τ]; there are T-τ rows",
                    "Ex02MarkovFeatures"),
            new Exercise("ex03", "k-step-ahead prediction (k步预测)",
                    "docs/sequence-models.md#exercises",
                    "copy the τ observed columns, then fill column i ≥ τ with the model applied to columns i-τ .. i-1",
                    "Ex03KStepPrediction"),
            new Exercise("ex04", "Tokenize and build a Vocab (词元化与词表)",
                    "docs/text-pipeline.md#exercises",
                    "characters are code points (line.codePoints()), words split at runs of white space; the "
                            + "vocabulary is <unk>, then tokens by falling count, ties in order of first appearance",
                    "Ex04TokenizeVocab"),
            new Exercise("ex05", "Sequential partitioning (顺序分区)",
                    "docs/text-pipeline.md#exercises",
                    "skip offset tokens, lay the next ⌊(len-offset-1)/batch⌋·batch tokens out as batch rows, "
                            + "then cut the columns numSteps at a time; y is x one token later",
                    "Ex05SequentialPartitioning"),
            new Exercise("ex06", "Random partitioning (随机采样)",
                    "docs/text-pipeline.md#exercises",
                    "starts are 0, numSteps, 2·numSteps, … after the offset; Collections.shuffle(starts, shuffle), "
                            + "then take batchSize starts per minibatch",
                    "Ex06RandomPartitioning"),
            new Exercise("ex07", "One-hot of Xᵀ (独热编码)",
                    "docs/data-processing.md#exercises",
                    "transpose int[batch][t] to int[t][batch] first; step s becomes a batch×V matrix with one 1 per row",
                    "Ex07OneHot"),
            new Exercise("ex08", "getParams and the zero state (初始化模型参数)",
                    "docs/parameters.md#exercises",
                    "draw W_xh, W_hh, W_hq in that order with Mat.randn(rows, cols, 0.01, rng); biases are zeros; "
                            + "wrap each in Tensor.param; the state is a constant of zeros",
                    "Ex08GetParams"),
            new Exercise("ex09", "One rnn time step and the loop over steps (隐状态更新)",
                    "docs/rnn.md#exercises",
                    "H = tanh(X·W_xh + H·W_hh + b_h), Y = H·W_hq + b_q, built from Ops (mm, add, addBias, tanh); "
                            + "catRows the Ys",
                    "Ex09RnnStep"),
            new Exercise("ex10", "Perplexity from losses (困惑度)",
                    "docs/perplexity.md#exercises",
                    "weight each minibatch's mean loss by its token count: exp(Σ loss·n / Σ n); from probabilities, "
                            + "exp of the mean of -log p",
                    "Ex10Perplexity"),
            new Exercise("ex11", "Gradient clipping (梯度剪裁)",
                    "docs/gradient-clipping.md#exercises",
                    "‖g‖ is the square root of the sum of squares over all parameters' gradients; if it exceeds θ, "
                            + "scale every gradient by θ/‖g‖ in place",
                    "Ex11GradClipping"),
            new Exercise("ex12", "The detach example and the state between minibatches (detach)",
                    "docs/training.md#exercises",
                    "g = y.detach()·x sees y as a constant, so ∂g/∂x = y; keep a sequential state but detach it, "
                            + "start from zeros for random minibatches",
                    "Ex12Detach"),
            new Exercise("ex13", "The sgd update (小批量随机梯度下降)",
                    "docs/training.md#exercises",
                    "param -= lr · grad / batchSize element by element, in place (through value()), then zero the grad",
                    "Ex13Sgd"),
            new Exercise("ex14", "Greedy predictCh8 (预测)",
                    "docs/training.md#exercises",
                    "warm up on the prefix (keep the true next character, ignore the output), then numPreds times "
                            + "append the argmax and feed it back",
                    "Ex14PredictCh8"),
            new Exercise("ex15", "One-to-many: generation from one input (一对多)",
                    "docs/applications.md#exercises",
                    "one forward per step on int[1][1], carry the state, feed the argmax back in as the next input",
                    "Ex15OneToMany"),
            new Exercise("ex16", "Many-to-one: classification from the last hidden state (多对一)",
                    "docs/applications.md#exercises",
                    "run the recurrence over every step but keep only the last H; logits = H_T·W_hc + b_c",
                    "Ex16ManyToOne"),
            new Exercise("ex17", "Many-to-many: tagging every step (多对多)",
                    "docs/applications.md#exercises",
                    "outputs are time-major: row t·batch + b is step t of sequence b; flatten the tags the same way",
                    "Ex17ManyToMany"));

    /** The exercise with this id ({@code ex07}), if there is one. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
