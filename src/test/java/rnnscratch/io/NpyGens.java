package rnnscratch.io;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.quicktheories.core.Gen;

/** Generators of arrays for the io properties: shapes of rank 0 to 4, values with every bit pattern. */
final class NpyGens {
    /** Values that break careless code: NaNs with payloads, infinities, signed zeros, extremes. */
    private static final double[] SPECIAL = {
        Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7ff80000deadbeefL), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, -1.0
    };
    private static final long[] SPECIAL_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE};

    private NpyGens() {}

    /** Shapes of rank 0 to 4, each dimension 0 to 4 (so at most 256 elements). */
    static Gen<int[]> shapes() {
        return lists().of(integers().between(0, 4)).ofSizeBetween(0, 4)
                .map(dims -> dims.stream().mapToInt(Integer::intValue).toArray());
    }

    /** float64 arrays whose values are random bit patterns mixed with {@link #SPECIAL} values. */
    static Gen<DoubleArray> doubleArrays() {
        return shapes().zip(longs().all(), (shape, seed) -> {
            var random = new Random(seed);
            var data = new double[Shape.size(shape)];
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                        : Double.longBitsToDouble(random.nextLong());
            }
            return new DoubleArray(shape, data);
        });
    }

    /** int64 arrays of random values mixed with extremes. */
    static Gen<LongArray> longArrays() {
        return shapes().zip(longs().all(), (shape, seed) -> {
            var random = new Random(seed);
            var data = new long[Shape.size(shape)];
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextInt(3) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)]
                        : random.nextLong();
            }
            return new LongArray(shape, data);
        });
    }

    /** float64 or int64 arrays. */
    static Gen<NpyArray> arrays() {
        Gen<NpyArray> doubles = doubleArrays().map(a -> a);
        Gen<NpyArray> longs = longArrays().map(a -> a);
        return doubles.mix(longs);
    }

    /** Equal type, shape and every bit of every value (NaN payloads and the sign of zero included). */
    static boolean sameBits(NpyArray a, NpyArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            return false;
        }
        if (a instanceof DoubleArray x && b instanceof DoubleArray y) {
            return Arrays.equals(rawBits(x.data()), rawBits(y.data()));
        }
        return a instanceof LongArray x && b instanceof LongArray y && Arrays.equals(x.data(), y.data());
    }

    static long[] rawBits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
