package rnnscratch.tensor.kernel;

import static rnnscratch.tensor.kernel.FastTanh.C10;
import static rnnscratch.tensor.kernel.FastTanh.C11;
import static rnnscratch.tensor.kernel.FastTanh.C12;
import static rnnscratch.tensor.kernel.FastTanh.C13;
import static rnnscratch.tensor.kernel.FastTanh.C2;
import static rnnscratch.tensor.kernel.FastTanh.C3;
import static rnnscratch.tensor.kernel.FastTanh.C4;
import static rnnscratch.tensor.kernel.FastTanh.C5;
import static rnnscratch.tensor.kernel.FastTanh.C6;
import static rnnscratch.tensor.kernel.FastTanh.C7;
import static rnnscratch.tensor.kernel.FastTanh.C8;
import static rnnscratch.tensor.kernel.FastTanh.C9;
import static rnnscratch.tensor.kernel.FastTanh.INV_LN2;
import static rnnscratch.tensor.kernel.FastTanh.LN2_HI;
import static rnnscratch.tensor.kernel.FastTanh.LN2_LO;
import static rnnscratch.tensor.kernel.FastTanh.ROUNDER;
import static rnnscratch.tensor.kernel.FastTanh.ROUNDER_BITS;
import static rnnscratch.tensor.kernel.FastTanh.SATURATED;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastTanh}'s formula on whole vectors (8 doubles with AVX-512): the same operations in the same order, with
 * fused multiply-adds, so the same bits as {@link FastTanh#tanh(double)} where the JVM uses the FMA instruction,
 * element for element. Used with the vector kernel (whose JVM has the Vector API module) where it does.
 *
 * <p>Docs: docs/performance.md
 */
final class VectorTanh {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final long SIGN = Long.MIN_VALUE;

    private VectorTanh() {}

    /** {@code out[j] = tanh(in[j])} for every {@code j}; the last elements, fewer than a vector, one at a time. */
    static void tanh(double[] in, double[] out) {
        int j = 0;
        for (int end = S.loopBound(in.length); j < end; j += S.length()) {
            var x = DoubleVector.fromArray(S, in, j);
            var ax = x.abs();
            var y = ax.add(ax);
            var t = y.fma(INV_LN2, ROUNDER);
            var n = t.sub(ROUNDER);
            var scale = t.reinterpretAsLongs().sub(ROUNDER_BITS - 1023).lanewise(VectorOperators.LSHL, 52)
                    .reinterpretAsDoubles();
            var minusN = n.neg();
            var r = minusN.fma(DoubleVector.broadcast(S, LN2_HI), y);
            r = minusN.fma(DoubleVector.broadcast(S, LN2_LO), r);
            var p = DoubleVector.broadcast(S, C13).fma(r, DoubleVector.broadcast(S, C12));
            p = p.fma(r, DoubleVector.broadcast(S, C11));
            p = p.fma(r, DoubleVector.broadcast(S, C10));
            p = p.fma(r, DoubleVector.broadcast(S, C9));
            p = p.fma(r, DoubleVector.broadcast(S, C8));
            p = p.fma(r, DoubleVector.broadcast(S, C7));
            p = p.fma(r, DoubleVector.broadcast(S, C6));
            p = p.fma(r, DoubleVector.broadcast(S, C5));
            p = p.fma(r, DoubleVector.broadcast(S, C4));
            p = p.fma(r, DoubleVector.broadcast(S, C3));
            p = p.fma(r, DoubleVector.broadcast(S, C2));
            p = p.fma(r, DoubleVector.broadcast(S, 1.0));
            var m = scale.fma(p.mul(r), scale.sub(1.0));
            var th = m.div(m.add(2.0)).blend(1.0, ax.compare(VectorOperators.GT, SATURATED));
            // copySign(th, x): th's magnitude bits with x's sign bit
            th = th.reinterpretAsLongs().and(~SIGN).or(x.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
            th.intoArray(out, j);
        }
        for (; j < in.length; j++) {
            out[j] = FastTanh.tanh(in[j], true);
        }
    }
}
