package rnnscratch.exercises.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code of a solution file, cut into the pieces that must not leak into what a student reads first: its lines
 * and its call expressions ({@code mm(x, params.W_xh())}, {@code Math.exp(lossSum / n)}). Everything is compared
 * with all white space removed, so a reflowed copy is found too.
 *
 * <p>Docs: docs/exercises.md
 *
 * @param lines   the non-trivial lines between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}
 * @param calls   every call with arguments, and every chain of calls, in those regions
 * @param nested  the calls whose arguments hold another call, and the chains ({@code f(g(x))}, {@code a(x).b()})
 * @param javadoc the comments outside the regions (the class and method Javadoc the student sees)
 */
record SolutionCode(Set<String> lines, Set<String> calls, Set<String> nested, String javadoc) {
    private static final Pattern CALL_START = Pattern.compile(
            "(?<![A-Za-z_0-9.])[A-Za-z_][A-Za-z_0-9]*(?:\\.[A-Za-z_][A-Za-z_0-9]*)*\\(");

    /** Reads a solution file's text. */
    static SolutionCode of(String source) {
        var lines = new LinkedHashSet<String>();
        var calls = new LinkedHashSet<String>();
        var nested = new LinkedHashSet<String>();
        var comments = new StringBuilder();
        boolean inside = false;
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (line.equals("// BEGIN SOLUTION")) {
                inside = true;
            } else if (line.equals("// END SOLUTION")) {
                inside = false;
            } else if (inside) {
                String code = squeeze(line);
                if (code.length() >= 8 && code.matches(".*[(=\\[.].*")) {
                    lines.add(code);
                }
                collectCalls(line, calls, nested);
            } else if (line.startsWith("*") || line.startsWith("/**") || line.startsWith("//")) {
                if (!line.startsWith("// STUB:")) {
                    comments.append(line).append('\n');
                }
            }
        }
        return new SolutionCode(lines, calls, nested, comments.toString());
    }

    /** Text without white space, for comparisons. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The pieces of this solution that {@code text} contains: lines, then calls (all of them, or only nested ones). */
    List<String> leaksIn(String text, boolean anyCall, boolean anyLine) {
        String t = squeeze(text);
        var found = new ArrayList<String>();
        for (String l : lines) {
            if ((anyLine || l.length() >= 24) && t.contains(l)) {
                found.add("line " + l);
            }
        }
        for (String c : anyCall ? calls : nested) {
            if (t.contains(c)) {
                found.add("call " + c);
            }
        }
        return found;
    }

    private static final Pattern QUALIFIED_CALL = Pattern.compile("(?<![\\w.])([A-Z]\\w*)(?:\\.(\\w+)\\s*\\(|::(\\w+))");
    private static final Pattern BARE_CALL = Pattern.compile("(?<![\\w.:])([a-z]\\w*)\\s*\\(");
    private static final Pattern STATIC_IMPORT = Pattern.compile("^import\\s+static\\s+[\\w.]*?([A-Z]\\w*)\\.(\\w+|\\*)\\s*;");
    private static final Pattern DECLARED = Pattern.compile("[\\w>\\]]\\s+(\\w+)\\s*\\([^;]*$");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "return", "catch", "new",
            "synchronized", "super", "this");

    /**
     * The static methods the answer calls, as {@code Class.method}: written so ({@code Mat.randn(…)},
     * {@code Character::toString}) or bare through a static import ({@code mm(…)} with
     * {@code import static rnnscratch.autograd.Ops.*;} is {@code Ops.mm}). Calls on objects ({@code p.grad()}) are
     * the contract's own types and are left out.
     */
    static Set<String> staticCalls(String source) {
        return calls(source, false);
    }

    /** The answer's static calls written bare, through a static import ({@code mm(…)} for {@code Ops.mm}). */
    static Set<String> importedCalls(String source) {
        return calls(source, true);
    }

    private static Set<String> calls(String source, boolean onlyImported) {
        var single = new HashMap<String, String>();
        var wildcard = new ArrayList<String>();
        var declared = new LinkedHashSet<String>();
        var types = new LinkedHashSet<String>();
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            Matcher imp = STATIC_IMPORT.matcher(line);
            if (imp.find()) {
                if (imp.group(2).equals("*")) {
                    wildcard.add(imp.group(1));
                } else {
                    single.put(imp.group(2), imp.group(1));
                }
            }
            Matcher d = DECLARED.matcher(line);
            if (d.find() && !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("return")) {
                declared.add(d.group(1));
            }
            Matcher t = TYPE.matcher(line);
            if (t.find()) {
                types.add(t.group(1));
            }
        }
        var calls = new LinkedHashSet<String>();
        boolean inside = false;
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (line.equals("// BEGIN SOLUTION") || line.equals("// END SOLUTION")) {
                inside = line.equals("// BEGIN SOLUTION");
                continue;
            }
            if (!inside) {
                continue;
            }
            String code = line.replaceFirst("//.*$", "").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            Matcher q = QUALIFIED_CALL.matcher(code);
            while (q.find()) {
                if (!onlyImported && !types.contains(q.group(1))) {
                    calls.add(q.group(1) + "." + (q.group(2) != null ? q.group(2) : q.group(3)));
                }
            }
            Matcher b = BARE_CALL.matcher(code);
            while (b.find()) {
                String name = b.group(1);
                if (KEYWORDS.contains(name) || declared.contains(name)
                        || code.substring(0, b.start()).endsWith("new ")) {
                    continue;
                }
                if (single.containsKey(name)) {
                    calls.add(single.get(name) + "." + name);
                } else if (wildcard.size() == 1) {
                    calls.add(wildcard.get(0) + "." + name);
                }
            }
        }
        return calls;
    }

    /**
     * The leads a stub gives away: a static import of exactly one method the answer calls, and every
     * {@code Class.method} (or {@code Class#method}, or {@code {@code method}} for a statically imported one) of
     * the answer named in the comments outside the markers — the stub's Javadoc.
     */
    static List<String> leadsInStub(String source) {
        var calls = staticCalls(source);
        var imported = importedCalls(source);
        var leads = new ArrayList<String>();
        var javadoc = of(source).javadoc();
        for (String raw : source.split("\n")) {
            Matcher imp = STATIC_IMPORT.matcher(raw.strip());
            if (imp.find() && calls.contains(imp.group(1) + "." + imp.group(2))) {
                leads.add("the import of " + imp.group(1) + "." + imp.group(2) + ", a call of the answer (import the "
                        + "class, or all of it with .*)");
            }
        }
        for (String call : calls) {
            String cls = call.substring(0, call.indexOf('.'));
            String method = call.substring(call.indexOf('.') + 1);
            boolean named = javadoc.contains(call + "(") || javadoc.contains(call + "}")
                    || javadoc.contains(call + " ") || javadoc.contains(cls + "#" + method);
            boolean namedBare = imported.contains(call) && (javadoc.contains("{@code " + method + "}")
                    || javadoc.contains("{@code " + method + "("));
            if (named || namedBare) {
                leads.add("the Javadoc names " + call + ", a call of the answer");
            }
        }
        return leads;
    }

    /** Every call with arguments and every chain in a line of code, and the nested ones among them; squeezed. */
    private static void collectCalls(String code, Set<String> calls, Set<String> nested) {
        Matcher m = CALL_START.matcher(code);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matching(code, open);
            if (close < 0) {
                from = m.end();
                continue;
            }
            String args = code.substring(open + 1, close);
            int end = close + 1;
            boolean chain = false;
            // a chain goes on: .name(…) or [index] after the call
            while (end < code.length()) {
                Matcher next = CALL_START.matcher(code).region(end, code.length());
                if (code.charAt(end) == '.' && next.region(end + 1, code.length()).lookingAt()) {
                    int c2 = matching(code, next.end() - 1);
                    if (c2 < 0) {
                        break;
                    }
                    end = c2 + 1;
                    chain = true;
                } else if (code.charAt(end) == '[') {
                    int c2 = code.indexOf(']', end);
                    if (c2 < 0) {
                        break;
                    }
                    end = c2 + 1;
                } else {
                    break;
                }
            }
            String call = squeeze(code.substring(m.start(), close + 1));
            if (!args.isBlank()) {
                calls.add(call);
                if (args.contains("(")) {
                    nested.add(call);
                }
            }
            if (chain) {
                String whole = squeeze(code.substring(m.start(), end));
                calls.add(whole);
                nested.add(whole);
            }
            from = m.start() + 1;
        }
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
