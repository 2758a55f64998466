package rnnscratch.exercises.progress;

import java.util.List;
import java.util.Optional;

/**
 * The exercises in the notes' order: the one place their titles, docs pages and hints are written down. Teachers edit
 * the hints here. The progress table, {@code target/progress.json} and the watch mode read them from here;
 * {@code CatalogMatchesSolutionsTest} checks them against the solution classes, the stubs and the test classes, and
 * {@code HintsHoldNoAnswersTest} that neither a stub's message nor a first hint gives a line or a call of the answer.
 *
 * <p>Hint levels: 1 is the idea (no code), 2 the method and the shapes (the library calls to use), 3 a skeleton with
 * the key lines left blank ({@code h = ___  // the new state from x and the old h}) — never a line of the solution. A student asks for them with {@code -Dhint=N} or the watch mode's {@code h}.
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
                            "forwardFactors: for each t in 0 … T−1 { factors[t] = ___ / ___; }  // the marginal "
                                    + "of x[0 … t] over that of x[0 … t−1], both from position 0. backwardFactors: for each "
                                    + "t { factors[t] = ___ / ___; }  // the marginal of x[t … T−1] from position t over "
                                    + "that of x[t+1 … T−1] from position t+1. An empty piece has probability 1."),
                    "Ex01SequenceProbability"),
            new Exercise("ex02", "τ-order Markov features from a series (马尔可夫假设)",
                    "docs/sequence-models.md#exercises", List.of(
                            "Slide a window of τ values along the series: each window is one example, and the value "
                                    + "right after it is its label.",
                            "There are L − τ windows for a series of L values. The features are double[L−τ][τ], the "
                                    + "labels double[L−τ][1]; "
                                    + "System.arraycopy copies a window; the result is a new MarkovFeatures of τ, the "
                                    + "features and the labels.",
                            "rows = ___;  // the number of windows. features = a double[rows][τ], labels = a "
                                    + "double[rows][1]; for each i below rows { copy ___ into features[i];  // the τ values "
                                    + "from x[i] on   labels[i][0] = ___;  // the value right after them } and return the "
                                    + "three as a MarkovFeatures."),
                    "Ex02MarkovFeatures"),
            new Exercise("ex03", "k-step-ahead prediction (k步预测)",
                    "docs/sequence-models.md#exercises", List.of(
                            "Start from τ real observations, then let the model read its own predictions: every new "
                                    + "column is predicted from the τ columns before it, so errors compound as k "
                                    + "grows.",
                            "The matrix is double[L−τ−maxSteps+1][τ+maxSteps] for a series of L values. Row r "
                                    + "starts with x[r … r+τ−1]. For a "
                                    + "column i ≥ τ, gather the τ columns before it of every row into one "
                                    + "double[rows][τ] and call net.predict once: it returns double[rows][1]. kStepMse "
                                    + "compares column τ+k−1 of row r with x[r+τ+k−1].",
                            "kStep: rows = ___; copy each row's τ observations into columns 0 … τ−1; for each "
                                    + "column i from τ to τ+maxSteps−1 { windows[r] = ___;  // columns i−τ … i−1 of row r, "
                                    + "for every row   next = ___;  // one call of the model on all the windows   column i "
                                    + "of row r = ___; }. kStepMse: the mean over the rows r of (___ − ___)²  // column "
                                    + "τ+k−1 of row r against the value it predicts"),
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
                            "tokenize: for each line, CHAR → ___ (its code points, each as a String); WORD → ___ "
                                    + "(nothing for a blank line, else the words between runs of white space). vocabTokens: "
                                    + "counts = ___;  // a map that remembers the order of first appearance   count every "
                                    + "token; sort its entries by ___;  // falling count, with a stable sort   the result "
                                    + "is <unk>, then each token seen at least minFreq times (never <unk> twice)."),
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
                            "numTokens = ___;  // ⌊(len − offset − 1) / batchSize⌋ · batchSize   the row length "
                                    + "is numTokens / batchSize; for column = 0, numSteps, 2·numSteps, … while a whole "
                                    + "piece fits in a row { for each row i { start = ___;  // where row i begins, plus "
                                    + "column   x[i] = ___;  // numSteps tokens from start   y[i] = ___; } add the "
                                    + "minibatch of x and y }"),
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
                            "numSubseqs = ___;  starts = the list 0, numSteps, 2·numSteps, … (numSubseqs of "
                                    + "them);  shuffle it ___;  // once, with the generator you are given   for k while "
                                    + "(k+1)·batchSize ≤ numSubseqs { for each row i { start = ___;  // offset, plus the "
                                    + "start at k·batchSize + i   x[i] = numSteps tokens from start; y[i] = ___; } add the "
                                    + "minibatch }"),
                    "Ex06RandomPartitioning"),
            new Exercise("ex07", "One-hot of Xᵀ (独热编码)",
                    "docs/data-processing.md#exercises", List.of(
                            "The RNN walks through time, so it reads the minibatch column by column: transpose it "
                                    + "first, then turn each time step's token ids into rows of zeros with a single 1.",
                            "transpose: int[batch][t] becomes int[t][batch], entry [s][b] is entry [b][s] of x. "
                                    + "oneHot: for each row of Xᵀ, a double[batch][vocabSize] of zeros with a 1.0 in "
                                    + "row b at the column of token b, wrapped in Tensor.constant (inputs need no "
                                    + "gradient).",
                            "transpose: xt = new int[___][___]; for each b and s: xt[s][b] = ___. oneHot: for "
                                    + "each step of xt { m = new double[___][vocabSize]; for each b: m[b][___] = 1.0; add "
                                    + "___ to the list  // m as a constant: inputs need no gradient }"),
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
                            "getParams: wXh = ___;  // a parameter of V×H numbers 0.01·N(0, 1), drawn from rng "
                                    + "first   wHh = ___;  // H×H, drawn second   bH = ___;  // a parameter of 1×H zeros   "
                                    + "wHq = ___;  // H×V, drawn last   bQ = ___;  // 1×V zeros   and all five, in that "
                                    + "order, in an RnnParams. initRnnState: an RnnState of ___  // a constant batch×H of "
                                    + "zeros"),
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
                            "rnnStep: return ___;  // the tanh of (x·W_xh + h·W_hh, plus the bias b_h), each "
                                    + "operation an Op. rnn: h = ___;  // the state you start from   outputs = a new list; "
                                    + "for each x in inputs { h = ___;  // the new state from x and the old h   "
                                    + "outputs.add(___);  // Y_t = H_t·W_hq + b_q from the new h } and return new "
                                    + "Rnn.Output(___, new RnnState(h));  // the outputs stacked time-major"),
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
                            "perplexity: lossSum = 0, n = 0 (a long); for each minibatch i { lossSum += ___; n += "
                                    + "___; } return ___;  // e to the loss per token. perplexityOfProbabilities: sum = "
                                    + "___;  // the sum of −log p over all p   return ___;  // e to the mean"),
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
                            "sum = 0; for each parameter, each row of its gradient, each entry g { sum += ___; } "
                                    + "norm = ___; if (___) { for each parameter, each row and each column j: row[j] *= "
                                    + "___;  // in place, the same factor everywhere } and return the norm measured before."),
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
                            "detachExample: xt = ___;  // a 1×1 parameter holding x   yx = the function y applied "
                                    + "to xt; back-propagate ___;  // f = y·x   gradF = ___;  // ∂f/∂x, read from xt   ___; "
                                    + "// clear xt's gradient: gradients add up   back-propagate ___;  // g = (yx "
                                    + "detached)·x   return {gradF, ___}. stateForMinibatch: if (___) return ___;  // a new "
                                    + "constant zero state   otherwise ___;  // detach the previous state in place   and "
                                    + "return it."),
                    "Ex12Detach"),
            new Exercise("ex13", "The sgd update (小批量随机梯度下降)",
                    "docs/training.md#exercises", List.of(
                            "Move every parameter a small step against its gradient, then forget the gradient, so "
                                    + "that the next minibatch starts from zero.",
                            "p.value() is the very array the model computes with: change its entries, do not replace "
                                    + "it. The step of one entry is lr times its gradient over batchSize; value and "
                                    + "gradient have one shape. p.zeroGrad() clears the gradient.",
                            "for each parameter p { value = p.value(); grad = p.grad();  // the model's own "
                                    + "arrays   for each i and j: value[i][j] ___;  // down by lr times the gradient, over "
                                    + "batchSize   ___;  // then clear p's gradient }"),
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
                            "chars = ___;  // the prefix's code points, each as a String   out = a StringBuilder "
                                    + "holding the prefix; state = ___;  // the zero state of one sequence   last = the id "
                                    + "of the first char; for each later char c { state = ___;  // the state after feeding "
                                    + "last; its output is ignored   last = the id of c; } then numPreds times { o = ___;  "
                                    + "// feed last   state = ___; last = ___;  // the argmax of o's output row   append "
                                    + "the token of last } and return out as a String."),
                    "Ex14PredictCh8"),
            new Exercise("ex15", "One-to-many: generation from one input (一对多)",
                    "docs/applications.md#exercises", List.of(
                            "Greedy generation: feed one token, take the most likely next token and feed that back "
                                    + "in, carrying the hidden state from step to step.",
                            "net.beginState(1) is the zero state of one sequence; each step is one net.forward on an "
                                    + "int[1][1] giving outputs 1×V and the new state; Mat.argmaxRows of the output "
                                    + "values gives the most likely token. Return int[numSteps], without the start "
                                    + "token.",
                            "state = ___;  // the zero state of one sequence   token = start; for t below "
                                    + "numSteps { o = ___;  // feed token, with the state   state = ___; token = ___;  // "
                                    + "the argmax of o's output row   and token is out[t] }"),
                    "Ex15OneToMany"),
            new Exercise("ex16", "Many-to-one: classification from the last hidden state (多对一)",
                    "docs/applications.md#exercises", List.of(
                            "Run the RNN's recurrence over all the steps but keep no per-step output: only the hidden "
                                    + "state after the last step, which has seen the whole sequence, goes through the "
                                    + "classifier head.",
                            "OneHot.transpose and OneHot.oneHot make one batch×V input per step; start from a constant "
                                    + "batch×H of zeros; each step uses mm, add, addBias and tanh with W_xh, W_hh and "
                                    + "b_h; at the end H_T (batch×H) times W_hc (H×C) plus b_c is batch×C.",
                            "h = ___;  // a constant batch×H of zeros   for each step's one-hot input xt (OneHot "
                                    + "of the transposed x) { h = ___;  // tanh(xt·W_xh + h·W_hh + b_h), written with Ops } "
                                    + "and return ___;  // h·W_hc + b_c, written with Ops"),
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
                            "taggingLoss: y = a new int[T·batch]; for each b and t { y[___] = tags[b][t]; }  // "
                                    + "the row of step t of sequence b   return ___;  // the cross-entropy of the outputs, "
                                    + "from a zero state, against y. tag: best = ___;  // the argmax of every output row, "
                                    + "from a zero state   for each b and t: tags[b][t] = best[___];"),
                    "Ex17ManyToMany"),
            new Exercise("ex18", "Sampling with a temperature: generation beyond greedy (文本生成)",
                    "docs/applications.md#exercises", List.of(
                            "Instead of always taking the most likely token, draw it at random from the model's "
                                    + "probabilities, made sharper (κ < 1) or flatter (κ > 1) by dividing the scores "
                                    + "by the temperature κ before the softmax. A draw turns one uniform random number "
                                    + "into a token.",
                            "The probabilities are double[V] and sum to 1; subtract the largest score before exp so "
                                    + "that a small κ cannot overflow. Use the generator you are given (one "
                                    + "nextDouble() per draw) so that a seed repeats the text: walk the tokens adding "
                                    + "up their probabilities, and the token whose running sum first passes the number "
                                    + "is the draw.",
                            "softmaxWithTemperature: max = the largest score; for each j { p[j] = ___;  // exp of "
                                    + "(score − max) over κ   add it to sum } then divide every p[j] by sum. sample: p = "
                                    + "___; u = ___;  // one number from rng   cumulative = 0; for each j { add p[j] to "
                                    + "cumulative; if (___) return j; } and after the loop (rounding left u above the sum), the last token "
                                    + "whose p[j] is not 0."),
                    "Ex18Sampling"),
            new Exercise("ex19", "Backpropagation through time by hand (通过时间反向传播)",
                    "docs/bptt.md#exercises", List.of(
                            "Walk back in time, from the last step to the first. The loss reaches H_t by two roads: "
                                    + "through this step's own output, and through the next step, which used H_t as "
                                    + "its previous state; add what both send back. Each weight is used at every "
                                    + "step, so its gradient is a sum over the steps.",
                            "Ō_t = (softmax(O_t) − onehot(Y_t)) / N is batch×V, with N = T·batch (Mat.softmaxRows, "
                                    + "Mat.oneHot, Mat.sub, Mat.scale). A weight's gradient is (its input)ᵀ·(the "
                                    + "gradient of its output): MatMul.mmTransA; a gradient sent back through a weight "
                                    + "W is ·Wᵀ: MatMul.mmTransB; a bias gets the column sums (Mat.columnSums). tanh's "
                                    + "derivative comes from the saved output: Mat.oneMinusSquare of H_t, multiplied "
                                    + "element-wise (Mat.mul). Add the sums up with Mat.addInPlace. The steps count "
                                    + "from 1: f.X(t), f.O(t), f.Y(t) for t = 1 … T, and f.H(0) is the starting state.",
                            "five gradients = zeros of the parameters' shapes; dA = zeros (batch × H), what step T+1 "
                                    + "sends back; list = empty. for t = T down to 1: dO = ____ (batch × V); W̄_hq += "
                                    + "H_tᵀ·dO and b̄_q += the column sums of dO; dH_t = ____ (two terms: this step's "
                                    + "output, and what step t+1 sends back through W_hh); dA = ____ (tanh's "
                                    + "derivative at step t); W̄_xh += ____; W̄_hh += ____; b̄_h += the column sums of "
                                    + "dA; put dH_t at the front of the list. After the loop: H̄_0 = ____; return the "
                                    + "Gradients."),
                    "Ex19Bptt"),
            new Exercise("ex20", "Learned embeddings instead of one-hot vectors (嵌入表示, d2l 8.5)",
                    "docs/bptt.md#exercises", List.of(
                            "A one-hot row times a matrix picks one row of the matrix, so an embedding can skip the "
                                    + "product and read the row directly. Going back, every looked-up row hands its "
                                    + "gradient to the row of E it came from; a token read twice collects twice.",
                            "lookup: a double[ids.length][d], one row per id, each holding its token's row of E — "
                                    + "a copy, so that an update of E does not change an x already looked up. "
                                    + "lookupBackward: a double[vocabSize][d], E's shape V × d, of zeros at first; "
                                    + "which of its rows does dX's row b belong to, and what must happen when a token "
                                    + "occurs twice?",
                            "lookup: x = an array of ids.length rows; for each b: x[b] = ____; return x. "
                                    + "lookupBackward: dE = zeros, V × d; for each b: for each column j: ____; "
                                    + "return dE."),
                    "Ex20Embedding"),
            new Exercise("ex21", "ReLU instead of tanh (修正线性单元, d2l 8.5)",
                    "docs/bptt.md#exercises", List.of(
                            "Only the activation changes: ReLU keeps a positive pre-activation and cuts a negative "
                                    + "one to 0. Going back, an active unit passes its gradient whole and an inactive "
                                    + "one passes nothing — there is no factor below 1 as tanh's 1 − H².",
                            "rnn is ex09's loop with Ops.relu in place of tanh, which also keeps every step's H_t "
                                    + "(batch × H) in a list: Rnn.Output's three parts are the outputs stacked "
                                    + "time-major, the last state and that list. backOneStep: the mask [H > 0] times "
                                    + "dH is what Mat.maskWherePositive computes (batch × H); the step back through "
                                    + "W_hh multiplies by W_hhᵀ, which MatMul.mmTransB does in one call, with no "
                                    + "transpose of your own.",
                            "rnn: h = ___ /* the state you start from */; outputs, states = new lists; for each x "
                                    + "in inputs { h = ___ /* ex09's step, with ReLU in place of tanh */; "
                                    + "outputs.add(___); states.add(___); } return new Rnn.Output(___, ___, states). "
                                    + "backOneStep: dA = ___ /* dH where the unit was active, 0 elsewhere */; "
                                    + "return ___ /* dA back through W_hh */;"),
                    "Ex21Relu"));

    /** The exercise with this id ({@code ex07}), if there is one. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
