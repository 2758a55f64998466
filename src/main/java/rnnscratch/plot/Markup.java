package rnnscratch.plot;

import java.util.Locale;

/**
 * Text for SVG and HTML: escaping, and numbers as a figure or a report shows them.
 *
 * <p>Docs: docs/training.md
 */
public final class Markup {
    private Markup() {}

    /**
     * {@code s} with {@code & < > " '} escaped, and characters that neither HTML nor XML allow (control characters,
     * lone surrogates) replaced by U+FFFD, so any text a model generates can be shown.
     */
    public static String escape(String s) {
        var b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !Character.isSurrogate(c)
                            && c < 0xFFFE)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /** A figure for the reader: 4 significant digits, {@code 1.234e+05} style when very large or small. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(x);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * Appends {@code x} with {@code decimals} digits after the point ({@code -0.125} with 2: {@code -0.13}), or
     * {@code NaN}/{@code ∞}: what {@code String.format("%.2f")} gives for the numbers of a figure, without its cost
     * (a heatmap writes thousands of them, once, in a fresh JVM).
     */
    public static StringBuilder appendFixed(StringBuilder b, double x, int decimals) {
        if (!Double.isFinite(x) || Math.abs(x) >= 1e15) {
            return b.append(number(x));
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(x) * scale);
        if (x < 0 && units != 0) {
            b.append('-');
        }
        b.append(units / scale);
        if (decimals > 0) {
            b.append('.');
            String frac = Long.toString(units % scale);
            for (int i = frac.length(); i < decimals; i++) {
                b.append('0');
            }
            b.append(frac);
        }
        return b;
    }

    /** A share as a percentage with one decimal, e.g. {@code 12.5%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
