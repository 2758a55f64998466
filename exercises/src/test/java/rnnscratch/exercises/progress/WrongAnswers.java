package rnnscratch.exercises.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.exercises.watch.ExerciseCompiler;
import rnnscratch.exercises.watch.FreshLoader;

/**
 * Plausible wrong answers to every exercise, each written as a change to its reference solution, and the check that
 * the exercise's tests reject each one with a message for the student. Teachers: when a student finds a wrong answer
 * that passes, add it here and a test that rejects it.
 *
 * <p>Run them all (about a minute): {@code mvn -q test-compile exec:java@wrong-answers}; {@code .ci/run} does.
 * {@code WrongAnswersTest} checks a few of them in the default build.
 *
 * <p>Docs: docs/exercises.md
 */
public final class WrongAnswers {
    private WrongAnswers() {}

    /**
     * One wrong answer.
     *
     * @param id    the exercise
     * @param what  the mistake, as a student would make it
     * @param find  a piece of the solution's text (it must occur exactly once)
     * @param write what the student writes instead
     */
    public record WrongAnswer(String id, String what, String find, String write) {}

    /**
     * What the tests said to one wrong answer.
     *
     * @param answer   the wrong answer
     * @param rejected true when at least one of the exercise's tests failed
     * @param sentence the first failing test's sentence
     * @param message  its message for the student
     */
    public record Verdict(WrongAnswer answer, boolean rejected, String sentence, String message) {}

    /** Every wrong answer, by exercise. */
    public static final List<WrongAnswer> ALL = List.of(
            w("ex01", "forgets to divide: the factor is the marginal of the prefix itself",
                    "factors[t] = p.marginal(0, Arrays.copyOfRange(x, 0, t + 1)) / p.marginal(0, Arrays.copyOfRange(x, 0, t));",
                    "factors[t] = p.marginal(0, Arrays.copyOfRange(x, 0, t + 1));"),
            w("ex01", "backwards, reads the suffix's tokens at positions 0, 1, … instead of t, t+1, …",
                    "double withXt = p.marginal(t, Arrays.copyOfRange(x, t, x.length));",
                    "double withXt = p.marginal(0, Arrays.copyOfRange(x, t, x.length));"),
            w("ex01", "stores the backward factors in reverse order", "factors[t] = withXt / after;",
                    "factors[x.length - 1 - t] = withXt / after;"),
            w("ex01", "backwards, conditions on the tokens before x_t instead of those after it",
                    "double withXt = p.marginal(t, Arrays.copyOfRange(x, t, x.length));\n            double after = p.marginal(t + 1, Arrays.copyOfRange(x, t + 1, x.length));",
                    "double withXt = p.marginal(0, Arrays.copyOfRange(x, 0, t + 1));\n            double after = p.marginal(0, Arrays.copyOfRange(x, 0, t));"),
            w("ex01", "forwards, conditions only on the token just before x_t (a first-order Markov chain), not the whole prefix",
                    "factors[t] = p.marginal(0, Arrays.copyOfRange(x, 0, t + 1)) / p.marginal(0, Arrays.copyOfRange(x, 0, t));",
                    "int from = Math.max(0, t - 1);\n            factors[t] = p.marginal(from, Arrays.copyOfRange(x, from, t + 1)) / p.marginal(from, Arrays.copyOfRange(x, from, t));"),
            w("ex01", "forwards, takes the first factor as 1 because x_1 has nothing to condition on",
                    "var factors = new double[x.length];\n        for (int t = 0; t < x.length; t++) {\n            factors[t] = p.marginal(0,",
                    "var factors = new double[x.length];\n        factors[0] = 1;\n        for (int t = 1; t < x.length; t++) {\n            factors[t] = p.marginal(0,"),
            w("ex01", "backwards, reads the tokens after x_t from position t instead of t + 1 in the denominator",
                    "double after = p.marginal(t + 1, Arrays.copyOfRange(x, t + 1, x.length));",
                    "double after = p.marginal(t, Arrays.copyOfRange(x, t + 1, x.length));"),
            w("ex01", "backwards, takes the last factor as 1 because x_T has nothing after it to condition on",
                    "        for (int t = 0; t < x.length; t++) {\n            double withXt",
                    "        factors[x.length - 1] = 1;\n        for (int t = 0; t < x.length - 1; t++) {\n            double withXt"),
            w("ex01", "backwards, reverses the forward factors of the reversed sequence",
                    "        var factors = new double[x.length];\n        for (int t = 0; t < x.length; t++) {\n            double withXt = p.marginal(t, Arrays.copyOfRange(x, t, x.length));\n            double after = p.marginal(t + 1, Arrays.copyOfRange(x, t + 1, x.length));\n            factors[t] = withXt / after;\n        }\n        return factors;",
                    "        var reversed = new int[x.length];\n        for (int t = 0; t < x.length; t++) {\n            reversed[t] = x[x.length - 1 - t];\n        }\n        double[] f = forwardFactors(p, reversed);\n        var factors = new double[x.length];\n        for (int t = 0; t < x.length; t++) {\n            factors[t] = f[x.length - 1 - t];\n        }\n        return factors;"),
            w("ex01", "forwards, reads the prefix in the denominator from position 1 instead of 0",
                    "/ p.marginal(0, Arrays.copyOfRange(x, 0, t));", "/ p.marginal(1, Arrays.copyOfRange(x, 0, t));"),
            w("ex02", "labels each window with its own last value instead of the value after it",
                    "labels[i][0] = x[i + tau];", "labels[i][0] = x[i + tau - 1];"),
            w("ex02", "off by one: drops the last window", "int rows = x.length - tau;",
                    "int rows = x.length - tau - 1;"),
            w("ex02", "copies the first window into every row", "System.arraycopy(x, i, features[i], 0, tau);",
                    "System.arraycopy(x, 0, features[i], 0, tau);"),
            w("ex02", "puts the most recent value first in each window (x_{t−1}, x_{t−2}, …)",
                    "System.arraycopy(x, i, features[i], 0, tau);",
                    "for (int j = 0; j < tau; j++) {\n                features[i][j] = x[i + tau - 1 - j];\n            }"),
            w("ex02", "allocates the features as τ × (L − τ), one column per window",
                    "var features = new double[rows][tau];\n        var labels = new double[rows][1];\n        for (int i = 0; i < rows; i++) {\n            System.arraycopy(x, i, features[i], 0, tau);",
                    "var features = new double[tau][rows];\n        var labels = new double[rows][1];\n        for (int i = 0; i < rows; i++) {\n            for (int j = 0; j < tau; j++) {\n                features[j][i] = x[i + j];\n            }"),
            w("ex02", "gives the labels as one row, double[1][L − τ], instead of a column",
                    "var labels = new double[rows][1];\n        for (int i = 0; i < rows; i++) {\n            System.arraycopy(x, i, features[i], 0, tau);\n            labels[i][0] = x[i + tau];",
                    "var labels = new double[1][rows];\n        for (int i = 0; i < rows; i++) {\n            System.arraycopy(x, i, features[i], 0, tau);\n            labels[0][i] = x[i + tau];"),
            w("ex02", "makes L − τ + 1 windows: the last one has no value after it",
                    "int rows = x.length - tau;",
                    "int rows = x.length - tau + 1;"),
            w("ex02", "reuses one window array for every row, so all rows end up as the last window",
                    "        for (int i = 0; i < rows; i++) {\n            System.arraycopy(x, i, features[i], 0, tau);",
                    "        var window = new double[tau];\n        for (int i = 0; i < rows; i++) {\n            System.arraycopy(x, i, window, 0, tau);\n            features[i] = window;"),
            w("ex02", "cuts x into non-overlapping windows (window i starts at i·τ)",
                    "System.arraycopy(x, i, features[i], 0, tau);\n            labels[i][0] = x[i + tau];",
                    "System.arraycopy(x, i * tau, features[i], 0, tau);\n            labels[i][0] = x[i * tau + tau];"),
            w("ex02", "starts window i at x[i + 1], one value late",
                    "System.arraycopy(x, i, features[i], 0, tau);", "System.arraycopy(x, i + 1, features[i], 0, tau);"),
            w("ex03", "feeds the observations instead of its own predictions (one-step prediction every column)",
                    "System.arraycopy(features[r], i - tau, windows[r], 0, tau);",
                    "System.arraycopy(x, r + i - tau, windows[r], 0, tau);"),
            w("ex03", "returns the root of the mean squared error", "return sum / kStepFeatures.length;",
                    "return Math.sqrt(sum / kStepFeatures.length);"),
            w("ex03", "compares the k-step column with the value one step later",
                    "double d = kStepFeatures[r][tau + k - 1] - x[r + tau + k - 1];",
                    "double d = kStepFeatures[r][tau + k - 1] - x[Math.min(r + tau + k, x.length - 1)];"),
            w("ex03", "reads the τ columns ending at column i (still 0) instead of the τ before it",
                    "System.arraycopy(features[r], i - tau, windows[r], 0, tau);",
                    "System.arraycopy(features[r], i - tau + 1, windows[r], 0, tau);"),
            w("ex03", "stops one column early: the maxSteps-ahead column stays 0",
                    "for (int i = tau; i < tau + maxSteps; i++) {",
                    "for (int i = tau; i < tau + maxSteps - 1; i++) {"),
            w("ex03", "kStepMse reads column k − 1, forgetting the τ observed columns before the predictions",
                    "double d = kStepFeatures[r][tau + k - 1] - x[r + tau + k - 1];",
                    "double d = kStepFeatures[r][k - 1] - x[r + tau + k - 1];"),
            w("ex03", "keeps L − τ rows, forgetting that the last rows have no value maxSteps ahead",
                    "int rows = x.length - tau - maxSteps + 1;",
                    "int rows = x.length - tau;"),
            w("ex03", "kStepMse divides by the length of the series instead of the number of rows",
                    "return sum / kStepFeatures.length;", "return sum / x.length;"),
            w("ex03", "keeps L − τ − maxSteps rows, forgetting the + 1 (drops the last row)",
                    "int rows = x.length - tau - maxSteps + 1;", "int rows = x.length - tau - maxSteps;"),
            w("ex03", "kStepMse compares with x[r + k − 1], forgetting the τ observations before the predicted value",
                    "double d = kStepFeatures[r][tau + k - 1] - x[r + tau + k - 1];",
                    "double d = kStepFeatures[r][tau + k - 1] - x[r + k - 1];"),
            w("ex04", "splits characters into Java chars (an emoji becomes two halves)",
                    "line.codePoints().mapToObj(Character::toString).toList()",
                    "line.chars().mapToObj(c -> String.valueOf((char) c)).toList()"),
            w("ex04", "splits words at single spaces (empty words, tabs kept)",
                    "line.isBlank() ? List.of() : List.of(line.strip().split(\"\\\\s+\"))",
                    "List.of(line.split(\" \"))"),
            w("ex04", "counts in a HashMap, losing the order of first appearance among equal counts",
                    "Map<String, Integer> counts = new LinkedHashMap<>();",
                    "Map<String, Integer> counts = new java.util.HashMap<>();"),
            w("ex04", "keeps only tokens seen more than minFreq times (> for ≥)",
                    "if (e.getValue() >= minFreq && ",
                    "if (e.getValue() > minFreq && "),
            w("ex04", "forgets <unk> at index 0", "idxToToken.add(\"<unk>\");", ""),
            w("ex04", "splits words at runs of white space without stripping the line, so an empty line gives one empty word",
                    "line.isBlank() ? List.of() : List.of(line.strip().split(\"\\\\s+\"))", "List.of(line.split(\"\\\\s+\"))"),
            w("ex04", "breaks ties between equal counts alphabetically instead of by first appearance",
                    "byCount.sort(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed());",
                    "byCount.sort(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed().thenComparing(Map.Entry::getKey));"),
            w("ex05", "forgets the offset", "int start = offset + i * rowLength + column;",
                    "int start = i * rowLength + column;"),
            w("ex05", "keeps one token too many, so y has nothing left at the end",
                    "int numTokens = (corpus.length - offset - 1) / batchSize * batchSize;",
                    "int numTokens = (corpus.length - offset) / batchSize * batchSize;"),
            w("ex05", "deals consecutive pieces to the rows, so rows do not continue",
                    "int start = offset + i * rowLength + column;",
                    "int start = offset + (column / numSteps * batchSize + i) * numSteps;"),
            w("ex05", "stops a piece before the row's end (< for ≤), dropping the last minibatch",
                    "column + numSteps <= rowLength;",
                    "column + numSteps < rowLength;"),
            w("ex05", "makes Y the same tokens as X instead of X one token later",
                    "y[i] = Arrays.copyOfRange(corpus, start + 1, start + 1 + numSteps);",
                    "y[i] = Arrays.copyOfRange(corpus, start, start + numSteps);"),
            w("ex05", "forgets the · batchSize: keeps only ⌊(len − offset − 1) / batchSize⌋ tokens",
                    "int numTokens = (corpus.length - offset - 1) / batchSize * batchSize;",
                    "int numTokens = (corpus.length - offset - 1) / batchSize;"),
            w("ex05", "counts the tokens to keep without subtracting the offset",
                    "int numTokens = (corpus.length - offset - 1) / batchSize * batchSize;",
                    "int numTokens = (corpus.length - 1) / batchSize * batchSize;"),
            w("ex05", "walks the columns one at a time (column++), so minibatches overlap",
                    "column += numSteps) {", "column++) {"),
            w("ex06", "forgets to shuffle", "Collections.shuffle(starts, shuffle);", ""),
            w("ex06", "shuffles with a generator of its own", "Collections.shuffle(starts, shuffle);",
                    "Collections.shuffle(starts);"),
            w("ex06", "forgets the offset", "int start = offset + starts.get(k * batchSize + i);",
                    "int start = starts.get(k * batchSize + i);"),
            w("ex06", "forgets the − 1: counts a last piece that has no label for its last token",
                    "int numSubseqs = (corpus.length - offset - 1) / numSteps;",
                    "int numSubseqs = (corpus.length - offset) / numSteps;"),
            w("ex06", "keeps a last, partial minibatch",
                    "(k + 1) * batchSize <= numSubseqs;",
                    "k * batchSize < numSubseqs;"),
            w("ex06", "takes minibatch k's starts at k + i, so minibatches overlap",
                    "starts.get(k * batchSize + i)",
                    "starts.get(k + i)"),
            w("ex06", "shuffles the finished minibatches instead of the starts",
                    "        Collections.shuffle(starts, shuffle);\n        var batches = new ArrayList<Minibatch>();\n        for (int k = 0; (k + 1) * batchSize <= numSubseqs; k++) {\n            var x = new int[batchSize][];\n            var y = new int[batchSize][];\n            for (int i = 0; i < batchSize; i++) {\n                int start = offset + starts.get(k * batchSize + i);\n                x[i] = Arrays.copyOfRange(corpus, start, start + numSteps);\n                y[i] = Arrays.copyOfRange(corpus, start + 1, start + 1 + numSteps);\n            }\n            batches.add(new Minibatch(x, y));\n        }\n        return batches;",
                    "        var batches = new ArrayList<Minibatch>();\n        for (int k = 0; (k + 1) * batchSize <= numSubseqs; k++) {\n            var x = new int[batchSize][];\n            var y = new int[batchSize][];\n            for (int i = 0; i < batchSize; i++) {\n                int start = offset + starts.get(k * batchSize + i);\n                x[i] = Arrays.copyOfRange(corpus, start, start + numSteps);\n                y[i] = Arrays.copyOfRange(corpus, start + 1, start + 1 + numSteps);\n            }\n            batches.add(new Minibatch(x, y));\n        }\n        Collections.shuffle(batches, shuffle);\n        return batches;"),
            w("ex06", "adds the offset twice: into the list of starts and again when cutting",
                    "starts.add(j * numSteps);", "starts.add(offset + j * numSteps);"),
            w("ex06", "counts the pieces without subtracting the offset",
                    "int numSubseqs = (corpus.length - offset - 1) / numSteps;", "int numSubseqs = (corpus.length - 1) / numSteps;"),
            w("ex07", "copies X instead of transposing it", "var xt = new int[x[0].length][x.length];",
                    "var xt = new int[x[0].length][x.length]; if (xt.length > 0) { return x; }"),
            w("ex07", "makes the inputs parameters (Tensor.param)", "steps.add(Tensor.constant(m));",
                    "steps.add(Tensor.param(m));"),
            w("ex07", "puts the 1 in the wrong row: a V×batch matrix per step",
                    "var m = new double[step.length][vocabSize];\n            for (int b = 0; b < step.length; b++) {\n                m[b][step[b]] = 1.0;",
                    "var m = new double[vocabSize][step.length];\n            for (int b = 0; b < step.length; b++) {\n                m[step[b]][b] = 1.0;"),
            w("ex07", "allocates Xᵀ as int[batch][t] (only a square X works)",
                    "var xt = new int[x[0].length][x.length];",
                    "var xt = new int[x.length][x[0].length];"),
            w("ex07", "allocates one matrix for all steps",
                    "        var steps = new ArrayList<Tensor>();\n        for (int[] step : xt) {\n            var m = new double[step.length][vocabSize];",
                    "        var steps = new ArrayList<Tensor>();\n        var m = new double[xt[0].length][vocabSize];\n        for (int[] step : xt) {"),
            w("ex07", "transposes with both loops bounded by x.length (only a square X works)",
                    "for (int s = 0; s < x[0].length; s++) {", "for (int s = 0; s < x.length; s++) {"),
            w("ex07", "transposes again inside oneHot, though it is given Xᵀ already",
                    "for (int[] step : xt) {", "for (int[] step : transpose(xt)) {"),
            w("ex07", "takes token ids as 1-based: the 1 goes in column token − 1",
                    "m[b][step[b]] = 1.0;", "m[b][step[b] - 1] = 1.0;"),
            w("ex08", "draws W_hq before W_hh",
                    "var wHh = Tensor.param(Mat.randn(numHiddens, numHiddens, 0.01, rng));\n        var bH = Tensor.param(Mat.zeros(1, numHiddens));\n        var wHq = Tensor.param(Mat.randn(numHiddens, vocabSize, 0.01, rng));",
                    "var wHq = Tensor.param(Mat.randn(numHiddens, vocabSize, 0.01, rng));\n        var wHh = Tensor.param(Mat.randn(numHiddens, numHiddens, 0.01, rng));\n        var bH = Tensor.param(Mat.zeros(1, numHiddens));"),
            w("ex08", "draws the biases at random too", "var bH = Tensor.param(Mat.zeros(1, numHiddens));",
                    "var bH = Tensor.param(Mat.randn(1, numHiddens, 0.01, rng));"),
            w("ex08", "makes the zero state a parameter",
                    "return new RnnState(Tensor.constant(Mat.zeros(batchSize, numHiddens)));",
                    "return new RnnState(Tensor.param(Mat.zeros(batchSize, numHiddens)));"),
            w("ex08", "forgets the 0.01 scale", "var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));",
                    "var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 1.0, rng));"),
            w("ex08", "makes the zero state 1×H whatever the batch size", "Mat.zeros(batchSize, numHiddens)",
                    "Mat.zeros(1, numHiddens)"),
            w("ex08", "draws W_hq as V×H, the shape of W_xh",
                    "var wHq = Tensor.param(Mat.randn(numHiddens, vocabSize, 0.01, rng));",
                    "var wHq = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));"),
            w("ex08", "draws the weights from a generator of its own instead of rng",
                    "var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));",
                    "rng = new Random(0);\n        var wXh = Tensor.param(Mat.randn(vocabSize, numHiddens, 0.01, rng));"),
            w("ex08", "makes the zero state H×batch", "Mat.zeros(batchSize, numHiddens)", "Mat.zeros(numHiddens, batchSize)"),
            w("ex09", "forgets the bias b_h",
                    "return tanh(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));",
                    "return tanh(add(mm(x, params.W_xh()), mm(h, params.W_hh())));"),
            w("ex09", "returns the state it was given instead of the last one",
                    "return new Rnn.Output(catRows(outputs), new RnnState(h));",
                    "return new Rnn.Output(catRows(outputs), state);"),
            w("ex09", "squashes the outputs with tanh too",
                    "outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));",
                    "outputs.add(tanh(addBias(mm(h, params.W_hq()), params.b_q())));"),
            w("ex09", "cuts the gradient: computes the outputs from a detached state",
                    "outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));",
                    "outputs.add(addBias(mm(h.detach(), params.W_hq()), params.b_q()));"),
            w("ex09", "does not carry H: every step starts from the initial state",
                    "h = rnnStep(x, h, params);", "h = rnnStep(x, state.H(), params);"),
            w("ex09", "computes the output from the old state, before the step",
                    "            h = rnnStep(x, h, params);\n            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));",
                    "            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));\n            h = rnnStep(x, h, params);"),
            w("ex09", "forgets the bias b_q on the outputs",
                    "outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));", "outputs.add(mm(h, params.W_hq()));"),
            w("ex09", "feeds the first step's input at every step",
                    "h = rnnStep(x, h, params);", "h = rnnStep(inputs.get(0), h, params);"),
            w("ex09", "adds b_h after tanh instead of inside it",
                    "return tanh(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));",
                    "return addBias(tanh(add(mm(x, params.W_xh()), mm(h, params.W_hh()))), params.b_h());"),
            w("ex10", "averages the minibatch means without weighting them by their tokens",
                    "lossSum += meanLosses[i] * tokenCounts[i];\n            n += tokenCounts[i];",
                    "lossSum += meanLosses[i];\n            n += 1;"),
            w("ex10", "forgets the exponential", "return Math.exp(lossSum / n);", "return lossSum / n;"),
            w("ex10", "gets the sign of the log wrong", "sum -= Math.log(p);", "sum += Math.log(p);"),
            w("ex10", "takes base-10 logarithms",
                    "sum -= Math.log(p);",
                    "sum -= Math.log10(p);"),
            w("ex10", "exp of the sum, not of the mean",
                    "return Math.exp(sum / probabilities.length);",
                    "return Math.exp(sum);"),
            w("ex10", "divides the weighted sum by the number of minibatches instead of the number of tokens",
                    "return Math.exp(lossSum / n);", "return Math.exp(lossSum / meanLosses.length);"),
            w("ex10", "averages the minibatches' perplexities instead of their losses",
                    "lossSum += meanLosses[i] * tokenCounts[i];\n            n += tokenCounts[i];\n        }\n        return Math.exp(lossSum / n);",
                    "lossSum += Math.exp(meanLosses[i]) * tokenCounts[i];\n            n += tokenCounts[i];\n        }\n        return lossSum / n;"),
            w("ex10", "weights each minibatch by tokenCounts[i] / total in integer division (0)",
                    "        for (int i = 0; i < meanLosses.length; i++) {\n            lossSum += meanLosses[i] * tokenCounts[i];\n            n += tokenCounts[i];\n        }\n        return Math.exp(lossSum / n);",
                    "        for (int i = 0; i < meanLosses.length; i++) {\n            n += tokenCounts[i];\n        }\n        for (int i = 0; i < meanLosses.length; i++) {\n            lossSum += meanLosses[i] * (tokenCounts[i] / n);\n        }\n        return Math.exp(lossSum);"),
            w("ex10", "writes −(1/n) with integer division: 1 / n is 0",
                    "return Math.exp(sum / probabilities.length);", "return Math.exp((1 / probabilities.length) * sum);"),
            w("ex10", "takes base-2 logarithms but exp to undo them",
                    "sum -= Math.log(p);", "sum -= Math.log(p) / Math.log(2);"),
            w("ex11", "clips every parameter by its own norm",
                    "        double norm = Math.sqrt(sum);\n        if (norm > theta) {\n            for (Tensor p : params) {\n                for (double[] row : p.grad()) {",
                    "        double norm = Math.sqrt(sum);\n        if (norm > theta) {\n            for (Tensor p : params) {\n                double own = Math.sqrt(java.util.Arrays.stream(p.grad()).flatMapToDouble(java.util.Arrays::stream).map(g -> g * g).sum());\n                double norm0 = norm; double normP = own; if (normP <= theta) { continue; }\n                for (double[] row : p.grad()) {"
                            + "\n                    if (normP > 0) { for (int j = 0; j < row.length; j++) { row[j] *= norm0 / normP; } }"),
            w("ex11", "returns the norm after clipping", "return norm;", "return Math.min(norm, theta);"),
            w("ex11", "always scales to θ, also gradients that are shorter", "if (norm > theta) {",
                    "if (norm > 0) {"),
            w("ex11", "forgets the square root: compares Σ grad² with θ",
                    "double norm = Math.sqrt(sum);",
                    "double norm = sum;"),
            w("ex11", "adds up each parameter's own norm instead of taking the norm of all the gradients together",
                    "sum += ofThisParam;\n        }\n        double norm = Math.sqrt(sum);",
                    "sum += Math.sqrt(ofThisParam);\n        }\n        double norm = sum;"),
            w("ex11", "divides by ‖g‖ and forgets θ: the clipped gradient has length 1",
                    "row[j] *= theta / norm;",
                    "row[j] /= norm;"),
            w("ex11", "clips each gradient value to [−θ, θ] instead of scaling by the norm",
                    "row[j] *= theta / norm;",
                    "row[j] = Math.max(-theta, Math.min(theta, row[j]));"),
            w("ex11", "measures the norm of the parameters' values instead of their gradients",
                    "for (double[] row : p.grad()) {\n                for (double g : row) {",
                    "for (double[] row : p.value()) {\n                for (double g : row) {"),
            w("ex11", "scales by ‖g‖/θ instead of θ/‖g‖", "row[j] *= theta / norm;", "row[j] *= norm / theta;"),
            w("ex11", "measures the norm as the sum of absolute values (L1) instead of the square root of the sum of squares",
                    "ofThisParam += g * g;\n                }\n            }\n            sum += ofThisParam;\n        }\n        double norm = Math.sqrt(sum);",
                    "ofThisParam += Math.abs(g);\n                }\n            }\n            sum += ofThisParam;\n        }\n        double norm = sum;"),
            w("ex11", "scales a copy of each gradient, so p.grad() stays as it was",
                    "                for (double[] row : p.grad()) {\n                    for (int j = 0; j < row.length; j++) {\n                        row[j] *= theta / norm;",
                    "                for (double[] original : p.grad()) {\n                    double[] row = original.clone();\n                    for (int j = 0; j < row.length; j++) {\n                        row[j] *= theta / norm;"),
            w("ex11", "returns the sum of squares, not its square root", "return norm;", "return sum;"),
            w("ex12", "returns the notes' closed form instead of back-propagating",
                    "Tensor xt = Tensor.param(new double[][] {{x}});",
                    "if (x == x) { return new double[] {3 * x * x, x * x}; }\n        Tensor xt = Tensor.param(new double[][] {{x}});"),
            w("ex12", "forgets to clear the gradient between the two backward passes", "xt.zeroGrad();", ""),
            w("ex12", "detaches x instead of y in g", "mul(yx.detach(), xt).backward();",
                    "mul(yx, xt.detach()).backward();"),
            w("ex12", "always starts a minibatch from zeros, also a sequential one",
                    "if (previous.isEmpty() || useRandomIter) {", "if (true) {"),
            w("ex12", "makes the zero state a parameter",
                    "return new RnnState(Tensor.constant(Mat.zeros(batchSize, numHiddens)));",
                    "return new RnnState(Tensor.param(Mat.zeros(batchSize, numHiddens)));"),
            w("ex12", "keeps the sequential state without detaching it", "previous.get().detachInPlace();", ""),
            w("ex12", "keeps the state also for random minibatches", "if (previous.isEmpty() || useRandomIter) {",
                    "if (previous.isEmpty()) {"),
            w("ex12", "builds y = x·x as in the notes instead of the y it is given",
                    "Tensor yx = y.apply(xt);", "Tensor yx = mul(xt, xt);"),
            w("ex12", "starts from zeros only when there is no previous state AND minibatches are random (&& for ||)",
                    "if (previous.isEmpty() || useRandomIter) {", "if (previous.isEmpty() && useRandomIter) {"),
            w("ex12", "keeps the array xt.grad() as ∂f/∂x instead of its number, so zeroGrad and the second pass overwrite it",
                    "        double gradF = xt.grad()[0][0];\n        xt.zeroGrad();\n        mul(yx.detach(), xt).backward();\n        return new double[] {gradF, xt.grad()[0][0]};",
                    "        double[][] gradF = xt.grad();\n        xt.zeroGrad();\n        mul(yx.detach(), xt).backward();\n        return new double[] {gradF[0][0], xt.grad()[0][0]};"),
            w("ex13", "updates a copy of the values", "double[][] value = p.value();",
                    "double[][] value = java.util.Arrays.stream(p.value()).map(double[]::clone).toArray(double[][]::new);"),
            w("ex13", "forgets to clear the gradient", "p.zeroGrad();", ""),
            w("ex13", "forgets to divide by batchSize", "value[i][j] -= lr * grad[i][j] / batchSize;",
                    "value[i][j] -= lr * grad[i][j];"),
            w("ex13", "clears the gradient before the update",
                    "            double[][] value = p.value();",
                    "            p.zeroGrad();\n            double[][] value = p.value();"),
            w("ex13", "steps up the gradient (+= for −=)", "value[i][j] -= lr * grad[i][j] / batchSize;",
                    "value[i][j] += lr * grad[i][j] / batchSize;"),
            w("ex13", "divides with integer arithmetic: (1 / batchSize) is 0 for batchSize > 1",
                    "value[i][j] -= lr * grad[i][j] / batchSize;", "value[i][j] -= (1 / batchSize) * lr * grad[i][j];"),
            w("ex13", "bounds the inner loop by value.length (only a square parameter is updated in full)",
                    "for (int j = 0; j < value[i].length; j++) {", "for (int j = 0; j < value.length; j++) {"),
            w("ex13", "clears the gradient by pointing a local variable at a new array, so p.grad() keeps its values",
                    "            p.zeroGrad();\n", "            grad = new double[grad.length][grad[0].length];\n"),
            w("ex14", "walks the prefix by Java chars (toCharArray), splitting 🙂 in two",
                    "List<String> chars = prefix.codePoints().mapToObj(Character::toString).toList();",
                    "List<String> chars = new String(prefix.toCharArray()).chars().mapToObj(c -> String.valueOf((char) c)).toList();"),
            w("ex14", "feeds the whole prefix in the warm-up, then the last character again",
                    "for (String c : chars.subList(1, chars.size())) {\n            state = net.forward(new int[][] {{last}}, state).state();\n            last = vocab.indexOf(c);",
                    "for (String c : chars) {\n            last = vocab.indexOf(c);\n            state = net.forward(new int[][] {{last}}, state).state();"),
            w("ex14", "forgets to carry the state through the predictions",
                    "Rnn.Output o = net.forward(new int[][] {{last}}, state);\n            state = o.state();",
                    "Rnn.Output o = net.forward(new int[][] {{last}}, state);"),
            w("ex14", "skips the warm-up: predicts from the last prefix character and a zero state",
                    "        int last = vocab.indexOf(chars.get(0));\n        for (String c : chars.subList(1, chars.size())) {\n            state = net.forward(new int[][] {{last}}, state).state();\n            last = vocab.indexOf(c);\n        }",
                    "        int last = vocab.indexOf(chars.get(chars.size() - 1));"),
            w("ex14", "rebuilds the prefix from ids, as the book's join does, so an unknown character becomes <unk>",
                    "var out = new StringBuilder(prefix);",
                    "var out = new StringBuilder();\n        chars.forEach(c -> out.append(vocab.tokenAt(vocab.indexOf(c))));"),
            w("ex14", "returns the predicted characters without the prefix", "var out = new StringBuilder(prefix);",
                    "var out = new StringBuilder();"),
            w("ex14", "feeds its own predictions in the warm-up instead of the prefix's characters",
                    "            state = net.forward(new int[][] {{last}}, state).state();\n            last = vocab.indexOf(c);",
                    "            Rnn.Output o = net.forward(new int[][] {{last}}, state);\n            state = o.state();\n            last = c.isEmpty() ? 0 : Mat.argmaxRows(o.outputs().value())[0];"),
            w("ex14", "appends the character it feeds instead of the one predicted",
                    "            last = Mat.argmaxRows(o.outputs().value())[0];\n            out.append(vocab.tokenAt(last));",
                    "            out.append(vocab.tokenAt(last));\n            last = Mat.argmaxRows(o.outputs().value())[0];"),
            w("ex14", "predicts numPreds + 1 characters (≤ for <)", "for (int i = 0; i < numPreds; i++) {",
                    "for (int i = 0; i <= numPreds; i++) {"),
            w("ex15", "returns the inputs, starting with the start token",
                    "token = Mat.argmaxRows(o.outputs().value())[0];\n            out[t] = token;",
                    "out[t] = token;\n            token = Mat.argmaxRows(o.outputs().value())[0];"),
            w("ex15", "starts every step from a zero state", "state = o.state();", "state = net.beginState(1);"),
            w("ex15", "feeds the start token at every step",
                    "Rnn.Output o = net.forward(new int[][] {{token}}, state);",
                    "Rnn.Output o = net.forward(new int[][] {{start}}, state);"),
            w("ex15", "starts the result with the start token itself",
                    "int token = start;\n        for (int t = 0; t < numSteps; t++) {",
                    "int token = start;\n        if (numSteps > 0) {\n            out[0] = start;\n        }\n        for (int t = 1; t < numSteps; t++) {"),
            w("ex15", "takes the argmax of the hidden state instead of the output scores",
                    "token = Mat.argmaxRows(o.outputs().value())[0];",
                    "token = Mat.argmaxRows(o.state().H().value())[0];"),
            w("ex15", "stops one step early: the last token stays 0",
                    "for (int t = 0; t < numSteps; t++) {",
                    "for (int t = 0; t < numSteps - 1; t++) {"),
            w("ex15", "warms up on the start token as predictCh8 does with a prefix, then feeds it again",
                    "int token = start;",
                    "state = net.forward(new int[][] {{start}}, state).state();\n        int token = start;"),
            w("ex15", "starts from a state of numSteps rows instead of one sequence",
                    "RnnState state = net.beginState(1);",
                    "RnnState state = net.beginState(numSteps);"),
            w("ex16", "classifies from the first hidden state",
                    "h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));",
                    "h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h())); if (h != null) { break; }"),
            w("ex16", "forgets the recurrence: every step starts from zeros",
                    "mm(h, m.W_hh())", "mm(Tensor.constant(Mat.zeros(x.length, m.numHiddens())), m.W_hh())"),
            w("ex16", "computes the head on plain arrays, so no gradient reaches the parameters",
                    "return addBias(mm(h, m.W_hc()), m.b_c());",
                    "return Tensor.constant(Mat.addRowVector(rnnscratch.tensor.MatMul.mm(h.value(), m.W_hc().value()), m.b_c().value()));"),
            w("ex16", "squashes the logits with tanh too",
                    "return addBias(mm(h, m.W_hc()), m.b_c());",
                    "return tanh(addBias(mm(h, m.W_hc()), m.b_c()));"),
            w("ex16", "classifies from the mean of all hidden states instead of the last one",
                    "        for (Tensor xt : OneHot.oneHot(OneHot.transpose(x), m.vocabSize())) {\n            h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));\n        }\n        return addBias(mm(h, m.W_hc()), m.b_c());",
                    "        Tensor total = Tensor.constant(Mat.zeros(x.length, m.numHiddens()));\n        for (Tensor xt : OneHot.oneHot(OneHot.transpose(x), m.vocabSize())) {\n            h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));\n            total = add(total, h);\n        }\n        return addBias(mm(scale(total, 1.0 / x[0].length), m.W_hc()), m.b_c());"),
            w("ex16", "one-hot encodes x batch-major, not its transpose: one matrix per sequence instead of per time step",
                    "OneHot.oneHot(OneHot.transpose(x), m.vocabSize())",
                    "OneHot.oneHot(x, m.vocabSize())"),
            w("ex16", "stops one step early: classifies from H_{T−1}",
                    "for (Tensor xt : OneHot.oneHot(OneHot.transpose(x), m.vocabSize())) {",
                    "var steps = OneHot.oneHot(OneHot.transpose(x), m.vocabSize());\n        for (Tensor xt : steps.subList(0, steps.size() - 1)) {"),
            w("ex16", "leaves out tanh in the recurrence",
                    "h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));",
                    "h = addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h());"),
            w("ex16", "forgets b_h in the recurrence",
                    "h = tanh(addBias(add(mm(xt, m.W_xh()), mm(h, m.W_hh())), m.b_h()));",
                    "h = tanh(add(mm(xt, m.W_xh()), mm(h, m.W_hh())));"),
            w("ex16", "forgets b_c on the logits",
                    "return addBias(mm(h, m.W_hc()), m.b_c());",
                    "return mm(h, m.W_hc());"),
            w("ex16", "starts from a zero state of T rows (x[0].length) instead of batch rows",
                    "Tensor h = Tensor.constant(Mat.zeros(x.length, m.numHiddens()));",
                    "Tensor h = Tensor.constant(Mat.zeros(x[0].length, m.numHiddens()));"),
            w("ex17", "flattens the tags batch-major", "y[t * batch + b] = tags[b][t];",
                    "y[b * steps + t] = tags[b][t];"),
            w("ex17", "reads the predicted tags batch-major", "tags[b][t] = best[t * batch + b];",
                    "tags[b][t] = best[b * steps + t];"),
            w("ex17", "scores every step against the token itself instead of its tag",
                    "y[t * batch + b] = tags[b][t];", "y[t * batch + b] = x[b][t];"),
            w("ex17", "tags each step on its own from a zero state, so the tagger forgets the steps before",
                    "int[] best = Mat.argmaxRows(net.forward(x, net.beginState(batch)).outputs().value());",
                    "var best = new int[steps * batch];\n        for (int t = 0; t < steps; t++) {\n            var column = new int[batch][1];\n            for (int b = 0; b < batch; b++) {\n                column[b][0] = x[b][t];\n            }\n            int[] bt = Mat.argmaxRows(net.forward(column, net.beginState(batch)).outputs().value());\n            for (int b = 0; b < batch; b++) {\n                best[t * batch + b] = bt[b];\n            }\n        }"),
            w("ex17", "flattens the tags with stride T instead of batch: row t·T + b",
                    "y[t * batch + b] = tags[b][t];",
                    "y[t * steps + b] = tags[b][t];"),
            w("ex17", "returns the tags time-major, int[T][batch]",
                    "var tags = new int[batch][steps];\n        for (int b = 0; b < batch; b++) {\n            for (int t = 0; t < steps; t++) {\n                tags[b][t] = best[t * batch + b];",
                    "var tags = new int[steps][batch];\n        for (int b = 0; b < batch; b++) {\n            for (int t = 0; t < steps; t++) {\n                tags[t][b] = best[t * batch + b];"),
            w("ex17", "sums the loss over the steps and averages over the batch only (T times the mean)",
                    "return crossEntropy(net.forward(x, net.beginState(batch)).outputs(), y);",
                    "return scale(crossEntropy(net.forward(x, net.beginState(batch)).outputs(), y), steps);"),
            w("ex17", "swaps batch and steps: batch = x[0].length, T = x.length",
                    "int batch = x.length;\n        int steps = x[0].length;\n        var y",
                    "int batch = x[0].length;\n        int steps = x.length;\n        var y"),
            w("ex18", "divides the probabilities by T after the softmax instead of the scores before it",
                    "p[j] = Math.exp((logits[j] - max) / temperature);", "p[j] = Math.exp(logits[j] - max) / temperature;"),
            w("ex18", "forgets to subtract the largest score: exp overflows at a small temperature",
                    "p[j] = Math.exp((logits[j] - max) / temperature);", "p[j] = Math.exp(logits[j] / temperature);"),
            w("ex18", "draws with a generator of its own instead of the one given",
                    "double u = rng.nextDouble();", "double u = new Random().nextDouble();"),
            w("ex18", "takes the greedy choice instead of drawing",
                    "if (u < cumulative) {", "if (p[j] == java.util.Arrays.stream(p).max().getAsDouble()) {"),
            w("ex18", "multiplies the scores by T instead of dividing them",
                    "p[j] = Math.exp((logits[j] - max) / temperature);",
                    "p[j] = Math.exp((logits[j] - max) * temperature);"),
            w("ex19", "leaves out tanh's derivative: Ā_t = H̄_t, without the factor diag(1 − H_t²)",
                    "dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));", "dA = dHt;"),
            w("ex19", "forgets what the next step sends back: H̄_t from its own output only",
                    "double[][] dHt = Mat.add(MatMul.mmTransB(dO, W_hq), MatMul.mmTransB(dA, W_hh));",
                    "double[][] dHt = MatMul.mmTransB(dO, W_hq);"),
            w("ex19", "sends the gradient back through W_hh instead of W_hhᵀ",
                    "double[][] dHt = Mat.add(MatMul.mmTransB(dO, W_hq), MatMul.mmTransB(dA, W_hh));",
                    "double[][] dHt = Mat.add(MatMul.mmTransB(dO, W_hq), MatMul.mm(dA, W_hh));"),
            w("ex19", "pairs step t's Ā_t with H_t instead of the state before it, H_{t−1}, in W_hh's gradient",
                    "Mat.addInPlace(dW_hh, MatMul.mmTransA(f.H(t - 1), dA));",
                    "Mat.addInPlace(dW_hh, MatMul.mmTransA(f.H(t), dA));"),
            w("ex19", "forgets that the loss is a mean over N = T·batch predictions", "Mat.oneHot(f.Y(t), V)), 1 / N);",
                    "Mat.oneHot(f.Y(t), V)), 1.0);"),
            w("ex19", "lists ∂ℓ/∂H_t from the last step to the first", "dH.add(0, dHt);", "dH.add(dHt);"),
            w("ex19", "takes tanh's derivative at the previous state H_{t−1}",
                    "dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));", "dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t - 1)));"),
            w("ex19", "takes W_hh's gradient transposed: Ā_tᵀ·H_{t−1} instead of H_{t−1}ᵀ·Ā_t",
                    "Mat.addInPlace(dW_hh, MatMul.mmTransA(f.H(t - 1), dA));",
                    "Mat.addInPlace(dW_hh, MatMul.mmTransA(dA, f.H(t - 1)));"),
            w("ex19", "takes W_hq's gradient as Ōᵀ·H (V × H)",
                    "Mat.addInPlace(dW_hq, MatMul.mmTransA(f.H(t), dO));",
                    "Mat.addInPlace(dW_hq, MatMul.mmTransA(dO, f.H(t)));"),
            w("ex19", "forgets the softmax: Ō_t = (O_t − onehot(Y_t))/N",
                    "Mat.sub(Mat.softmaxRows(f.O(t)), ",
                    "Mat.sub(f.O(t), "),
            w("ex19", "sums H̄_t instead of Ā_t into b_h's gradient",
                    "Mat.addInPlace(db_h, Mat.columnSums(dA));",
                    "Mat.addInPlace(db_h, Mat.columnSums(dHt));"),
            w("ex19", "pairs Ō_t with the state before it, H_{t−1}, in W_hq's gradient",
                    "Mat.addInPlace(dW_hq, MatMul.mmTransA(f.H(t), dO));",
                    "Mat.addInPlace(dW_hq, MatMul.mmTransA(f.H(t - 1), dO));"),
            w("ex19", "averages over the T steps only, not over N = T·batch predictions",
                    "double N = T * f.batch();",
                    "double N = T;"),
            w("ex19", "averages over the batch only, not over N = T·batch predictions",
                    "double N = T * f.batch();",
                    "double N = f.batch();"),
            w("ex19", "sends ∂ℓ/∂H_0 back through W_hh instead of W_hhᵀ",
                    "double[][] dH0 = MatMul.mmTransB(dA, W_hh);",
                    "double[][] dH0 = MatMul.mm(dA, W_hh);"),
            w("ex19", "takes ∂ℓ/∂H_0 as Ā_1, forgetting the step back through W_hh",
                    "double[][] dH0 = MatMul.mmTransB(dA, W_hh);",
                    "double[][] dH0 = dA;"),
            w("ex19", "pairs X_{t} with Ā_{t+1} in W_xh's gradient (uses the previous iteration's Ā)",
                    "            dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));\n            Mat.addInPlace(dW_xh, MatMul.mmTransA(f.X(t), dA));",
                    "            Mat.addInPlace(dW_xh, MatMul.mmTransA(f.X(t), dA));\n            dA = Mat.mul(dHt, Mat.oneMinusSquare(f.H(t)));"),
            w("ex20", "overwrites instead of adding: a token read twice keeps only its last row's gradient",
                    "row[j] += dX[b][j];", "row[j] = dX[b][j];"),
            w("ex20", "hands back the embedding's rows themselves, not copies", "x[b] = E[ids[b]].clone();",
                    "x[b] = E[ids[b]];"),
            w("ex20", "adds row b of the gradient into row b of ∂ℓ/∂E instead of the row of token ids[b]",
                    "double[] row = dE[ids[b]];", "double[] row = dE[b % vocabSize];"),
            w("ex20", "allocates ∂ℓ/∂E with X's shape (batch × d) instead of E's (V × d)",
                    "var dE = new double[vocabSize][dX[0].length];",
                    "var dE = new double[ids.length][dX[0].length];"),
            w("ex20", "looks up again in the backward pass: row b of ∂ℓ/∂E gets row ids[b] of ∂ℓ/∂X",
                    "double[] row = dE[ids[b]];\n            for (int j = 0; j < row.length; j++) {\n                row[j] += dX[b][j];",
                    "double[] row = dE[b];\n            for (int j = 0; j < row.length; j++) {\n                row[j] += dX[ids[b]][j];"),
            w("ex20", "averages the rows of a token read twice instead of adding them",
                    "        return dE;\n        // END SOLUTION",
                    "        var reads = new int[vocabSize];\n        for (int id : ids) {\n            reads[id]++;\n        }\n        for (int v = 0; v < vocabSize; v++) {\n            for (int j = 0; j < dE[v].length; j++) {\n                dE[v][j] /= Math.max(1, reads[v]);\n            }\n        }\n        return dE;\n        // END SOLUTION"),
            w("ex20", "reads row b of E instead of row ids[b]",
                    "x[b] = E[ids[b]].clone();",
                    "x[b] = E[b].clone();"),
            w("ex20", "copies V numbers of the row instead of d",
                    "x[b] = E[ids[b]].clone();",
                    "x[b] = java.util.Arrays.copyOf(E[ids[b]], E.length);"),
            w("ex20", "sizes ∂ℓ/∂E by the largest id read instead of V",
                    "var dE = new double[vocabSize][dX[0].length];",
                    "var dE = new double[java.util.Arrays.stream(ids).max().getAsInt() + 1][dX[0].length];"),
            w("ex20", "gives row ids[b] of ∂ℓ/∂E the row of ∂ℓ/∂X itself (aliased, overwritten)",
                    "            double[] row = dE[ids[b]];\n            for (int j = 0; j < row.length; j++) {\n                row[j] += dX[b][j];\n            }",
                    "            dE[ids[b]] = dX[b];"),
            w("ex21", "keeps tanh", "h = relu(addBias(", "h = rnnscratch.autograd.Ops.tanh(addBias("),
            w("ex21", "returns no hidden states, so the report has no gradients through time",
                    "return new Rnn.Output(catRows(outputs), new RnnState(h), states);",
                    "return new Rnn.Output(catRows(outputs), new RnnState(h));"),
            w("ex21", "steps back with tanh's factor 1 − H² instead of ReLU's [H > 0]",
                    "double[][] dA = Mat.maskWherePositive(dH, H);", "double[][] dA = Mat.mul(dH, Mat.oneMinusSquare(H));"),
            w("ex21", "forgets the mask: inactive units pass their gradient too",
                    "double[][] dA = Mat.maskWherePositive(dH, H);", "double[][] dA = dH;"),
            w("ex21", "steps back through W_hh instead of W_hhᵀ", "return MatMul.mmTransB(dA, W_hh);",
                    "return MatMul.mm(dA, W_hh);"),
            w("ex21", "masks dH in place: the caller's ∂ℓ/∂H_t is changed",
                    "double[][] dA = Mat.maskWherePositive(dH, H);",
                    "for (int i = 0; i < dH.length; i++) {\n            for (int j = 0; j < dH[i].length; j++) {\n                if (H[i][j] <= 0) {\n                    dH[i][j] = 0;\n                }\n            }\n        }\n        double[][] dA = dH;"),
            w("ex21", "keeps units with H ≥ 0, so an inactive unit (H = 0) passes its gradient",
                    "double[][] dA = Mat.maskWherePositive(dH, H);",
                    "double[][] dA = new double[dH.length][dH[0].length];\n        for (int i = 0; i < dH.length; i++) {\n            for (int j = 0; j < dH[i].length; j++) {\n                dA[i][j] = H[i][j] >= 0 ? dH[i][j] : 0;\n            }\n        }"),
            w("ex21", "applies ReLU to the gradient instead of masking it by the state",
                    "double[][] dA = Mat.maskWherePositive(dH, H);",
                    "double[][] dA = Mat.relu(dH);"),
            w("ex21", "records H_{t−1} instead of H_t in the list of hidden states",
                    "            h = relu(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));\n            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));\n            states.add(h);",
                    "            states.add(h);\n            h = relu(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));\n            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));"),
            w("ex21", "computes Y_t from the state before the step, H_{t−1}",
                    "            h = relu(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));\n            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));",
                    "            outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));\n            h = relu(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));"),
            w("ex21", "applies ReLU to the outputs too",
                    "outputs.add(addBias(mm(h, params.W_hq()), params.b_q()));",
                    "outputs.add(relu(addBias(mm(h, params.W_hq()), params.b_q())));"),
            w("ex21", "forgets b_h",
                    "h = relu(addBias(add(mm(x, params.W_xh()), mm(h, params.W_hh())), params.b_h()));",
                    "h = relu(add(mm(x, params.W_xh()), mm(h, params.W_hh())));"),
            w("ex18", "when rounding leaves u above the sum, returns the last token even if its probability is 0",
                    "return last; // rounding left u above the last sum: the last token that can be drawn",
                    "return p.length - 1;"),
            w("ex18", "takes the first j whose cumulative probability reaches u (≤), so u = 0 draws a token of "
                    + "probability 0", "if (u < cumulative) {", "if (u <= cumulative) {"),
            w("ex18", "starts the largest score at 0: scores all below 0 at a small temperature give 0/0",
                    "double max = Double.NEGATIVE_INFINITY;", "double max = 0;"),
            w("ex18", "scales the scores in place: the caller's logits are changed",
                    "p[j] = Math.exp((logits[j] - max) / temperature);",
                    "logits[j] = (logits[j] - max) / temperature;\n            p[j] = Math.exp(logits[j]);"),
            w("ex18", "compares u with each probability on its own instead of the running sum",
                    "if (u < cumulative) {",
                    "if (u < p[j]) {"),
            w("ex18", "draws a uniform token with rng.nextInt, ignoring the probabilities",
                    "double u = rng.nextDouble();",
                    "if (p.length > 0) {\n            return rng.nextInt(p.length);\n        }\n        double u = rng.nextDouble();"),
            w("ex18", "forgets to normalise: returns exp(o/κ) without dividing by the sum",
                    "        for (int j = 0; j < p.length; j++) {\n            p[j] /= sum;\n        }",
                    ""),
            w("ex18", "subtracts the largest score after dividing the scores by κ, not before",
                    "p[j] = Math.exp((logits[j] - max) / temperature);",
                    "p[j] = Math.exp(logits[j] / temperature - max);"));

    private static WrongAnswer w(String id, String what, String find, String write) {
        return new WrongAnswer(id, what, find, write);
    }

    /**
     * Compiles one wrong answer into {@code scratch} and runs its exercise's tests on it.
     *
     * @param root        the repository root
     * @param classes     the library's classes, to compile against
     * @param testClasses the compiled exercise tests
     * @throws IllegalStateException when the wrong answer no longer applies to the solution or does not compile
     */
    public static Verdict check(WrongAnswer w, Path root, Path classes, Path testClasses, Path scratch)
            throws IOException {
        var e = ExerciseCatalog.byId(w.id()).orElseThrow();
        // a Windows checkout (CRLF) holds the same text; the finds of several lines are written with \n
        String solution = Files.readString(root.resolve(e.solutionPath()), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        int at = solution.indexOf(w.find());
        if (at < 0 || solution.indexOf(w.find(), at + 1) >= 0) {
            throw new IllegalStateException(e.id() + " \"" + w.what() + "\": the text to replace occurs "
                    + (at < 0 ? "nowhere" : "more than once") + " in " + e.solutionPath());
        }
        Path src = scratch.resolve("src").resolve(e.className() + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, solution.substring(0, at) + w.write() + solution.substring(at + w.find().length()),
                StandardCharsets.UTF_8);
        Path out = scratch.resolve("classes");
        var compiled = new ExerciseCompiler(out, List.of(classes)).compile(List.of(src));
        if (!compiled.ok()) {
            throw new IllegalStateException(e.id() + " \"" + w.what() + "\" does not compile:\n"
                    + String.join("\n", compiled.errors()));
        }
        var outcome = ExerciseRun.run(new FreshLoader(List.of(out, testClasses), WrongAnswers.class.getClassLoader()),
                List.of(e));
        var first = outcome.firstFailure(e);
        return new Verdict(w, !outcome.passes(e), first.map(Failure::sentence).orElse(""),
                first.map(f -> f.message() + (f.details().isEmpty() ? "" : " | " + f.details().get(0))).orElse(""));
    }

    /**
     * Checks every wrong answer and prints the list: exercise, wrong answer, the test that rejects it and its message.
     * An entry that no longer applies to its solution or does not compile is listed as BROKEN, with the reason, and
     * the run goes on, so that a teacher sees every entry to fix in one run.
     *
     * @param args {@code root=}, {@code classes=}, {@code testClasses=}, {@code scratch=} (as the watch mode's)
     * @throws IllegalStateException naming the wrong answers no test rejects and the broken entries
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(StudentRun.arg(args, "root", ".")).toAbsolutePath();
        Path classes = Path.of(StudentRun.arg(args, "classes", "target/classes"));
        Path testClasses = Path.of(StudentRun.arg(args, "testClasses", "target/test-classes"));
        Path scratch = Path.of(StudentRun.arg(args, "scratch", "target/wrong-answers"));
        System.setProperty("exercises.mode", "student");
        var passed = new ArrayList<String>();
        var broken = new ArrayList<String>();
        int n = 0;
        for (var w : ALL) {
            Verdict v;
            try {
                v = check(w, root, classes, testClasses, scratch.resolve(String.valueOf(n++)));
            } catch (IllegalStateException e) {
                System.out.println("BROKEN    " + w.id() + "  " + w.what());
                System.out.println("          " + e.getMessage().replace("\n", "\n          "));
                broken.add(e.getMessage().lines().findFirst().orElse(w.id() + " " + w.what()));
                continue;
            }
            System.out.println((v.rejected() ? "rejected  " : "PASSES    ") + w.id() + "  " + w.what());
            if (v.rejected()) {
                System.out.println("          by \"" + v.sentence() + "\": " + v.message());
            } else {
                passed.add(w.id() + " " + w.what());
            }
        }
        System.out.println(summary(ALL.size(), passed.size(), broken.size()));
        if (!passed.isEmpty() || !broken.isEmpty()) {
            var lines = new ArrayList<String>();
            passed.forEach(p -> lines.add("passes its exercise's tests: " + p));
            broken.forEach(b -> lines.add("broken (fix the entry in WrongAnswers): " + b));
            throw new IllegalStateException("wrong answers to look at:\n  " + String.join("\n  ", lines));
        }
    }

    /** The run's last line: {@code "207 of 207 wrong answers rejected"}, and how many entries were broken, if any. */
    static String summary(int all, int passed, int broken) {
        return (all - passed - broken) + " of " + all + " wrong answers rejected"
                + (broken == 0 ? "" : "; " + broken + " broken entr" + (broken == 1 ? "y" : "ies")
                        + " could not be checked (BROKEN above)");
    }
}
