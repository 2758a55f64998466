package rnnscratch.exercises.progress;

import java.util.List;
import java.util.Optional;

/**
 * The exercises in the notes' order: the one place their titles, docs pages and hints are written down. Teachers edit
 * the hints here. The progress table, {@code target/progress.json} and the watch mode read them from here;
 * {@code CatalogMatchesSolutionsTest} checks them against the solution classes, the stubs and the test classes, and
 * {@code HintsHoldNoAnswersTest} that neither a stub's message nor a first hint gives a line or a call of the answer.
 *
 * <p>Hint levels: 1 is the idea (no code), 2 the method and the shapes (the library calls to use), 3 a skeleton in
 * words and blanks — never the solution. A student asks for them with {@code -Dhint=N} or the watch mode's {@code h}.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ExerciseCatalog {
    private ExerciseCatalog() {}

    /** Every exercise, ex01 first. */
    public static final List<Exercise> ALL = List.of(
            new Exercise("ex01", "Forward and backward factorisation of a sequence's probability (正向/反向序列概率)",
                    "docs/sequence-models.md#exercises", List.of(
                            "Each factor is a conditional probability, and a conditional probability is a ratio of "
                                    + "two marginals: the probability of the tokens up to and including x_t over that "
                                    + "of the tokens before it (backwards: from x_t to the end, over from x_{t+1} to "
                                    + "the end).",
                            "Joint.marginal(from, values) is the probability that the positions from, from+1, … hold "
                                    + "values; Arrays.copyOfRange cuts the pieces of x. Forwards every piece starts at "
                                    + "position 0, backwards every piece ends at T. An empty piece has probability 1. "
                                    + "Each method returns double[T].",
                            "for each t in 0 … T−1: top = the marginal of the piece that includes x[t]; bottom = the "
                                    + "marginal of the same piece without x[t]; factor t = top / bottom."),
                    "Ex01SequenceProbability"),
            new Exercise("ex02", "τ-order Markov features from a series (马尔可夫假设)",
                    "docs/sequence-models.md#exercises", List.of(
                            "Slide a window of τ values along the series: each window is one example, and the value "
                                    + "right after it is its label.",
                            "There are T − τ windows. The features are double[T−τ][τ], the labels double[T−τ][1]; "
                                    + "System.arraycopy copies a window; the result is a new MarkovFeatures of τ, the "
                                    + "features and the labels.",
                            "rows = the number of windows; for i in 0 … rows−1: features[i] = the τ values from "
                                    + "x[i] on; labels[i][0] = the value after them."),
                    "Ex02MarkovFeatures"),
            new Exercise("ex03", "k-step-ahead prediction (k步预测)",
                    "docs/sequence-models.md#exercises", List.of(
                            "Start from τ real observations, then let the model read its own predictions: every new "
                                    + "column is predicted from the τ columns before it, so errors compound as k "
                                    + "grows.",
                            "The matrix is double[T−τ−maxSteps+1][τ+maxSteps]. Row r starts with x[r … r+τ−1]. For a "
                                    + "column i ≥ τ, gather the τ columns before it of every row into one "
                                    + "double[rows][τ] and call net.predict once: it returns double[rows][1]. kStepMse "
                                    + "compares column τ+k−1 of row r with x[r+τ+k−1].",
                            "copy the observations into the first τ columns; for i from τ to τ+maxSteps−1: windows = "
                                    + "columns i−τ … i−1 of every row; next = the model's predictions for windows; "
                                    + "column i = next. kStepMse: the mean over the rows of (prediction − truth)²."),
                    "Ex03KStepPrediction"),
            new Exercise("ex04", "Tokenize and build a Vocab (词元化与词表)",
                    "docs/text-pipeline.md#exercises", List.of(
                            "A character is a Unicode code point, not a Java char (🙂 is two chars); words are what "
                                    + "lies between runs of white space. The vocabulary numbers the tokens by how "
                                    + "often they occur, most frequent first, after <unk> at index 0.",
                            "String.codePoints() walks the code points and Character.toString(int) makes one a String "
                                    + "again; strip() and a split on the white-space regex give the words (a blank "
                                    + "line gives none). Count in a LinkedHashMap<String, Integer>, which remembers "
                                    + "the order of first appearance, then sort its entries by falling count with a "
                                    + "stable sort (List.sort is stable).",
                            "tokenize: for each line: CHAR → its code points as strings; WORD → nothing if blank, else "
                                    + "its words. vocabTokens: count every token; sort by count, largest first; the "
                                    + "result is <unk>, then every token seen at least minFreq times (never <unk> "
                                    + "twice)."),
                    "Ex04TokenizeVocab"),
            new Exercise("ex05", "Sequential partitioning (顺序分区)",
                    "docs/text-pipeline.md#exercises", List.of(
                            "Lay the corpus out as batchSize long rows one under the other, then cut them into pieces "
                                    + "numSteps columns wide: piece k of row i continues piece k−1 of row i, so the "
                                    + "hidden state can be carried from one minibatch to the next.",
                            "Skip offset tokens and keep ⌊(len − offset − 1) / batchSize⌋ · batchSize of them, so "
                                    + "every row has the same length; y uses the same positions plus one. A minibatch "
                                    + "is int[batchSize][numSteps] of x and of y; Arrays.copyOfRange cuts a piece of "
                                    + "a row; new Minibatch(x, y).",
                            "rowLength = the kept tokens / batchSize; for column = 0, numSteps, 2·numSteps, … while a "
                                    + "whole piece fits in rowLength: for each row i: start = where row i begins plus "
                                    + "column; x[i] = numSteps tokens from start; y[i] = the same, one token later."),
                    "Ex05SequentialPartitioning"),
            new Exercise("ex06", "Random partitioning (随机采样)",
                    "docs/text-pipeline.md#exercises", List.of(
                            "Cut the corpus into pieces of numSteps tokens that do not overlap, shuffle the pieces and "
                                    + "deal them out batchSize at a time: neighbouring minibatches have nothing to do "
                                    + "with each other.",
                            "There are ⌊(len − offset − 1) / numSteps⌋ pieces; keep their starts 0, numSteps, "
                                    + "2·numSteps, … (counted from offset) in a List<Integer> and shuffle that list "
                                    + "once with Collections.shuffle and the Random you are given, so the order is the "
                                    + "library's. Each minibatch is int[batchSize][numSteps]; leftover pieces are "
                                    + "dropped.",
                            "starts = [j·numSteps for every piece j]; shuffle them; for k while (k+1)·batchSize ≤ the "
                                    + "number of pieces: row i takes the piece at offset + starts[k·batchSize + i]: x "
                                    + "is that piece, y the same one token later."),
                    "Ex06RandomPartitioning"),
            new Exercise("ex07", "One-hot of Xᵀ (独热编码)",
                    "docs/data-processing.md#exercises", List.of(
                            "The RNN walks through time, so it reads the minibatch column by column: transpose it "
                                    + "first, then turn each time step's token ids into rows of zeros with a single 1.",
                            "transpose: int[batch][t] becomes int[t][batch], entry [s][b] is entry [b][s] of x. "
                                    + "oneHot: for each row of Xᵀ, a double[batch][vocabSize] of zeros with a 1.0 in "
                                    + "row b at the column of token b, wrapped in Tensor.constant (inputs need no "
                                    + "gradient).",
                            "transpose: allocate the transposed array; two loops copy every entry to its mirrored "
                                    + "place. oneHot: steps = a list; for each time step: m = zeros; for each b: "
                                    + "m[b][its token] = 1; add m, as a constant, to steps."),
                    "Ex07OneHot"),
            new Exercise("ex08", "getParams and the zero state (初始化模型参数)",
                    "docs/parameters.md#exercises", List.of(
                            "The RNN has five parameters: three weight matrices drawn small and random, and two bias "
                                    + "rows of zeros; all five are learnt, so all need gradients. The state before the "
                                    + "first step is zeros, and nothing learns it.",
                            "Shapes: W_xh V×H, W_hh H×H, b_h 1×H, W_hq H×V, b_q 1×V. Mat.randn(rows, cols, 0.01, rng) "
                                    + "draws 0.01·N(0, 1); draw the three weights in the order W_xh, W_hh, W_hq from "
                                    + "the Random you are given; Mat.zeros for the biases and the state; Tensor.param "
                                    + "for parameters, Tensor.constant for the state; RnnParams and RnnState hold "
                                    + "them.",
                            "getParams: W_xh = a parameter of V×H small random numbers; W_hh likewise H×H; b_h = a "
                                    + "parameter of 1×H zeros; W_hq = random H×V; b_q = zeros 1×V; return them in that "
                                    + "order. initRnnState: a constant batch×H of zeros, in an RnnState."),
                    "Ex08GetParams"),
            new Exercise("ex09", "One rnn time step and the loop over steps (隐状态更新)",
                    "docs/rnn.md#exercises", List.of(
                            "The new hidden state mixes this step's input with the previous state, adds a bias and "
                                    + "squashes the sum with tanh; the output is a linear layer on the new state. The "
                                    + "loop carries the state from step to step and keeps every step's output.",
                            "Build everything from Ops so that gradients flow: mm is the matrix product, add adds two "
                                    + "matrices of one shape, addBias adds a 1×n row to every row, tanh squashes. "
                                    + "X_t (batch×V)·W_xh (V×H) and H (batch×H)·W_hh (H×H) are both batch×H; "
                                    + "Y_t = H_t·W_hq + b_q is batch×V. catRows stacks the outputs into "
                                    + "(steps·batch)×V, time-major; return an Rnn.Output of the stack and an RnnState "
                                    + "of the last H.",
                            "rnnStep: the tanh of (the input times W_xh, plus the state times W_hh, plus the bias b_h), "
                                    + "each operation an Op. rnn: h = the state's H; outputs = a list; for each input: "
                                    + "h = rnnStep of it; add (h times W_hq, plus b_q) to outputs; return the stacked "
                                    + "outputs and the last h."),
                    "Ex09RnnStep"),
            new Exercise("ex10", "Perplexity from losses (困惑度)",
                    "docs/perplexity.md#exercises", List.of(
                            "Perplexity is the exponential of the mean cross-entropy per token. Each minibatch reports "
                                    + "the mean over its own tokens, so to get the mean over the whole epoch weight "
                                    + "each minibatch by its number of tokens.",
                            "Add up loss·count (a double) and the counts (a long) over the minibatches, then take "
                                    + "Math.exp of their ratio. From probabilities: the loss of one token is −log p "
                                    + "(Math.log), and the perplexity is exp of the mean loss. A model sure of every "
                                    + "token gives 1; guessing uniformly over V tokens gives V.",
                            "perplexity: total = 0, tokens = 0; for each minibatch: total grows by its mean loss times "
                                    + "its count, tokens by its count; the answer is e to the total per token. "
                                    + "perplexityOfProbabilities: the mean of −log p over all p, then e to it."),
                    "Ex10Perplexity"),
            new Exercise("ex11", "Gradient clipping (梯度剪裁)",
                    "docs/gradient-clipping.md#exercises", List.of(
                            "See the gradients of all parameters together as one long vector: measure its length "
                                    + "once, and if it is longer than θ, shrink every gradient by the same factor so "
                                    + "that the length becomes θ. The direction does not change.",
                            "‖g‖ = √(Σ over every parameter, row and column of grad²) — one norm for all parameters, "
                                    + "not one per matrix. p.grad() is the gradient array itself, so changing its "
                                    + "entries clips in place. The factor θ/‖g‖ applies only when ‖g‖ > θ. Return "
                                    + "‖g‖ as measured before clipping.",
                            "sum = 0; for each parameter, each row of its gradient, each entry: add its square to "
                                    + "sum; norm = the square root of sum; if norm > θ: multiply every entry of every "
                                    + "gradient by θ / norm; return norm."),
                    "Ex11GradClipping"),
            new Exercise("ex12", "The detach example and the state between minibatches (detach)",
                    "docs/training.md#exercises", List.of(
                            "Back-propagation follows every path from the output back to x. detach() gives a tensor "
                                    + "with the same value and no history, so the path through y is cut and y counts "
                                    + "as a constant. Between minibatches: random minibatches start from zeros; "
                                    + "sequential ones keep the values of the state but not its history.",
                            "Make x a leaf that collects gradients with Tensor.param (a 1×1 double[][]); build y with "
                                    + "y.apply on it and multiply with Ops.mul; backward() fills x.grad(), and "
                                    + "gradients add up, so clear them with zeroGrad() between the two backward "
                                    + "passes. The state: a constant batch×H of zeros (Tensor.constant, not "
                                    + "Tensor.param) in an RnnState, or the previous RnnState after detachInPlace().",
                            "detachExample: x = a parameter; y = the function applied to x; f = y·x; back-propagate f; "
                                    + "remember ∂f/∂x; clear the gradient; g = (y detached)·x; back-propagate g; "
                                    + "return both. stateForMinibatch: no previous state, or random minibatches → a "
                                    + "new constant zero state; else → detach the previous state in place and return "
                                    + "it."),
                    "Ex12Detach"),
            new Exercise("ex13", "The sgd update (小批量随机梯度下降)",
                    "docs/training.md#exercises", List.of(
                            "Move every parameter a small step against its gradient, then forget the gradient, so "
                                    + "that the next minibatch starts from zero.",
                            "p.value() is the very array the model computes with: change its entries, do not replace "
                                    + "it. The step of one entry is lr times its gradient over batchSize; value and "
                                    + "gradient have one shape. p.zeroGrad() clears the gradient.",
                            "for each parameter: v = its values, g = its gradient; for every row i and column j: "
                                    + "v[i][j] goes down by the step; then clear its gradient."),
                    "Ex13Sgd"),
            new Exercise("ex14", "Greedy predictCh8 (预测)",
                    "docs/training.md#exercises", List.of(
                            "First warm the state up on the prefix: feed its true characters and ignore the outputs. "
                                    + "Then predict: feed the last character, take the most likely next one, append "
                                    + "it and feed it back. Every character is fed exactly once, and a character is a "
                                    + "code point (🙂 is one character).",
                            "net.beginState(1) is the zero state of one sequence; net.forward of an int[1][1] and a "
                                    + "state returns an Rnn.Output: outputs() is 1×V, state() the new state. "
                                    + "vocab.indexOf gives a token's id (0 for one it does not know), vocab.tokenAt "
                                    + "the token of an id; Mat.argmaxRows gives the column of the largest entry of each "
                                    + "row; prefix.codePoints() walks the characters.",
                            "chars = the prefix's code points; state = the zero state; last = the id of the first "
                                    + "char; for each later char c: state = the state after feeding last; last = the "
                                    + "id of c. Then numPreds times: feed last; keep the new state; last = the argmax "
                                    + "of the scores; append its token."),
                    "Ex14PredictCh8"),
            new Exercise("ex15", "One-to-many: generation from one input (一对多)",
                    "docs/applications.md#exercises", List.of(
                            "Greedy generation: feed one token, take the most likely next token and feed that back "
                                    + "in, carrying the hidden state from step to step.",
                            "net.beginState(1) is the zero state of one sequence; each step is one net.forward on an "
                                    + "int[1][1] giving outputs 1×V and the new state; Mat.argmaxRows of the output "
                                    + "values gives the most likely token. Return int[numSteps], without the start "
                                    + "token.",
                            "state = the zero state; token = start; for t below numSteps: feed token; keep the new "
                                    + "state; token = the argmax of the scores; out[t] = token."),
                    "Ex15OneToMany"),
            new Exercise("ex16", "Many-to-one: classification from the last hidden state (多对一)",
                    "docs/applications.md#exercises", List.of(
                            "Run the RNN's recurrence over all the steps but keep no per-step output: only the hidden "
                                    + "state after the last step, which has seen the whole sequence, goes through the "
                                    + "classifier head.",
                            "OneHot.transpose and OneHot.oneHot make one batch×V input per step; start from a constant "
                                    + "batch×H of zeros; each step uses mm, add, addBias and tanh with W_xh, W_hh and "
                                    + "b_h; at the end H_T (batch×H) times W_hc (H×C) plus b_c is batch×C.",
                            "h = zeros; for each step's one-hot input: h = tanh(input·W_xh + h·W_hh + b_h), written "
                                    + "with Ops; after the loop: h·W_hc + b_c, written with Ops."),
                    "Ex16ManyToOne"),
            new Exercise("ex17", "Many-to-many: tagging every step (多对多)",
                    "docs/applications.md#exercises", List.of(
                            "Every step has its own output and its own tag. The outputs come time-major (every "
                                    + "sequence at step 0, then at step 1, …), the tags batch-major, so one of them "
                                    + "must be reordered before they are compared.",
                            "net.forward of x and a zero state for the batch gives outputs of (T·batch)×V: row "
                                    + "t·batch + b is step t of sequence b. Flatten the tags into int[T·batch] in that "
                                    + "order; Ops.crossEntropy of outputs and labels is the mean loss. tag: "
                                    + "Mat.argmaxRows of the output values is int[T·batch]; its entry t·batch + b goes "
                                    + "back to [b][t].",
                            "taggingLoss: labels = int[T·batch]; for each b and t: the label of row (t, b) is "
                                    + "tags[b][t]; return the cross-entropy of the outputs against labels. tag: best = "
                                    + "the argmax of every output row; tags[b][t] = best at row (t, b)."),
                    "Ex17ManyToMany"),
            new Exercise("ex18", "Sampling with a temperature: generation beyond greedy (文本生成)",
                    "docs/applications.md#exercises", List.of(
                            "Instead of always taking the most likely token, draw it at random from the model's "
                                    + "probabilities, made sharper (T < 1) or flatter (T > 1) by dividing the scores "
                                    + "by the temperature T before the softmax. A draw turns one uniform random number "
                                    + "into a token.",
                            "The probabilities are double[V] and sum to 1; subtract the largest score before exp so "
                                    + "that a small T cannot overflow. Use the generator you are given (one "
                                    + "nextDouble() per draw) so that a seed repeats the text: walk the tokens adding "
                                    + "up their probabilities, and the token whose running sum first passes the number "
                                    + "is the draw.",
                            "softmaxWithTemperature: m = the largest score; each p_j = exp of (score − m) over T; "
                                    + "divide each by their sum. sample: p = that; u = one number from the generator; "
                                    + "running = 0; for each j: add p_j to running; if u < running, j is the draw; "
                                    + "after the loop (rounding left u above the sum), the last token whose p_j is not "
                                    + "0."),
                    "Ex18Sampling"));

    /** The exercise with this id ({@code ex07}), if there is one. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
