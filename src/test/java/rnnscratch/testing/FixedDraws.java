package rnnscratch.testing;

import java.util.Random;

/** Random generators whose draws are known in advance, for tests that must hit an exact boundary. */
public final class FixedDraws {
    private FixedDraws() {}

    /** A generator whose every {@code nextDouble()} is {@code u}. */
    public static Random always(double u) {
        return new Random(0) {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }
}
