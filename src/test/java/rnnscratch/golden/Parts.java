package rnnscratch.golden;

import static org.assertj.core.api.Assertions.assertThat;

import rnnscratch.io.Npz;

/**
 * The golden values of single functions, {@code src/test/resources/golden/parts/NAME.npz}, recorded from the book's
 * code by {@code src/test/python/parts_golden.py} (see {@code src/test/resources/golden/README.md}), and the
 * comparison the tests share: relative 1e-9 of the largest value.
 */
final class Parts {
    static final double TOLERANCE = 1e-9;

    private Parts() {}

    /** Loads {@code parts/NAME.npz} from the test class path. */
    static Npz load(String name) {
        return Npz.load(GoldenCase.directory().resolve("parts").resolve(name + ".npz"), "golden file",
                "regenerate it with src/test/python/parts_golden.py");
    }

    /** Asserts that {@code ours} is the book's {@code theirs} to a relative 1e-9, naming {@code what}. */
    static void assertClose(String what, double[][] ours, double[][] theirs) {
        assertThat(ours.length).as("%s: rows", what).isEqualTo(theirs.length);
        double diff = 0;
        double scale = 0;
        int worstRow = 0;
        int worstCol = 0;
        for (int i = 0; i < theirs.length; i++) {
            assertThat(ours[i].length).as("%s: columns of row %d", what, i).isEqualTo(theirs[i].length);
            for (int j = 0; j < theirs[i].length; j++) {
                double d = Math.abs(ours[i][j] - theirs[i][j]);
                if (d > diff || Double.isNaN(d)) {
                    diff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    worstRow = i;
                    worstCol = j;
                }
                scale = Math.max(scale, Math.abs(theirs[i][j]));
            }
        }
        double relative = scale == 0 ? diff : diff / scale;
        assertThat(relative)
                .as("%s differs from the book's (max |diff| / max |value|); worst at [%d][%d]: ours %.17g, the "
                        + "book's %.17g", what, worstRow, worstCol, ours[worstRow][worstCol],
                        theirs[worstRow][worstCol])
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** {@link #assertClose(String, double[][], double[][])} for vectors. */
    static void assertClose(String what, double[] ours, double[] theirs) {
        assertClose(what, new double[][] {ours}, new double[][] {theirs});
    }

    /** The transpose of {@code a} ({@code double[r][c] → double[c][r]}). */
    static double[][] transpose(double[][] a) {
        var t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** {@code double[r·c]} in C order as {@code double[r][c]}. */
    static double[][] reshape(double[] flat, int rows, int cols) {
        var m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    /** {@code int[r·c]} in C order as {@code int[r][c]}. */
    static int[][] reshape(int[] flat, int rows, int cols) {
        var m = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }
}
