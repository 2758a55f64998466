package rnnscratch.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of GitHub's Markdown to check the docs: the prose outside code, the links, the anchors of the headings,
 * and the formulas. Docs: docs/README.md
 */
final class Markdown {
    private Markdown() {}

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`\\n]*`+");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK =
            Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s|$)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern DISPLAY_MATH = Pattern.compile("(?s)\\$\\$(.+?)\\$\\$");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$([^$\\n]+)\\$");

    /**
     * A relative link as written on {@code page}, the file it points to (anchor and query removed, resolved against
     * the page's folder), and its anchor ({@code ""} when it has none).
     */
    record Link(Path page, String target, Path resolved, String anchor) {}

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without fenced code blocks and code spans, where brackets and dollars are code, not Markdown. */
    static String prose(String markdown) {
        return CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("code");
    }

    /**
     * The relative links of a page; web links ({@code https:}, {@code mailto:}, …) and {@code #anchor}-only links are
     * left out.
     */
    static List<Link> relativeLinks(Path page) {
        String text = prose(read(page));
        var links = new ArrayList<Link>();
        for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("#") || SCHEME.matcher(target).find()) {
                    continue;
                }
                String file = URLDecoder.decode(target.replaceAll("[#?].*$", ""), StandardCharsets.UTF_8);
                int hash = target.indexOf('#');
                String anchor = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                links.add(new Link(page, target, page.getParent().resolve(file).normalize(), anchor));
            }
        }
        return links;
    }

    /** The {@code #anchor}-only links of a page, the anchors without their {@code #}: links to its own headings. */
    static List<String> ownAnchorLinks(Path page) {
        var anchors = new ArrayList<String>();
        for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = p.matcher(prose(read(page)));
            while (m.find()) {
                if (m.group(1).startsWith("#")) {
                    anchors.add(URLDecoder.decode(m.group(1).substring(1), StandardCharsets.UTF_8));
                }
            }
        }
        return anchors;
    }

    /**
     * The anchors GitHub gives the headings of a page: the heading's text in lower case, punctuation dropped, spaces
     * turned into {@code -}; a repeated anchor gets {@code -1}, {@code -2}, ….
     */
    static Set<String> anchors(Path page) {
        var seen = new HashMap<String, Integer>();
        var result = new HashSet<String>();
        for (String line : FENCE.matcher(read(page)).replaceAll("").lines().toList()) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = LINK_TEXT.matcher(m.group(1)).replaceAll("$1").replace("`", "");
            String slug = text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            result.add(n == 0 ? slug : slug + "-" + n);
        }
        return result;
    }

    /** The formulas of some prose: the contents of every {@code $$…$$}, then of every {@code $…$}. */
    static List<String> formulas(String prose) {
        var formulas = new ArrayList<String>();
        Matcher d = DISPLAY_MATH.matcher(prose);
        while (d.find()) {
            formulas.add(d.group(1));
        }
        Matcher i = INLINE_MATH.matcher(DISPLAY_MATH.matcher(prose).replaceAll(""));
        while (i.find()) {
            formulas.add(i.group(1));
        }
        return formulas;
    }
}
