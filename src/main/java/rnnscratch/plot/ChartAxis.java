package rnnscratch.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;

/**
 * One axis of a line chart, shared by {@link SvgPlot} and {@link PngPlot}: the visible range (in log10 units for a
 * log axis) and round-numbered ticks.
 *
 * <p>Docs: docs/command-line.md
 *
 * @param lo    the lower end of the visible range (log10 of it on a log axis)
 * @param hi    the upper end of the visible range (log10 of it on a log axis)
 * @param log   whether equal distances mean equal ratios
 * @param ticks the ticks inside the range, in increasing order
 */
record ChartAxis(double lo, double hi, boolean log, List<Tick> ticks) {

    /** A tick: its value and its label. */
    record Tick(double value, String label) {}

    /** The x axis of {@code series}: linear, spanning exactly the data. */
    static ChartAxis x(List<Series> series) {
        double[] range = range(series, true);
        return linear(range[0], range[1], 0.0);
    }

    /**
     * The y axis of {@code series}: linear with a 5% margin, or logarithmic.
     *
     * @param what names the chart in the error message
     * @throws IllegalArgumentException with a non-positive y on a log scale
     */
    static ChartAxis y(List<Series> series, Scale scale, String what) {
        double[] range = range(series, false);
        if (scale == Scale.LINEAR) {
            return linear(range[0], range[1], 0.05);
        }
        if (!(range[0] > 0)) {
            throw new IllegalArgumentException(what + ": a log-scale y axis needs positive values, but the smallest is "
                    + range[0]);
        }
        return log(range[0], range[1]);
    }

    static ChartAxis linear(double min, double max, double pad) {
        double lo = min;
        double hi = max;
        if (hi - lo == 0) {
            double half = Math.max(Math.abs(lo) * 0.1, 0.5);
            lo -= half;
            hi += half;
        } else {
            double margin = (hi - lo) * pad;
            lo -= margin;
            hi += margin;
        }
        return new ChartAxis(lo, hi, false, linearTicks(lo, hi));
    }

    static ChartAxis log(double min, double max) {
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        if (hi - lo == 0) {
            lo -= 0.5;
            hi += 0.5;
        } else {
            double margin = (hi - lo) * 0.05;
            lo -= margin;
            hi += margin;
        }
        return new ChartAxis(lo, hi, true, logTicks(lo, hi));
    }

    /** Where {@code v} lands on this axis, as a fraction of its length in {@code [0, 1]}. */
    double fraction(double v) {
        double u = log ? Math.log10(v) : v;
        return Math.min(1.0, Math.max(0.0, (u - lo) / (hi - lo)));
    }

    /** About five ticks at the multiples of a step {@code 1, 2 or 5 × 10ᵏ} that fall inside {@code [lo, hi]}. */
    private static List<Tick> linearTicks(double lo, double hi) {
        BigDecimal step = niceStep((hi - lo) / 5);
        double s = step.doubleValue();
        long first = (long) Math.ceil(lo / s);
        long last = (long) Math.floor(hi / s);
        var ticks = new ArrayList<Tick>();
        for (long i = first; i <= last; i++) {
            BigDecimal v = step.multiply(BigDecimal.valueOf(i));
            double d = v.doubleValue();
            if (d >= lo && d <= hi) {
                ticks.add(new Tick(d, plain(v)));
            }
        }
        return ticks;
    }

    /** {@code 1, 2 or 5 × 10ᵏ}, the smallest such number not below {@code raw}. */
    private static BigDecimal niceStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        double mantissa = raw / Math.pow(10, exponent);
        int nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent);
    }

    /** Powers of ten inside the range; with fewer than three, also 2 and 5 times them; else linear ticks. */
    private static List<Tick> logTicks(double lo, double hi) {
        int[][] choices = {{1}, {1, 2, 5}};
        for (int[] mantissas : choices) {
            var ticks = new ArrayList<Tick>();
            for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
                for (int m : mantissas) {
                    BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(e);
                    double l = Math.log10(v.doubleValue());
                    if (l >= lo && l <= hi) {
                        ticks.add(new Tick(v.doubleValue(), plain(v)));
                    }
                }
            }
            if (ticks.size() >= (mantissas.length == 1 ? 3 : 2)) {
                int stride = (ticks.size() + 9) / 10;
                var thinned = new ArrayList<Tick>();
                for (int i = 0; i < ticks.size(); i += stride) {
                    thinned.add(ticks.get(i));
                }
                return thinned;
            }
        }
        return linearTicks(Math.pow(10, lo), Math.pow(10, hi)).stream()
                .filter(t -> t.value() > 0)
                .toList();
    }

    /** {@code 0.5}, {@code 200}, …; a label longer than 7 characters in powers of ten instead: {@code 1e+33}. */
    private static String plain(BigDecimal v) {
        BigDecimal r = v.round(MathContext.DECIMAL64).stripTrailingZeros();
        String s = r.toPlainString();
        if (s.length() <= 7) {
            return s;
        }
        int exponent = r.precision() - r.scale() - 1;
        return r.movePointLeft(exponent).toPlainString() + (exponent < 0 ? "e" : "e+") + exponent;
    }

    /** {@code {min, max}} of all x (or all y) coordinates of all series. */
    private static double[] range(List<Series> series, boolean ofX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : ofX ? s.x() : s.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }
}
