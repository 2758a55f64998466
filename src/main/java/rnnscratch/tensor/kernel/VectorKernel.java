package rnnscratch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix kernel on the JDK's incubating Vector API ({@code train}'s choice on AVX-512 when the JVM has the
 * module: {@link Kernel#fastestHere()}): each thread keeps a tile of 4 rows × 6 vectors of {@code C} in registers (24
 * accumulators of the 32 registers of AVX-512; 4 × 4 where fewer than 6 vectors of columns are left, and over copies
 * padded with zeros where fewer than 4 are) while it adds a block of rows of {@code B}, with fused multiply-adds.
 * Where vectors hold fewer than 8 doubles (AVX2), {@link Products} keeps the plain kernel instead
 * ({@link #beatsPlain()}): the vector kernel must never be the slower one.
 *
 * <p>How a thread computes its block of {@code C}:
 * <ul>
 *   <li>{@code k} is cut into blocks of {@link #K_BLOCK} rows of {@code B}, and a block's piece of one panel of
 *       {@code B} (one tile wide) is copied into one contiguous array, which stays in the L1 cache while every tile of
 *       rows passes over it and is read without looking up rows;</li>
 *   <li>for each block, the coefficients of each group of 4 rows of {@code C}: for {@code A·B}, where no row of
 *       the block has all four coefficients zero, {@code A}'s four rows themselves, read in place; otherwise
 *       gathered into four arrays of the group's own (for {@code Aᵀ·B} from {@code A}'s columns, which so needs no
 *       transpose), leaving out every row of {@code B} whose 4 coefficients are all zero. A thread finds them once
 *       per product when they are few (the 32 rows of {@code H·W_hh}: 8 groups × 8 blocks), since it may run
 *       several chunks of columns, and one block at a time otherwise;</li>
 *   <li>a group that kept every row (a dense left operand, as in {@code H·W_hh}) runs the register tile, whose loop
 *       reads the panel and the coefficients at offsets that grow by a constant step: the JIT checks the bounds once
 *       per loop instead of once per load (the tile went from 44% to 61% of the FMA peak on one thread, 4 × 4 with
 *       looked-up offsets against 4 × 6 with constant steps); a group that left rows out (a one-hot left operand:
 *       one row of {@code B} per token) reads just those rows of {@code B}, one vector at a time;</li>
 *   <li>each tile goes on from the partial sums the previous block left in {@code C}, so every element is still
 *       summed over {@code k} in increasing order, whatever the blocks, the tiles and the split over threads.</li>
 * </ul>
 *
 * <p>It is used only when {@link Kernel#use(Kernel.Choice)} switched it on ({@code VECTOR}, as {@code train} does by
 * default where it is the faster kernel), which needs the JVM flag
 * {@code --add-modules jdk.incubator.vector} (the JVM then prints a warning that the module is incubating). The work
 * is split over the threads by {@link Parallel#forBlocks}, with a split of its own ({@link #SPLIT}: {@code H·W_hh}
 * by columns, in chunks of one tile that a thread done with its own slice takes from a held-up one's). Every element
 * is one chain of fused multiply-adds over {@code k} in increasing order, computed by one thread, so any number of
 * threads agrees bit for bit, and so does the plain kernel where the JVM uses the FMA instruction.
 *
 * <p>Docs: docs/performance.md
 */
final class VectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    /** Columns of the wide register tile: 6 vectors. */
    static final int WIDE = 6 * V;
    /** Columns of the narrow register tile: 4 vectors; an {@code Aᵀ·B} narrower than this is computed as {@code (Bᵀ·A)ᵀ}. */
    static final int PANEL = 4 * V;
    /** Rows of {@code B} per block: a block's piece of one wide panel is 24 KB with AVX-512, which stays in the L1 cache. */
    static final int K_BLOCK = 64;

    /**
     * Split a short, wide result by columns unless every thread gets at least 32 rows (8 groups of 4), each slice in
     * chunks of one wide tile that a thread done with its own slice takes, one at a time, from the end of a slower
     * thread's ({@link Parallel}; in 20 epochs of the README's command the caller had waited 632 ms of about 6.7 s
     * for its worker, most of it in some 170 waits of over 1 ms, a worker the machine did not run for a while): a
     * thread then
     * multiplies its slice of {@code B} (1 MB of {@code W_hh} on 2 threads) with all the rows, which stays in its L2
     * cache from step to step and is copied into panels once for 8 groups instead of 4; every slice but the first (the
     * caller's, which takes the columns left over) is whole wide tiles. Products under 2²⁰ multiply-adds stay on the
     * calling thread: this kernel does them in tens of microseconds, and a worker that comes a few microseconds late
     * costs more than half of one saves (the one-hot {@code X_t·W_xh}, {@code H_t·W_hq} and its backward product,
     * 458,752 each). Measured: the README's command 3.5% faster, median of 12 interleaved pairs, but 6 faster and 5
     * slower, so within the noise of the machine it was measured on; kept for the reason above.
     */
    private static final Parallel.Split SPLIT = new Parallel.Split(32, WIDE, 1L << 20, true);

    private VectorKernel() {}

    /** The doubles in one vector register (the preferred species' length): 8 with AVX-512, 4 with AVX2. */
    static int lanes() {
        return V;
    }

    /**
     * Whether this kernel beats the plain one on this machine: with vectors of 8 doubles (AVX-512, 32 registers).
     * With 4 (AVX2, 16 registers) a tile small enough not to spill (4 rows × 2 vectors) spends as many instructions
     * on loads, bounds checks and loop control as on multiply-adds, and measured slower than the plain kernel, so
     * {@link Products} keeps the plain kernel there.
     */
    static boolean beatsPlain() {
        return V >= 8;
    }

    /**
     * {@code C += A·B} ({@code transA} false; {@code A: double[m][k]}) or {@code C += Aᵀ·B} ({@code transA} true;
     * {@code A: double[k][m]}, read by columns, so no transpose is formed), with {@code B: double[k][n]},
     * {@code C: double[m][n]}; shapes already checked.
     */
    static void addProduct(double[][] a, boolean transA, double[][] b, double[][] c) {
        int k = b.length;
        int m = c.length;
        int n = b[0].length;
        var product = new Object();
        Parallel.forBlocks(m, n, (long) m * k * n, SPLIT,
                (i0, i1, j0, j1) -> block(a, transA, b, c, i0, i1, j0, j1, k, product));
    }

    /**
     * The coefficients of one group of 4 rows of {@code C} for one block of {@code k}: entry {@code q} says that row
     * {@code ks[q]} of {@code B} is added with coefficients {@code x0[at + q] … x3[at + q]} (one per row of the
     * group). The group is dense when it kept every row of the block: entry {@code q} is then row {@code k0 + q}, and
     * {@code ks}, which only the loops for a group that left rows out read, is not filled. A dense group of four rows
     * of {@code A} (not {@code Aᵀ}) reads them where they are: {@code x0 … x3} are {@code A}'s rows and {@code at} is
     * {@code k0}; otherwise the coefficients are gathered into the group's own arrays and {@code at} is 0.
     */
    private static final class Packed {
        final int[] ks = new int[K_BLOCK];
        final double[] own0 = new double[K_BLOCK];
        final double[] own1 = new double[K_BLOCK];
        final double[] own2 = new double[K_BLOCK];
        final double[] own3 = new double[K_BLOCK];
        double[] x0 = own0;
        double[] x1 = own1;
        double[] x2 = own2;
        double[] x3 = own3;
        int at;
        int count;
        boolean dense;
    }

    /**
     * A thread's working arrays, kept from product to product: the panel, each group's rows of {@code C} widened to
     * one panel ({@link #narrowTile}), and the groups' coefficients, 2.3 KB a group and block of {@code k}. (Made anew for every
     * product, they were some 40 KB of garbage per piece, 70 products a minibatch.)
     *
     * <p>A product with at most {@link #KEPT_PACKS} groups × blocks (the 32 rows of {@code H·W_hh}: 8 × 8) has all of
     * its coefficients copied once per thread and kept for the product ({@link #packedFor}): the thread may run
     * several chunks of its columns ({@link Parallel}'s shared slices), and needs them for each. A larger one (a split
     * by rows) copies them one block at a time into {@link #groups}.
     */
    private static final class Scratch {
        static final int KEPT_PACKS = 160;
        final double[] panel = new double[K_BLOCK * WIDE];
        /** Rows {@code 4g … 4g + 3}: group {@code g}'s rows of {@code C} in the columns left over, one panel wide. */
        private double[][] wideRows = new double[0][];
        /** Whether group {@code g}'s {@link #wideRows} hold its current sums (copied from {@code C}, not yet back). */
        private boolean[] widened = new boolean[0];
        private Packed[] packed = new Packed[0];
        private Packed[][] kept = new Packed[0][];
        /** The product and rows whose coefficients {@link #kept} holds (a placeholder before the first). */
        private Object keptFor = new Object();
        private int keptFrom;
        private int keptTo;

        /** Makes room for {@code groups} groups' widened rows, none of them holding sums yet. */
        void noneWidened(int groups) {
            if (widened.length < groups) {
                widened = new boolean[groups];
                var rows = java.util.Arrays.copyOf(wideRows, 4 * groups);
                for (int r = wideRows.length; r < rows.length; r++) {
                    rows[r] = new double[PANEL];
                }
                wideRows = rows;
            }
            java.util.Arrays.fill(widened, 0, groups, false);
        }

        /** At least {@code groups} coefficient arrays, whose contents {@code pack} overwrites. */
        Packed[] groups(int groups) {
            if (packed.length < groups) {
                packed = grown(packed, groups);
            }
            return packed;
        }

        /**
         * The coefficients of rows {@code [i0, i1)} of {@code C} for every block of {@code k}, {@code [block][group]},
         * copied when this thread first works on those rows of {@code product} (a thread may also run a piece with
         * other rows that it takes over from a worker that has not started it).
         */
        Packed[][] packedFor(Object product, double[][] a, boolean transA, int i0, int i1, int k) {
            int groups = (i1 - i0 + 3) / 4;
            int blocks = (k + K_BLOCK - 1) / K_BLOCK;
            if (keptFor != product || keptFrom != i0 || keptTo != i1) {
                if (kept.length < blocks) {
                    kept = java.util.Arrays.copyOf(kept, blocks);
                }
                for (int kb = 0; kb < blocks; kb++) {
                    kept[kb] = grown(kept[kb] == null ? new Packed[0] : kept[kb], groups);
                    int k0 = kb * K_BLOCK;
                    for (int g = 0; g < groups; g++) {
                        int i = i0 + 4 * g;
                        pack(a, transA, i, Math.min(i1, i + 4), k0, Math.min(k, k0 + K_BLOCK), kept[kb][g]);
                    }
                }
                keptFor = product;
                keptFrom = i0;
                keptTo = i1;
            }
            return kept;
        }

        private static Packed[] grown(Packed[] ps, int n) {
            if (ps.length >= n) {
                return ps;
            }
            var grown = java.util.Arrays.copyOf(ps, n);
            for (int g = ps.length; g < n; g++) {
                grown[g] = new Packed();
            }
            return grown;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Rows {@code [i0, i1)} × columns {@code [j0, j1)} of {@code C = A·B} or, with {@code transA}, {@code Aᵀ·B}, one
     * block of {@code k} after another.
     */
    private static void block(double[][] a, boolean transA, double[][] b, double[][] c, int i0, int i1, int j0,
            int j1, int k, Object product) {
        int groups = (i1 - i0 + 3) / 4;
        int blocks = (k + K_BLOCK - 1) / K_BLOCK;
        var scratch = SCRATCH.get();
        boolean keep = (long) groups * blocks <= Scratch.KEPT_PACKS;
        var kept = keep ? scratch.packedFor(product, a, transA, i0, i1, k) : null;
        scratch.noneWidened(groups);
        int narrowFrom = narrowFrom(j0, j1);
        for (int kb = 0; kb < blocks; kb++) {
            int k0 = kb * K_BLOCK;
            int k1 = Math.min(k, k0 + K_BLOCK);
            Packed[] packed;
            if (keep) {
                packed = kept[kb];
            } else {
                packed = scratch.groups(groups);
                for (int g = 0; g < groups; g++) {
                    int i = i0 + 4 * g;
                    pack(a, transA, i, Math.min(i1, i + 4), k0, k1, packed[g]);
                }
            }
            boolean anyDense = false;
            for (int g = 0; g < groups; g++) {
                int i = i0 + 4 * g;
                if (!packed[g].dense || i + 4 > i1) {
                    narrowBack(scratch, g, c, i, narrowFrom, j1);
                }
                if (i + 4 > i1) {
                    for (int r = 0; i + r < i1; r++) {
                        row(packed[g], r, b, c[i + r], j0, j1);
                    }
                } else if (!packed[g].dense) {
                    narrow4(packed[g], b, c[i], c[i + 1], c[i + 2], c[i + 3], j0, j1);
                } else {
                    anyDense = true;
                }
            }
            if (anyDense) {
                dense(packed, groups, i0, i1, b, c, j0, j1, k0, k1, scratch);
            }
        }
        for (int g = 0; g < groups; g++) {
            narrowBack(scratch, g, c, i0 + 4 * g, narrowFrom, j1);
        }
    }

    /** Where the columns left over after the wide and the narrow tiles of {@code [j0, j1)} start. */
    private static int narrowFrom(int j0, int j1) {
        int j = j0 + (j1 - j0) / WIDE * WIDE;
        return j + (j1 - j) / PANEL * PANEL;
    }

    /** Copies group {@code g}'s widened rows back into {@code C}'s columns {@code [from, to)}, if they hold its sums. */
    private static void narrowBack(Scratch s, int g, double[][] c, int i, int from, int to) {
        if (s.widened[g]) {
            for (int r = 0; r < 4; r++) {
                System.arraycopy(s.wideRows[4 * g + r], 0, c[i + r], from, to - from);
            }
            s.widened[g] = false;
        }
    }

    /**
     * The dense groups' columns {@code [j0, j1)} for rows {@code [k0, k1)} of {@code B}: wide tiles, narrow tiles,
     * then the columns left over.
     */
    private static void dense(Packed[] packed, int groups, int i0, int i1, double[][] b, double[][] c, int j0,
            int j1, int k0, int k1, Scratch scratch) {
        var panel = scratch.panel;
        int kl = k1 - k0;
        int j = j0;
        for (; j + WIDE <= j1; j += WIDE) {
            copyPanel6(b, k0, k1, j, panel);
            for (int g = 0; g < groups; g++) {
                int i = i0 + 4 * g;
                if (i + 4 <= i1 && packed[g].dense) {
                    tile4x6(packed[g], kl, panel, c[i], c[i + 1], c[i + 2], c[i + 3], j);
                }
            }
        }
        for (; j + PANEL <= j1; j += PANEL) {
            copyPanel4(b, k0, k1, j, panel);
            for (int g = 0; g < groups; g++) {
                int i = i0 + 4 * g;
                if (i + 4 <= i1 && packed[g].dense) {
                    tile4x4(packed[g], kl, panel, c[i], c[i + 1], c[i + 2], c[i + 3], j);
                }
            }
        }
        if (j < j1) {
            copyPanelPadded(b, k0, k1, j, j1, panel);
            for (int g = 0; g < groups; g++) {
                int i = i0 + 4 * g;
                if (i + 4 <= i1 && packed[g].dense) {
                    narrowTile(packed[g], g, kl, scratch, c, i, j, j1);
                }
            }
        }
    }

    /**
     * Columns {@code [from, to)} of rows {@code [k0, k1)} of {@code B}, fewer than one panel, side by side in
     * {@code panel} as {@link #copyPanel4} would lay them out, the missing columns zero.
     */
    private static void copyPanelPadded(double[][] b, int k0, int k1, int from, int to, double[] panel) {
        int w = to - from;
        int whole = w / V * V;
        for (int kk = k0; kk < k1; kk++) {
            double[] bk = b[kk];
            int o = (kk - k0) * PANEL;
            for (int x = 0; x < whole; x += V) {
                DoubleVector.fromArray(S, bk, from + x).intoArray(panel, o + x);
            }
            for (int x = whole; x < w; x++) {
                panel[o + x] = bk[from + x];
            }
            for (int x = w; x < PANEL; x++) {
                panel[o + x] = 0.0;
            }
        }
    }

    /**
     * Columns {@code [from, to)}, fewer than one panel, of dense group {@code g} (rows {@code i … i + 3}; the 28 columns
     * of {@code H_t·W_hq}): the 4-vector tile adds the block's rows of the padded panel ({@link #copyPanelPadded}) to
     * the group's rows of {@code C} there, copied into rows one panel wide, padded with zeros, when a block first
     * needs them, and copied back once, after the last block or before a block that leaves rows out
     * ({@link #narrowBack}). The padding is computed and thrown away; the lanes of a vector do not mix, so every real
     * element is the same chain of fused multiply-adds as anywhere else. (One vector of a row at a time, as
     * {@link #narrow4} does, leaves each accumulator waiting for the one before: {@code 32×512 · 512×28} on one
     * thread ran at 9–15 GFLOPS that way; copying the rows in and out at every block of {@code k}, 17–20 in a harness
     * on a busy host, and copying them once, with {@code A}'s rows read in place, 22–30, three interleaved pairs.)
     */
    private static void narrowTile(Packed p, int g, int kl, Scratch s, double[][] c, int i, int from, int to) {
        var rows = s.wideRows;
        if (!s.widened[g]) {
            for (int r = 0; r < 4; r++) {
                System.arraycopy(c[i + r], from, rows[4 * g + r], 0, to - from);
                java.util.Arrays.fill(rows[4 * g + r], to - from, PANEL, 0.0);
            }
            s.widened[g] = true;
        }
        tile4x4(p, kl, s.panel, rows[4 * g], rows[4 * g + 1], rows[4 * g + 2], rows[4 * g + 3], 0);
    }

    /**
     * Columns {@code [j, j + WIDE)} of rows {@code [k0, k1)} of {@code B}, side by side in {@code panel}. (A method of
     * its own, small enough for the JIT to compile its vector loads and stores as such: inside {@code block} they ran
     * as slow library calls.)
     */
    private static void copyPanel6(double[][] b, int k0, int k1, int j, double[] panel) {
        for (int kk = k0; kk < k1; kk++) {
            double[] bk = b[kk];
            int o = (kk - k0) * WIDE;
            DoubleVector.fromArray(S, bk, j).intoArray(panel, o);
            DoubleVector.fromArray(S, bk, j + V).intoArray(panel, o + V);
            DoubleVector.fromArray(S, bk, j + 2 * V).intoArray(panel, o + 2 * V);
            DoubleVector.fromArray(S, bk, j + 3 * V).intoArray(panel, o + 3 * V);
            DoubleVector.fromArray(S, bk, j + 4 * V).intoArray(panel, o + 4 * V);
            DoubleVector.fromArray(S, bk, j + 5 * V).intoArray(panel, o + 5 * V);
        }
    }

    /** Columns {@code [j, j + PANEL)} of rows {@code [k0, k1)} of {@code B}, side by side in {@code panel}. */
    private static void copyPanel4(double[][] b, int k0, int k1, int j, double[] panel) {
        for (int kk = k0; kk < k1; kk++) {
            double[] bk = b[kk];
            int o = (kk - k0) * PANEL;
            DoubleVector.fromArray(S, bk, j).intoArray(panel, o);
            DoubleVector.fromArray(S, bk, j + V).intoArray(panel, o + V);
            DoubleVector.fromArray(S, bk, j + 2 * V).intoArray(panel, o + 2 * V);
            DoubleVector.fromArray(S, bk, j + 3 * V).intoArray(panel, o + 3 * V);
        }
    }

    /**
     * The coefficients of rows {@code [i, iEnd)} of {@code C} (at most 4; missing rows get 0) for rows
     * {@code [k0, k1)} of {@code B}, leaving out the rows of {@code B} whose coefficients are all zero: four rows of
     * {@code A} with no such column are read in place, anything else is gathered.
     */
    private static void pack(double[][] a, boolean transA, int i, int iEnd, int k0, int k1, Packed p) {
        int kl = k1 - k0;
        if (!transA && iEnd - i == 4 && noZeroColumn(a[i], a[i + 1], a[i + 2], a[i + 3], k0, kl)) {
            p.x0 = a[i];
            p.x1 = a[i + 1];
            p.x2 = a[i + 2];
            p.x3 = a[i + 3];
            p.at = k0;
            p.count = kl;
            p.dense = true;
            return;
        }
        p.x0 = p.own0;
        p.x1 = p.own1;
        p.x2 = p.own2;
        p.x3 = p.own3;
        p.at = 0;
        int q = 0;
        for (int kk = k0; kk < k1; kk++) {
            double x0 = 0.0;
            double x1 = 0.0;
            double x2 = 0.0;
            double x3 = 0.0;
            if (transA) {
                double[] ak = a[kk];
                x0 = ak[i];
                x1 = i + 1 < iEnd ? ak[i + 1] : 0.0;
                x2 = i + 2 < iEnd ? ak[i + 2] : 0.0;
                x3 = i + 3 < iEnd ? ak[i + 3] : 0.0;
            } else {
                x0 = a[i][kk];
                x1 = i + 1 < iEnd ? a[i + 1][kk] : 0.0;
                x2 = i + 2 < iEnd ? a[i + 2][kk] : 0.0;
                x3 = i + 3 < iEnd ? a[i + 3][kk] : 0.0;
            }
            if (x0 != 0.0 || x1 != 0.0 || x2 != 0.0 || x3 != 0.0) {
                p.ks[q] = kk;
                p.own0[q] = x0;
                p.own1[q] = x1;
                p.own2[q] = x2;
                p.own3[q] = x3;
                q++;
            }
        }
        p.count = q;
        p.dense = q == kl;
    }

    /** Whether no {@code k} in {@code [from, from + n)} has all four rows zero. */
    private static boolean noZeroColumn(double[] x0, double[] x1, double[] x2, double[] x3, int from, int n) {
        for (int kk = from; kk < from + n; kk++) {
            if (x0[kk] == 0.0 && x1[kk] == 0.0 && x2[kk] == 0.0 && x3[kk] == 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One 4-row × 6-vector tile of {@code C} at column {@code j}, in registers: adds the {@code kl} rows of the
     * block, read from {@code panel} (their columns {@code [j, j + WIDE)}, copied side by side), row {@code q} with
     * the coefficients {@code x0[q] … x3[q]}. The offsets grow by constant steps, so the JIT checks the bounds once.
     * The 24 stores are written out here: a helper taking the vectors as arguments made the JIT keep them as objects
     * (2 GFLOPS instead of 48 on one thread). {@link #tile4x4} is the same loop, 4 vectors wide.
     */
    private static void tile4x6(Packed p, int kl, double[] panel, double[] c0, double[] c1, double[] c2,
            double[] c3, int j) {
        double[] x0 = p.x0;
        double[] x1 = p.x1;
        double[] x2 = p.x2;
        double[] x3 = p.x3;
        int at = p.at;
        var s00 = DoubleVector.fromArray(S, c0, j);
        var s01 = DoubleVector.fromArray(S, c0, j + V);
        var s02 = DoubleVector.fromArray(S, c0, j + 2 * V);
        var s03 = DoubleVector.fromArray(S, c0, j + 3 * V);
        var s04 = DoubleVector.fromArray(S, c0, j + 4 * V);
        var s05 = DoubleVector.fromArray(S, c0, j + 5 * V);
        var s10 = DoubleVector.fromArray(S, c1, j);
        var s11 = DoubleVector.fromArray(S, c1, j + V);
        var s12 = DoubleVector.fromArray(S, c1, j + 2 * V);
        var s13 = DoubleVector.fromArray(S, c1, j + 3 * V);
        var s14 = DoubleVector.fromArray(S, c1, j + 4 * V);
        var s15 = DoubleVector.fromArray(S, c1, j + 5 * V);
        var s20 = DoubleVector.fromArray(S, c2, j);
        var s21 = DoubleVector.fromArray(S, c2, j + V);
        var s22 = DoubleVector.fromArray(S, c2, j + 2 * V);
        var s23 = DoubleVector.fromArray(S, c2, j + 3 * V);
        var s24 = DoubleVector.fromArray(S, c2, j + 4 * V);
        var s25 = DoubleVector.fromArray(S, c2, j + 5 * V);
        var s30 = DoubleVector.fromArray(S, c3, j);
        var s31 = DoubleVector.fromArray(S, c3, j + V);
        var s32 = DoubleVector.fromArray(S, c3, j + 2 * V);
        var s33 = DoubleVector.fromArray(S, c3, j + 3 * V);
        var s34 = DoubleVector.fromArray(S, c3, j + 4 * V);
        var s35 = DoubleVector.fromArray(S, c3, j + 5 * V);
        for (int q = 0; q < kl; q++) {
            int o = q * WIDE;
            var b0 = DoubleVector.fromArray(S, panel, o);
            var b1 = DoubleVector.fromArray(S, panel, o + V);
            var b2 = DoubleVector.fromArray(S, panel, o + 2 * V);
            var b3 = DoubleVector.fromArray(S, panel, o + 3 * V);
            var b4 = DoubleVector.fromArray(S, panel, o + 4 * V);
            var b5 = DoubleVector.fromArray(S, panel, o + 5 * V);
            var a0 = DoubleVector.broadcast(S, x0[at + q]);
            s00 = a0.fma(b0, s00);
            s01 = a0.fma(b1, s01);
            s02 = a0.fma(b2, s02);
            s03 = a0.fma(b3, s03);
            s04 = a0.fma(b4, s04);
            s05 = a0.fma(b5, s05);
            var a1 = DoubleVector.broadcast(S, x1[at + q]);
            s10 = a1.fma(b0, s10);
            s11 = a1.fma(b1, s11);
            s12 = a1.fma(b2, s12);
            s13 = a1.fma(b3, s13);
            s14 = a1.fma(b4, s14);
            s15 = a1.fma(b5, s15);
            var a2 = DoubleVector.broadcast(S, x2[at + q]);
            s20 = a2.fma(b0, s20);
            s21 = a2.fma(b1, s21);
            s22 = a2.fma(b2, s22);
            s23 = a2.fma(b3, s23);
            s24 = a2.fma(b4, s24);
            s25 = a2.fma(b5, s25);
            var a3 = DoubleVector.broadcast(S, x3[at + q]);
            s30 = a3.fma(b0, s30);
            s31 = a3.fma(b1, s31);
            s32 = a3.fma(b2, s32);
            s33 = a3.fma(b3, s33);
            s34 = a3.fma(b4, s34);
            s35 = a3.fma(b5, s35);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j + V);
        s02.intoArray(c0, j + 2 * V);
        s03.intoArray(c0, j + 3 * V);
        s04.intoArray(c0, j + 4 * V);
        s05.intoArray(c0, j + 5 * V);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j + V);
        s12.intoArray(c1, j + 2 * V);
        s13.intoArray(c1, j + 3 * V);
        s14.intoArray(c1, j + 4 * V);
        s15.intoArray(c1, j + 5 * V);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j + V);
        s22.intoArray(c2, j + 2 * V);
        s23.intoArray(c2, j + 3 * V);
        s24.intoArray(c2, j + 4 * V);
        s25.intoArray(c2, j + 5 * V);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j + V);
        s32.intoArray(c3, j + 2 * V);
        s33.intoArray(c3, j + 3 * V);
        s34.intoArray(c3, j + 4 * V);
        s35.intoArray(c3, j + 5 * V);
    }

    /**
     * One 4-row × 4-vector tile of {@code C} at column {@code j}, in registers: adds the {@code kl} rows of the
     * block, read from {@code panel} (their columns {@code [j, j + PANEL)}, copied side by side), row {@code q} with
     * the coefficients {@code x0[q] … x3[q]}. The offsets grow by constant steps, so the JIT checks the bounds once.
     */
    private static void tile4x4(Packed p, int kl, double[] panel, double[] c0, double[] c1, double[] c2,
            double[] c3, int j) {
        double[] x0 = p.x0;
        double[] x1 = p.x1;
        double[] x2 = p.x2;
        double[] x3 = p.x3;
        int at = p.at;
        var s00 = DoubleVector.fromArray(S, c0, j);
        var s01 = DoubleVector.fromArray(S, c0, j + V);
        var s02 = DoubleVector.fromArray(S, c0, j + 2 * V);
        var s03 = DoubleVector.fromArray(S, c0, j + 3 * V);
        var s10 = DoubleVector.fromArray(S, c1, j);
        var s11 = DoubleVector.fromArray(S, c1, j + V);
        var s12 = DoubleVector.fromArray(S, c1, j + 2 * V);
        var s13 = DoubleVector.fromArray(S, c1, j + 3 * V);
        var s20 = DoubleVector.fromArray(S, c2, j);
        var s21 = DoubleVector.fromArray(S, c2, j + V);
        var s22 = DoubleVector.fromArray(S, c2, j + 2 * V);
        var s23 = DoubleVector.fromArray(S, c2, j + 3 * V);
        var s30 = DoubleVector.fromArray(S, c3, j);
        var s31 = DoubleVector.fromArray(S, c3, j + V);
        var s32 = DoubleVector.fromArray(S, c3, j + 2 * V);
        var s33 = DoubleVector.fromArray(S, c3, j + 3 * V);
        for (int q = 0; q < kl; q++) {
            int o = q * PANEL;
            var b0 = DoubleVector.fromArray(S, panel, o);
            var b1 = DoubleVector.fromArray(S, panel, o + V);
            var b2 = DoubleVector.fromArray(S, panel, o + 2 * V);
            var b3 = DoubleVector.fromArray(S, panel, o + 3 * V);
            var a0 = DoubleVector.broadcast(S, x0[at + q]);
            s00 = a0.fma(b0, s00);
            s01 = a0.fma(b1, s01);
            s02 = a0.fma(b2, s02);
            s03 = a0.fma(b3, s03);
            var a1 = DoubleVector.broadcast(S, x1[at + q]);
            s10 = a1.fma(b0, s10);
            s11 = a1.fma(b1, s11);
            s12 = a1.fma(b2, s12);
            s13 = a1.fma(b3, s13);
            var a2 = DoubleVector.broadcast(S, x2[at + q]);
            s20 = a2.fma(b0, s20);
            s21 = a2.fma(b1, s21);
            s22 = a2.fma(b2, s22);
            s23 = a2.fma(b3, s23);
            var a3 = DoubleVector.broadcast(S, x3[at + q]);
            s30 = a3.fma(b0, s30);
            s31 = a3.fma(b1, s31);
            s32 = a3.fma(b2, s32);
            s33 = a3.fma(b3, s33);
        }
        s00.intoArray(c0, j);
        s01.intoArray(c0, j + V);
        s02.intoArray(c0, j + 2 * V);
        s03.intoArray(c0, j + 3 * V);
        s10.intoArray(c1, j);
        s11.intoArray(c1, j + V);
        s12.intoArray(c1, j + 2 * V);
        s13.intoArray(c1, j + 3 * V);
        s20.intoArray(c2, j);
        s21.intoArray(c2, j + V);
        s22.intoArray(c2, j + 2 * V);
        s23.intoArray(c2, j + 3 * V);
        s30.intoArray(c3, j);
        s31.intoArray(c3, j + V);
        s32.intoArray(c3, j + 2 * V);
        s33.intoArray(c3, j + 3 * V);
    }

    /**
     * Columns {@code [from, to)} (fewer than one tile) of a group of 4 rows: one vector of each row at a time, then the
     * last columns one at a time, 4 rows together.
     */
    private static void narrow4(Packed p, double[][] b, double[] c0, double[] c1, double[] c2, double[] c3, int from,
            int to) {
        int[] ks = p.ks;
        double[] x0 = p.x0;
        double[] x1 = p.x1;
        double[] x2 = p.x2;
        double[] x3 = p.x3;
        int j = from;
        for (; j + V <= to; j += V) {
            var s0 = DoubleVector.fromArray(S, c0, j);
            var s1 = DoubleVector.fromArray(S, c1, j);
            var s2 = DoubleVector.fromArray(S, c2, j);
            var s3 = DoubleVector.fromArray(S, c3, j);
            for (int q = 0; q < p.count; q++) {
                var bq = DoubleVector.fromArray(S, b[ks[q]], j);
                s0 = DoubleVector.broadcast(S, x0[q]).fma(bq, s0);
                s1 = DoubleVector.broadcast(S, x1[q]).fma(bq, s1);
                s2 = DoubleVector.broadcast(S, x2[q]).fma(bq, s2);
                s3 = DoubleVector.broadcast(S, x3[q]).fma(bq, s3);
            }
            s0.intoArray(c0, j);
            s1.intoArray(c1, j);
            s2.intoArray(c2, j);
            s3.intoArray(c3, j);
        }
        for (; j < to; j++) {
            double s0 = c0[j];
            double s1 = c1[j];
            double s2 = c2[j];
            double s3 = c3[j];
            for (int q = 0; q < p.count; q++) {
                double bq = b[ks[q]][j];
                s0 = Math.fma(x0[q], bq, s0);
                s1 = Math.fma(x1[q], bq, s1);
                s2 = Math.fma(x2[q], bq, s2);
                s3 = Math.fma(x3[q], bq, s3);
            }
            c0[j] = s0;
            c1[j] = s1;
            c2[j] = s2;
            c3[j] = s3;
        }
    }

    /** Columns {@code [from, to)} of row {@code r} of a group: whole vectors, then one element at a time. */
    private static void row(Packed p, int r, double[][] b, double[] c, int from, int to) {
        int[] ks = p.ks;
        double[] x = switch (r) {
            case 0 -> p.x0;
            case 1 -> p.x1;
            case 2 -> p.x2;
            default -> p.x3;
        };
        int j = from;
        for (; j + V <= to; j += V) {
            var s = DoubleVector.fromArray(S, c, j);
            for (int q = 0; q < p.count; q++) {
                s = DoubleVector.broadcast(S, x[q]).fma(DoubleVector.fromArray(S, b[ks[q]], j), s);
            }
            s.intoArray(c, j);
        }
        for (; j < to; j++) {
            double s = c[j];
            for (int q = 0; q < p.count; q++) {
                s = Math.fma(x[q], b[ks[q]][j], s);
            }
            c[j] = s;
        }
    }
}
