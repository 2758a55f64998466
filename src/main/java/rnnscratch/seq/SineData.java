package rnnscratch.seq;

import java.util.Random;

/**
 * The book's noisy sine wave: {@code x_t = sin(0.01·t) + ε}, {@code ε ~ N(0, σ²)}, for {@code t = 1, …, T}.
 *
 * <p>{@code time[i] = i + 1} and {@code x[i] = x_{i+1}}: array index {@code i} holds time step {@code i + 1}, as the
 * book's {@code time = torch.arange(1, T + 1)}. Both arrays are {@code double[T]}; the accessors return copies, so a
 * value of this record never changes.
 *
 * <p>Docs: docs/sequence-models.md
 *
 * @param time the time steps {@code 1, …, T}
 * @param x the observations
 */
public record SineData(double[] time, double[] x) {
    /** The book's series length, {@code T = 1000}. */
    public static final int T = 1000;
    /** The book's noise standard deviation, {@code σ = 0.2}. */
    public static final double NOISE_STD = 0.2;

    /** Checks the lengths and keeps private copies. */
    public SineData {
        if (time.length != x.length || x.length == 0) {
            throw new IllegalArgumentException(
                    "SineData: " + time.length + " time steps vs " + x.length + " values (need equal, non-zero)");
        }
        time = time.clone();
        x = x.clone();
    }

    /** The book's series: {@code T = 1000}, {@code σ = 0.2}. */
    public static SineData generate(Random rng) {
        return generate(T, NOISE_STD, rng);
    }

    /**
     * {@code x_t = sin(0.01·t) + noiseStd·z_t} with {@code z_t} standard normal from {@code rng}, drawn in order
     * {@code t = 1, …, T}.
     */
    public static SineData generate(int steps, double noiseStd, Random rng) {
        if (steps < 1 || !(noiseStd >= 0)) {
            throw new IllegalArgumentException("SineData.generate: need T ≥ 1 and σ ≥ 0, got T = " + steps
                    + ", σ = " + noiseStd);
        }
        var time = new double[steps];
        var x = new double[steps];
        for (int i = 0; i < steps; i++) {
            time[i] = i + 1;
            x[i] = Math.sin(0.01 * time[i]) + noiseStd * rng.nextGaussian();
        }
        return new SineData(time, x);
    }

    /** The time steps, {@code double[T]} (a copy). */
    @Override
    public double[] time() {
        return time.clone();
    }

    /** The observations, {@code double[T]} (a copy). */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** The series length {@code T}. */
    public int length() {
        return x.length;
    }
}
