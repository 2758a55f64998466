package rnnscratch.exercises.yourrnn;

import static rnnscratch.exercises.yourrnn.Guards.call;
import static rnnscratch.exercises.yourrnn.Guards.exercise;
import static rnnscratch.exercises.yourrnn.Guards.requireFinite;
import static rnnscratch.exercises.yourrnn.Guards.requireParamsFinite;
import static rnnscratch.exercises.yourrnn.Guards.requireShape;
import static rnnscratch.exercises.yourrnn.Guards.run;

import java.util.List;
import java.util.Set;
import rnnscratch.autograd.Tensor;
import rnnscratch.exercises.Ex07OneHot;
import rnnscratch.exercises.Ex08GetParams;
import rnnscratch.exercises.Ex09RnnStep;
import rnnscratch.exercises.Ex10Perplexity;
import rnnscratch.exercises.Ex11GradClipping;
import rnnscratch.exercises.Ex12Detach;
import rnnscratch.exercises.Ex13Sgd;
import rnnscratch.exercises.Ex14PredictCh8;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.train.Ch8Functions;
import rnnscratch.train.GradClipping;

/**
 * The functions of the book's training code ({@link Ch8Functions}) with a student's answers plugged in for the given
 * exercises (ex07 … ex14) and the library's everywhere else. Every student function is guarded ({@link Guards}): an
 * exception, a wrong shape or a number that is not finite stops the run with one line naming the exercise.
 *
 * <p>With every part the student's and correct — {@code solutions/} in place — training is bit for bit the
 * library's ({@code YourRnnMatchesTheLibraryTest}).
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
final class StudentFunctions {
    private StudentFunctions() {}

    /** The exercises whose code can run inside training, in the order of the parts table. */
    static final List<String> PARTS = List.of("ex07", "ex08", "ex09", "ex10", "ex11", "ex12", "ex13", "ex14");

    /** The functions with the student's code for the exercises in {@code yours}. */
    static Ch8Functions build(Set<String> yours) {
        var lib = Ch8Functions.library();
        var m = lib.model();
        var model = new RnnFunctions(
                yours.contains("ex07") ? StudentFunctions::transpose : m.transpose(),
                yours.contains("ex07") ? StudentFunctions::oneHot : m.oneHot(),
                yours.contains("ex08") ? StudentFunctions::getParams : m.getParams(),
                yours.contains("ex08") ? StudentFunctions::initRnnState : m.initRnnState(),
                yours.contains("ex09") ? StudentFunctions::rnn : m.rnn());
        return new Ch8Functions(model,
                yours.contains("ex10") ? StudentFunctions::perplexity : lib.perplexity(),
                yours.contains("ex11") ? StudentFunctions::gradClipping : lib.gradClipping(),
                yours.contains("ex12") ? StudentFunctions::stateForMinibatch : lib.stateForMinibatch(),
                yours.contains("ex13") ? StudentFunctions::sgd : lib.sgd(),
                yours.contains("ex14") ? StudentFunctions::predictCh8 : lib.predictCh8());
    }

    private static int[][] transpose(int[][] x) {
        int[][] xt = call("ex07", "transpose", () -> Ex07OneHot.transpose(x));
        if (xt == null || xt.length != x[0].length || xt[0].length != x.length) {
            throw new StudentCodeFailed(exercise("ex07"), "transpose of an int[" + x.length + "][" + x[0].length
                    + "] minibatch returned " + (xt == null ? "null" : "int[" + xt.length + "]["
                    + (xt.length == 0 ? 0 : xt[0].length) + "]") + "; the model needs int[" + x[0].length + "]["
                    + x.length + "] (steps × batch)");
        }
        return xt;
    }

    private static List<Tensor> oneHot(int[][] xt, int vocabSize) {
        List<Tensor> steps = call("ex07", "oneHot", () -> Ex07OneHot.oneHot(xt, vocabSize));
        if (steps == null || steps.size() != xt.length) {
            throw new StudentCodeFailed(exercise("ex07"), "oneHot returned " + (steps == null ? "null"
                    : steps.size() + " tensors") + " for " + xt.length + " time steps; the model needs one per step");
        }
        for (Tensor x : steps) {
            requireShape("ex07", "oneHot's tensor for one step", x, xt[0].length, vocabSize, "(batch x V)");
        }
        return steps;
    }

    private static RnnParams getParams(int vocabSize, int numHiddens, java.util.Random rng) {
        RnnParams p = call("ex08", "getParams", () -> Ex08GetParams.getParams(vocabSize, numHiddens, rng));
        if (p == null) {
            throw new StudentCodeFailed(exercise("ex08"), "getParams returned null");
        }
        requireShape("ex08", "W_xh", p.W_xh(), vocabSize, numHiddens, "(V x H)");
        for (Tensor t : p.list()) {
            if (!t.requiresGrad()) {
                throw new StudentCodeFailed(exercise("ex08"), "getParams made a parameter that does not require "
                        + "gradients, so training could not change it");
            }
        }
        requireParamsFinite("ex08", "getParams' weights", p.list());
        return p;
    }

    private static RnnState initRnnState(int batchSize, int numHiddens) {
        RnnState s = call("ex08", "initRnnState", () -> Ex08GetParams.initRnnState(batchSize, numHiddens));
        requireShape("ex08", "initRnnState's H", s == null ? null : s.H(), batchSize, numHiddens, "(batch x H)");
        return s;
    }

    private static rnnscratch.rnn.Rnn.Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        var out = call("ex09", "rnn", () -> Ex09RnnStep.rnn(inputs, state, params));
        int batch = state.H().rows();
        if (out == null) {
            throw new StudentCodeFailed(exercise("ex09"), "rnn returned null");
        }
        requireShape("ex09", "rnn's outputs", out.outputs(), inputs.size() * batch, params.vocabSize(),
                "(steps·batch x V), every step's Y stacked time-major");
        requireShape("ex09", "rnn's state H", out.state() == null ? null : out.state().H(), batch,
                params.numHiddens(), "(batch x H), H after the last step");
        requireFinite("ex09", "rnn's outputs", out.outputs().value());
        return out;
    }

    private static double perplexity(double[] meanLosses, int[] tokenCounts) {
        double ppl = call("ex10", "perplexity", () -> Ex10Perplexity.perplexity(meanLosses, tokenCounts));
        requireFinite("ex10", "perplexity", ppl);
        return ppl;
    }

    private static double gradClipping(List<Tensor> params, double theta) {
        double norm = call("ex11", "gradClipping", () -> Ex11GradClipping.gradClipping(params, theta));
        requireFinite("ex11", "gradClipping's norm", norm);
        double after = GradClipping.globalNorm(params);
        if (after > theta * (1 + 1e-9)) {
            throw new StudentCodeFailed(exercise("ex11"), "gradClipping left the gradients with norm " + after
                    + " > θ = " + theta);
        }
        return norm;
    }

    private static RnnState stateForMinibatch(java.util.Optional<RnnState> previous, boolean useRandomIter,
            int batchSize, int numHiddens) {
        RnnState s = call("ex12", "stateForMinibatch",
                () -> Ex12Detach.stateForMinibatch(previous, useRandomIter, batchSize, numHiddens));
        requireShape("ex12", "stateForMinibatch's H", s == null ? null : s.H(), batchSize, numHiddens,
                "(batch x H)");
        return s;
    }

    private static void sgd(List<Tensor> params, double lr, int batchSize) {
        run("ex13", "sgd", () -> Ex13Sgd.sgd(params, lr, batchSize));
        requireParamsFinite("ex13", "sgd's updated parameters", params);
    }

    private static String predictCh8(String prefix, int numPreds, rnnscratch.rnn.RNNModelScratch net,
            rnnscratch.text.Vocab vocab) {
        String text = call("ex14", "predictCh8", () -> Ex14PredictCh8.predictCh8(prefix, numPreds, net, vocab));
        if (text == null || !text.startsWith(prefix)) {
            throw new StudentCodeFailed(exercise("ex14"), "predictCh8(\"" + prefix + "\", " + numPreds
                    + ") returned " + (text == null ? "null" : "\"" + text + "\"") + ", which does not start with "
                    + "the prefix");
        }
        return text;
    }
}
