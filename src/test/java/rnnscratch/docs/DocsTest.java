package rnnscratch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The docs are part of the specification: their links work on GitHub, every section of the notes has its page, and
 * every public class of {@code src/main} is explained on some page. Docs: docs/README.md
 */
class DocsTest {
    /** Maven runs the tests in the repository root. */
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs");
    private static final Path EXERCISES = ROOT.resolve("exercises");

    /** Each section of the notes, by its Chinese heading, and the page that explains it. */
    private static final Map<String, String> SECTIONS = sections();

    private static Map<String, String> sections() {
        var m = new LinkedHashMap<String, String>();
        m.put("序列模型", "sequence-models.md");
        m.put("潜变量模型", "latent-variable-models.md");
        m.put("循环神经网络", "rnn.md");
        m.put("困惑度", "perplexity.md");
        m.put("梯度剪裁", "gradient-clipping.md");
        m.put("RNN的应用", "applications.md");
        m.put("代码实现 — 数据处理", "data-processing.md");
        m.put("代码实现 — 对计算参数的解析", "parameters.md");
        m.put("代码实现 — 模型的训练函数", "training.md");
        return m;
    }

    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`\\n]*`+");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s|$)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|record|enum|interface|@interface)\\s+(\\w+)");
    private static final Pattern STUB = Pattern.compile("exercises/src/main/java/rnnscratch/exercises/Ex\\d\\d[A-Z]\\w*\\.java");

    /** A link as written on a page, and the file it points to (anchor and query removed, relative to the page). */
    private record Link(Path page, String target, Path resolved, String anchor) {
        @Override
        public String toString() {
            return ROOT.relativize(page) + " -> " + target;
        }

        boolean intoExercises() {
            return resolved.startsWith(EXERCISES);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/*.md, sorted. */
    private static List<Path> docsPages() {
        try (Stream<Path> s = Files.list(DOCS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's text without fenced code blocks and code spans, where a bracket is code, not a link. */
    private static String prose(String markdown) {
        return CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("code");
    }

    /** The relative links of one page (web links and links to an anchor of the same page are left out). */
    private static List<Link> relativeLinks(Path page) {
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

    private static List<Link> allLinks() {
        var pages = new ArrayList<>(docsPages());
        pages.add(ROOT.resolve("README.md"));
        return pages.stream().flatMap(p -> relativeLinks(p).stream()).toList();
    }

    @Test
    @DisplayName("Every relative link in docs/*.md and README.md points to a file or folder of this repository, "
            + "and every #anchor to a heading of its page")
    void everyRelativeLinkPointsToAnExistingFile() {
        var links = allLinks();
        assertThat(links).as("the docs link into the code at all").isNotEmpty();
        var broken = links.stream()
                .filter(l -> !l.intoExercises())
                .filter(l -> !l.resolved().startsWith(ROOT) || !Files.exists(l.resolved()))
                .map(Link::toString)
                .toList();
        var badStubs = links.stream()
                .filter(Link::intoExercises)
                .filter(l -> !STUB.matcher(ROOT.relativize(l.resolved()).toString().replace('\\', '/')).matches())
                .map(Link::toString)
                .toList();
        var badAnchors = links.stream()
                .filter(l -> !l.anchor().isEmpty() && l.resolved().toString().endsWith(".md"))
                .filter(l -> Files.exists(l.resolved()) && !anchors(l.resolved()).contains(l.anchor()))
                .map(Link::toString)
                .toList();
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(broken).as("these links lead nowhere on GitHub (a missing file, a typo, or a path outside "
                    + "the repository); fix the path, or create the page it promises").isEmpty();
            soft.assertThat(badStubs).as("a link into exercises/ names a stub "
                    + "exercises/src/main/java/rnnscratch/exercises/ExNN<Name>.java").isEmpty();
            soft.assertThat(badAnchors).as("these links name a heading (#anchor) that the target page does not have; "
                    + "GitHub makes the anchor from the heading: lower case, punctuation dropped, spaces turned into -")
                    .isEmpty();
        });
    }

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /** The anchors GitHub gives the headings of a page. */
    private static Set<String> anchors(Path page) {
        var seen = new java.util.HashMap<String, Integer>();
        var result = new java.util.HashSet<String>();
        for (String line : FENCE.matcher(read(page)).replaceAll("").lines().toList()) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String text = m.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
            String slug = text.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            result.add(n == 0 ? slug : slug + "-" + n);
        }
        return result;
    }

    @Test
    @DisplayName("Every link to an exercise stub points to an existing stub (checked once exercises/ is in the tree)")
    void everyExerciseStubLinkPointsToAnExistingStub() {
        assumeTrue(Files.isDirectory(EXERCISES),
                "exercises/ is not in this tree yet, so the stub links cannot be checked; they are once it is");
        var broken = allLinks().stream()
                .filter(Link::intoExercises)
                .filter(l -> !Files.exists(l.resolved()))
                .map(Link::toString)
                .toList();
        assertThat(broken).as("these exercise links name no stub; use the stub's exact class name").isEmpty();
    }

    @Test
    @DisplayName("Every section of the notes has its docs page, and the page's first line carries the Chinese heading")
    void everySectionOfTheNotesHasItsPage() {
        SECTIONS.forEach((heading, page) -> {
            Path p = DOCS.resolve(page);
            assertThat(p).as("the notes' section %s is explained in docs/%s", heading, page).exists();
            String first = read(p).lines().findFirst().orElse("");
            assertThat(first).as("the first line of docs/%s names the notes' heading", page)
                    .startsWith("# ").contains(heading);
        });
    }

    @Test
    @DisplayName("docs/README.md, the map of the docs, links every page in docs/")
    void theMapLinksEveryPage() {
        Path map = DOCS.resolve("README.md");
        assertThat(map).as("docs/README.md, the map from the notes' sections to the pages").exists();
        Set<Path> linked = relativeLinks(map).stream().map(Link::resolved).collect(Collectors.toSet());
        var missing = docsPages().stream()
                .filter(p -> !p.equals(map) && !linked.contains(p))
                .map(p -> ROOT.relativize(p).toString())
                .toList();
        assertThat(missing).as("pages that docs/README.md does not link: add them to its map").isEmpty();
    }

    @Test
    @DisplayName("Every public top-level class, record, enum and interface of src/main is linked from a docs page")
    void everyPublicClassIsLinkedFromTheDocs() {
        Set<Path> linked = docsPages().stream()
                .flatMap(p -> relativeLinks(p).stream())
                .map(Link::resolved)
                .collect(Collectors.toSet());
        var publicTypes = publicTypes(ROOT.resolve("src/main/java"));
        assertThat(publicTypes).as("src/main/java has public classes").isNotEmpty();
        var unlinked = publicTypes.stream()
                .filter(p -> !linked.contains(p))
                .map(p -> ROOT.relativize(p).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unlinked).as("no docs page links these public classes; add a link to it from the docs page of "
                + "its section (a relative link to the .java file, e.g. [Rnn](../src/main/java/rnnscratch/rnn/Rnn.java))")
                .isEmpty();
    }

    private static final Pattern DISPLAY_MATH = Pattern.compile("(?s)\\$\\$(.+?)\\$\\$");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$([^$\\n]+)\\$");
    /** What Markdown changes before the math renderer sees it: {@code \\,} becomes {@code ,}, {@code <b} a tag. */
    private static final Pattern EATEN_BY_MARKDOWN = Pattern.compile("\\\\[!-/:-@\\[-`{-~]|<[A-Za-z/!]");

    @Test
    @DisplayName("On every page the math survives GitHub's Markdown: $ and $$ are balanced, and no formula holds a "
            + "backslash before punctuation or an HTML-like <")
    void mathSurvivesMarkdown() {
        var problems = new ArrayList<String>();
        for (Path page : docsPages()) {
            String text = prose(read(page));
            String name = ROOT.relativize(page).toString();
            if (text.lines().filter(l -> l.strip().equals("$$")).count() % 2 != 0) {
                problems.add(name + ": an odd number of $$ lines");
            }
            int n = 0;
            for (String line : text.lines().toList()) {
                n++;
                long dollars = line.replace("\\$", "").replace("$$", "").chars().filter(c -> c == '$').count();
                if (dollars % 2 != 0) {
                    problems.add(name + ":" + n + ": an odd number of $ (inline math must open and close on one line)");
                }
            }
            var formulas = new ArrayList<String>();
            Matcher d = DISPLAY_MATH.matcher(text);
            while (d.find()) {
                formulas.add(d.group(1));
            }
            Matcher i = INLINE_MATH.matcher(DISPLAY_MATH.matcher(text).replaceAll(""));
            while (i.find()) {
                formulas.add(i.group(1));
            }
            for (String f : formulas) {
                if (EATEN_BY_MARKDOWN.matcher(f).find()) {
                    problems.add(name + ": " + f + "  (write \\lbrace, \\mid, \\lt, a space, … instead)");
                }
            }
        }
        assertThat(problems).as("formulas GitHub would show garbled").isEmpty();
    }

    /** The .java files under {@code src} that declare a public top-level type. */
    private static List<Path> publicTypes(Path src) {
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).lines().anyMatch(l -> PUBLIC_TYPE.matcher(l).find()))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
