package rnnscratch.exercises.yourrnn;

import static rnnscratch.autograd.Ops.catRows;
import static rnnscratch.exercises.yourrnn.Guards.call;
import static rnnscratch.exercises.yourrnn.Guards.exercise;
import static rnnscratch.exercises.yourrnn.Guards.requireFinite;
import static rnnscratch.exercises.yourrnn.Guards.requireParamsFinite;
import static rnnscratch.exercises.yourrnn.Guards.requireShape;
import static rnnscratch.exercises.yourrnn.Guards.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import rnnscratch.autograd.Tensor;
import rnnscratch.cli.Parts;
import rnnscratch.exercises.Ex07OneHot;
import rnnscratch.exercises.Ex08GetParams;
import rnnscratch.exercises.Ex09RnnStep;
import rnnscratch.exercises.Ex10Perplexity;
import rnnscratch.exercises.Ex11GradClipping;
import rnnscratch.exercises.Ex12Detach;
import rnnscratch.exercises.Ex13Sgd;
import rnnscratch.exercises.Ex14PredictCh8;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.text.Vocab;
import rnnscratch.train.GradClipping;
import rnnscratch.train.MinibatchState;
import rnnscratch.train.Perplexity;

/**
 * The parts of a training run ({@link Parts}) with a student's answers plugged in for the given exercises (ex07 …
 * ex14) and the library's everywhere else, through the book's own seams: the model's functions
 * ({@code RNNModelScratch} takes {@code get_params}, {@code init_rnn_state} and {@code rnn}, as d2l's class does), the
 * {@code sgd} of the hand-written updater, {@code predict_ch8}, and — for perplexity, {@code grad_clipping} and the
 * state of each minibatch — {@link StudentLoop}, a copy of {@code train_epoch_ch8} written from the student's parts.
 * Every student function is guarded ({@link Guards}): an exception, a wrong shape or a number that is not finite
 * stops the run with one line naming the exercise.
 *
 * <p>The student's {@code rnn} (ex09) is called one time step at a time, carrying its state from call to call, so
 * that the run report sees every step's hidden state {@code H_t} (ex09's contract returns only the last).
 *
 * <p>With every part the student's and correct — {@code solutions/} in place — training is bit for bit the
 * library's ({@code YourRnnMatchesTheLibraryTest}).
 *
 * <p>Docs: docs/exercises.md#your-rnn
 */
final class StudentFunctions {
    private StudentFunctions() {}

    /** The exercises whose code can run inside training, in the order of the parts table. */
    static final List<String> PARTS = List.of("ex07", "ex08", "ex09", "ex10", "ex11", "ex12", "ex13", "ex14",
            "ex19");

    /** The parts with the student's code for the exercises in {@code yours}. */
    static Parts build(Set<String> yours) {
        var lib = Parts.library();
        var m = lib.model();
        var model = new RnnFunctions(
                yours.contains("ex07") ? StudentFunctions::transpose : m.transpose(),
                yours.contains("ex07") ? StudentFunctions::oneHot : m.oneHot(),
                yours.contains("ex08") ? StudentFunctions::getParams : m.getParams(),
                yours.contains("ex08") ? StudentFunctions::initRnnState : m.initRnnState(),
                yours.contains("ex09") ? StudentFunctions::rnn : m.rnn());
        var loop = new StudentLoop(
                yours.contains("ex10") ? StudentFunctions::perplexity : Perplexity::perplexity,
                yours.contains("ex11") ? StudentFunctions::gradClipping : GradClipping::gradClipping,
                yours.contains("ex12") ? StudentFunctions::stateForMinibatch : MinibatchState::stateForMinibatch,
                yours.contains("ex19") ? Optional.of(StudentBackward.bptt()) : Optional.empty());
        return new Parts(model, yours.contains("ex13") ? StudentFunctions::sgd : lib.sgd(), loop,
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

    private static RnnParams getParams(int vocabSize, int numHiddens, Random rng) {
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

    /**
     * The student's {@code rnn}, one time step per call: step {@code t} starts from the state step {@code t − 1}
     * returned, so the outputs and the last state are those of one call over all steps, and every {@code H_t} is
     * known.
     */
    private static Rnn.Output rnn(List<Tensor> inputs, RnnState state, RnnParams params) {
        int batch = state.H().rows();
        var outputs = new ArrayList<Tensor>();
        var hiddenStates = new ArrayList<Tensor>();
        RnnState h = state;
        for (Tensor x : inputs) {
            RnnState before = h;
            var out = call("ex09", "rnn", () -> Ex09RnnStep.rnn(List.of(x), before, params));
            if (out == null) {
                throw new StudentCodeFailed(exercise("ex09"), "rnn returned null");
            }
            requireShape("ex09", "rnn's outputs for one step", out.outputs(), batch, params.vocabSize(),
                    "(steps·batch x V) with one step, the step's Y");
            requireShape("ex09", "rnn's state H", out.state() == null ? null : out.state().H(), batch,
                    params.numHiddens(), "(batch x H), H after the last step");
            requireFinite("ex09", "rnn's outputs", out.outputs().value());
            outputs.add(out.outputs());
            h = out.state();
            hiddenStates.add(h.H());
        }
        return new Rnn.Output(catRows(outputs), h, hiddenStates);
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

    private static RnnState stateForMinibatch(Optional<RnnState> previous, boolean useRandomIter,
            RNNModelScratch net, int batchSize) {
        int numHiddens = net.numHiddens();
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

    private static String predictCh8(String prefix, int numPreds, RNNModelScratch net, Vocab vocab) {
        String text = call("ex14", "predictCh8", () -> Ex14PredictCh8.predictCh8(prefix, numPreds, net, vocab));
        if (text == null || !text.startsWith(prefix)) {
            throw new StudentCodeFailed(exercise("ex14"), "predictCh8(\"" + prefix + "\", " + numPreds
                    + ") returned " + (text == null ? "null" : "\"" + text + "\"") + ", which does not start with "
                    + "the prefix");
        }
        return text;
    }
}
