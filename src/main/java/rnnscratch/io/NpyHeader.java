package rnnscratch.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} naming the element type, the memory order and
 * the shape.
 *
 * <p>{@link #parse} reads what NumPy (any version) writes and what a person might type: single or double quotes,
 * any spacing, trailing commas, {@code (3,)} and {@code ()} shapes, Python 2's {@code 3L}. It accepts exactly the
 * three keys, like NumPy does.
 *
 * <p>Docs: docs/file-formats.md
 *
 * @param descr        the element type, e.g. {@code "<f8"}
 * @param fortranOrder whether the values are in column-major order
 * @param shape        the dimensions, outermost first
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    NpyHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The header text NumPy writes, without padding: {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3,), }}. */
    String format() {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + Shape.format(shape) + ", }";
    }

    /**
     * Parses a header dict.
     *
     * @throws BadFileException if the text is not a dict with exactly the keys descr (a string), fortran_order (a
     *                          bool) and shape (a tuple of non-negative ints)
     */
    static NpyHeader parse(String text) throws BadFileException {
        var parser = new Parser(text);
        Map<String, Object> dict = parser.dict();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw BadFileException.corrupt("its header has text after the closing '}'");
        }
        if (dict.size() != 3 || !dict.containsKey("descr") || !dict.containsKey("fortran_order")
                || !dict.containsKey("shape")) {
            throw BadFileException.corrupt("its header has keys " + dict.keySet()
                    + " instead of exactly descr, fortran_order and shape");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw BadFileException.corrupt("its header's descr is not a string");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw BadFileException.corrupt("its header's fortran_order is not True or False");
        }
        if (!(dict.get("shape") instanceof int[] shape)) {
            throw BadFileException.corrupt("its header's shape is not a tuple of integers");
        }
        return new NpyHeader(descr, fortran, shape);
    }

    /** A recursive-descent reader of the few Python literals a header uses. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpaces() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        /** Skips spaces, then returns the next character without consuming it, or 0 at the end. */
        char peek() {
            skipSpaces();
            return atEnd() ? 0 : s.charAt(i);
        }

        void expect(char c) throws BadFileException {
            if (peek() != c) {
                throw BadFileException.corrupt("its header has " + describe() + " where '" + c + "' belongs");
            }
            i++;
        }

        String describe() {
            return atEnd() ? "nothing" : "'" + s.charAt(i) + "' at position " + i;
        }

        Map<String, Object> dict() throws BadFileException {
            expect('{');
            var dict = new HashMap<String, Object>();
            while (peek() != '}') {
                String key = string();
                expect(':');
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw BadFileException.corrupt("its header repeats the key '" + key + "'");
                }
                if (peek() != ',') {
                    break;
                }
                i++;
            }
            expect('}');
            return dict;
        }

        Object value() throws BadFileException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (s.startsWith("True", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            throw BadFileException.corrupt("its header has " + describe() + " where a value belongs");
        }

        String string() throws BadFileException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw BadFileException.corrupt("its header has " + describe() + " where a quoted key belongs");
            }
            int end = s.indexOf(quote, i + 1);
            if (end < 0) {
                throw BadFileException.corrupt("its header has a string that is never closed");
            }
            String value = s.substring(i + 1, end);
            i = end + 1;
            return value;
        }

        /** {@code ()}, {@code (3,)}, {@code (2, 3)}, {@code (2, 3,)}; {@code (3)} is an int in Python, not a tuple. */
        int[] tuple() throws BadFileException {
            expect('(');
            var dims = new ArrayList<Integer>();
            boolean comma = false;
            while (peek() != ')') {
                dims.add(dimension());
                comma = peek() == ',';
                if (!comma) {
                    break;
                }
                i++;
            }
            expect(')');
            if (dims.size() == 1 && !comma) {
                throw BadFileException.corrupt("its header's shape (" + dims.get(0) + ") lacks the comma of a tuple");
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        int dimension() throws BadFileException {
            skipSpaces();
            int start = i;
            long value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                if (value > Integer.MAX_VALUE) {
                    throw BadFileException.corrupt("its header's shape has a dimension too large for this program");
                }
                i++;
            }
            if (i == start) {
                throw BadFileException.corrupt("its header has " + describe() + " where a dimension belongs");
            }
            if (i < s.length() && s.charAt(i) == 'L') {
                i++; // Python 2 wrote long integers as 3L
            }
            return (int) value;
        }
    }
}
