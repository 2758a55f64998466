package rnnscratch.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnFunctions;
import rnnscratch.tensor.Mat;
import rnnscratch.train.EpochListener;
import rnnscratch.train.EpochStats;
import rnnscratch.train.MinibatchStats;
import rnnscratch.train.TrainResult;

/**
 * Follows a training run for its report: every epoch's perplexity, every minibatch's gradient norm before clipping
 * ‖g‖ (as {@code grad_clipping} returned it) and loss, the samples, and the gradients through time
 * ‖∂l/∂H_t‖, t = 1 … num_steps.
 *
 * <p>The gradients through time come from the model: a model built with {@link #watching} the model's functions puts
 * a hook on every step's hidden state {@code H_t} (PyTorch's {@code register_hook}) whenever it computes with
 * gradients; as the backward pass goes by, each hook reads the norm of {@code ∂l/∂H_t}, a {@code double[batch][H]},
 * keeps no gradient and changes no number, and the recorder takes the norms when the minibatch has ended. It keeps
 * those of the first minibatch of every epoch and of the minibatch with the largest ‖g‖ so far.
 * Memory: four numbers per minibatch and {@code num_steps} per epoch.
 *
 * <p>Docs: docs/gradient-clipping.md, docs/training.md
 */
public final class RunRecorder implements EpochListener {
    /**
     * ‖∂l/∂H_t‖ of one minibatch.
     *
     * @param epoch           1-based epoch
     * @param minibatch       1-based minibatch within the epoch
     * @param gradNorm        the global gradient norm ‖g‖ before clipping of this minibatch
     * @param hiddenGradNorms ‖∂l/∂H_t‖ for t = 1 … num_steps, {@code double[num_steps]}
     */
    public record Probe(int epoch, int minibatch, double gradNorm, double[] hiddenGradNorms) {
        public Probe {
            hiddenGradNorms = hiddenGradNorms.clone();
        }

        /** The norms, a copy. */
        @Override
        public double[] hiddenGradNorms() {
            return hiddenGradNorms.clone();
        }
    }

    /** A sample {@code predict_ch8(prefix, 50)} shown during training. */
    public record Sample(int epoch, String text) {}

    private int count;
    private int[] epochs = new int[256];
    private int[] minibatches = new int[256];
    private double[] gradNorms = new double[256];
    private double[] losses = new double[256];
    private double theta = Double.POSITIVE_INFINITY;
    private final List<EpochStats> epochStats = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Probe> firstOfEpoch = new ArrayList<>();
    private Optional<Probe> largest = Optional.empty();
    private Optional<TrainResult> result = Optional.empty();
    /**
     * {@code ‖∂ℓ/∂H_t‖} of the minibatch being trained, step by step, filled by its backward pass (zeros for a step
     * the pass did not reach); empty when its forward pass was not watched.
     */
    private double[] watchedNorms = new double[0];
    /** ‖∂ℓ/∂H_t‖ of the minibatch being trained, when its backward pass was written by hand. */
    private double[] byHand = new double[0];

    /**
     * The model's functions with its {@code rnn} watched: on every forward pass that records gradients, a hook on
     * each hidden state {@code H_t} ({@link Tensor#registerHook}) takes the norm of {@code ∂ℓ/∂H_t} when the backward
     * pass has summed it, and keeps the norm, not the gradient. A model without hidden states to report
     * ({@link Rnn.Output#hiddenStates()} empty) leaves the gradients through time out of the report.
     */
    public RnnFunctions watching(RnnFunctions model) {
        return model.withRnn((inputs, state, params) -> {
            Rnn.Output out = model.rnn().rnn(inputs, state, params);
            if (out.outputs().requiresGrad()) {
                var hidden = out.hiddenStates();
                var norms = new double[hidden.size()];
                for (int t = 0; t < norms.length; t++) {
                    int step = t;
                    hidden.get(t).registerHook(g -> norms[step] = Mat.norm(g));
                }
                watchedNorms = norms;
            }
            return out;
        });
    }

    @Override
    public void epochEnded(EpochStats stats) {
        epochStats.add(stats);
    }

    @Override
    public void sample(int epoch, String text) {
        samples.add(new Sample(epoch, text));
    }

    @Override
    public void finished(TrainResult r) {
        result = Optional.of(r);
    }

    @Override
    public void minibatchEnded(MinibatchStats s) {
        if (count == epochs.length) {
            epochs = Arrays.copyOf(epochs, 2 * count);
            minibatches = Arrays.copyOf(minibatches, 2 * count);
            gradNorms = Arrays.copyOf(gradNorms, 2 * count);
            losses = Arrays.copyOf(losses, 2 * count);
        }
        epochs[count] = s.epoch();
        minibatches[count] = s.minibatch();
        gradNorms[count] = s.gradNorm();
        losses[count] = s.loss();
        count++;
        theta = s.theta();
        double[] hiddenGradNorms = byHand.length > 0 ? byHand : watchedNorms;
        watchedNorms = new double[0];
        byHand = new double[0];
        if (hiddenGradNorms.length == 0) {
            return;
        }
        if (s.minibatch() == 1) {
            firstOfEpoch.add(new Probe(s.epoch(), 1, s.gradNorm(), hiddenGradNorms));
        }
        if (s.gradNorm() > largest.map(Probe::gradNorm).orElse(Double.NEGATIVE_INFINITY)) {
            largest = Optional.of(new Probe(s.epoch(), s.minibatch(), s.gradNorm(), hiddenGradNorms));
        }
    }

    @Override
    public void hiddenStateGradients(List<double[][]> gradients) {
        byHand = gradients.stream().mapToDouble(Mat::norm).toArray();
    }

    /**
     * The share of {@code norms} above {@code theta}: the fraction of minibatches whose gradient clipping scaled
     * down ({@code ‖g‖ > θ}; a norm equal to θ is left as it is). NaN when there are none.
     */
    public static double clippedShare(double[] norms, double theta) {
        if (norms.length == 0) {
            return Double.NaN;
        }
        int clipped = 0;
        for (double n : norms) {
            if (n > theta) {
                clipped++;
            }
        }
        return (double) clipped / norms.length;
    }

    /** The clipping threshold θ of the run ({@code +∞}: no clipping). */
    public double theta() {
        return theta;
    }

    /** Minibatches trained. */
    public int minibatchCount() {
        return count;
    }

    /** The epoch of each minibatch, in training order, {@code int[minibatchCount]}. */
    public int[] minibatchEpochs() {
        return Arrays.copyOf(epochs, count);
    }

    /** The 1-based number of each minibatch within its epoch, {@code int[minibatchCount]}. */
    public int[] minibatchNumbers() {
        return Arrays.copyOf(minibatches, count);
    }

    /** ‖g‖ before clipping of each minibatch, in training order, {@code double[minibatchCount]}. */
    public double[] gradNorms() {
        return Arrays.copyOf(gradNorms, count);
    }

    /** The mean loss of each minibatch, in training order, {@code double[minibatchCount]}. */
    public double[] losses() {
        return Arrays.copyOf(losses, count);
    }

    /** The norms of one epoch's minibatches. */
    public double[] gradNorms(int epoch) {
        return IntStream.range(0, count).filter(i -> epochs[i] == epoch)
                .mapToDouble(i -> gradNorms[i]).toArray();
    }

    /** Every finished epoch's figures. */
    public List<EpochStats> epochs() {
        return List.copyOf(epochStats);
    }

    /** The samples shown during training. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** ‖∂l/∂H_t‖ of the first minibatch of every epoch trained. */
    public List<Probe> firstMinibatchProbes() {
        return List.copyOf(firstOfEpoch);
    }

    /** ‖∂l/∂H_t‖ of the minibatch with the largest ‖g‖ (empty when no minibatch reported them). */
    public Optional<Probe> largestProbe() {
        return largest;
    }

    /** The book's summary, when training got to the end (or stopped on request). */
    public Optional<TrainResult> result() {
        return result;
    }
}
