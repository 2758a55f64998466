package rnnscratch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rnnscratch.docs.Markdown.read;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import rnnscratch.docs.Markdown.Link;
import rnnscratch.exercises.progress.Exercise;
import rnnscratch.exercises.progress.ExerciseCatalog;

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
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("序列模型", "sequence-models.md");
        SECTIONS.put("潜变量模型", "latent-variable-models.md");
        SECTIONS.put("循环神经网络", "rnn.md");
        SECTIONS.put("困惑度", "perplexity.md");
        SECTIONS.put("梯度剪裁", "gradient-clipping.md");
        SECTIONS.put("RNN的应用", "applications.md");
        SECTIONS.put("代码实现 — 数据处理", "data-processing.md");
        SECTIONS.put("代码实现 — 对计算参数的解析", "parameters.md");
        SECTIONS.put("代码实现 — 模型的训练函数", "training.md");
    }

    private static final Pattern STUB =
            Pattern.compile("exercises/src/main/java/rnnscratch/exercises/Ex\\d\\d[A-Z]\\w*\\.java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|non-sealed|static"
            + "|strictfp)\\s+)*(?:class|record|enum|interface|@interface)\\s+\\w+");
    private static final Pattern DOCS_LINE = Pattern.compile("Docs:((?:\\s*,?\\s*docs/[\\w.-]+\\.md)+)");
    private static final Pattern DOCS_PAGE = Pattern.compile("docs/[\\w.-]+\\.md");
    private static final Pattern DOCS_ANCHOR = Pattern.compile("docs/([\\w.-]+\\.md)#([\\p{L}\\p{N}_-]+)");
    private static final Pattern GLOSSARY_ROW = Pattern.compile("\\| ([^|]+) \\| ([^|]+) \\| (.+) \\|");
    private static final Pattern GLOSSARY_PAGE = Pattern.compile("\\]\\(([\\w-]+\\.md)(?:#[^)]*)?\\)");
    /** What Markdown changes before the math renderer sees it: {@code \,} becomes {@code ,}, {@code <b} a tag. */
    private static final Pattern EATEN_BY_MARKDOWN = Pattern.compile("\\\\[!-/:-@\\[-`{-~]|<[A-Za-z/!]");

    @Test
    @DisplayName("Every relative link in docs/*.md and README.md points to a file or folder of this repository, "
            + "and every #anchor to a heading of its page")
    void everyRelativeLinkPointsToAnExistingFile() {
        var links = allLinks();
        assertThat(links).as("the docs link into the code at all").isNotEmpty();
        var broken = links.stream()
                .filter(l -> !intoExercises(l))
                .filter(l -> !l.resolved().startsWith(ROOT) || !Files.exists(l.resolved()))
                .map(DocsTest::describe)
                .toList();
        var badStubs = links.stream()
                .filter(DocsTest::intoExercises)
                .filter(l -> !STUB.matcher(ROOT.relativize(l.resolved()).toString().replace('\\', '/')).matches())
                .filter(l -> !Files.isRegularFile(l.resolved())) // exercise tests and tools exist as they are
                .map(DocsTest::describe)
                .toList();
        var badAnchors = links.stream()
                .filter(l -> !l.anchor().isEmpty() && l.resolved().toString().endsWith(".md"))
                .filter(l -> Files.exists(l.resolved()) && !Markdown.anchors(l.resolved()).contains(l.anchor()))
                .map(DocsTest::describe)
                .toList();
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(broken).as("these links lead nowhere on GitHub (a missing file, a typo, or a path outside "
                    + "the repository); fix the path, or create the page it promises").isEmpty();
            soft.assertThat(badStubs).as("a link into exercises/ names a stub "
                    + "exercises/src/main/java/rnnscratch/exercises/ExNN<Name>.java or an existing file").isEmpty();
            soft.assertThat(badAnchors).as("these links name a heading (#anchor) that the target page does not have; "
                    + "GitHub makes the anchor from the heading: lower case, punctuation dropped, spaces turned into -")
                    .isEmpty();
        });
    }

    @Test
    @DisplayName("Every link of a page to one of its own headings (#anchor) names a heading it has")
    void everyOwnAnchorLinkNamesAHeading() {
        var pages = new ArrayList<>(docsPages());
        pages.add(ROOT.resolve("README.md"));
        var broken = new ArrayList<String>();
        int links = 0;
        for (Path page : pages) {
            Set<String> headings = Markdown.anchors(page);
            for (String anchor : Markdown.ownAnchorLinks(page)) {
                links++;
                if (!headings.contains(anchor)) {
                    broken.add(ROOT.relativize(page) + " -> #" + anchor);
                }
            }
        }
        assertThat(links).as("the pages link to their own sections").isPositive();
        assertThat(broken).as("these links name a heading their own page does not have; GitHub makes the anchor from "
                + "the heading: lower case, punctuation dropped, spaces turned into -").isEmpty();
    }

    @Test
    @DisplayName("Every 'docs/<page>.md#anchor' in the Java sources (stub messages, hints, Javadoc) names a heading "
            + "of that page")
    void everyDocsAnchorInTheCodeNamesAHeading() {
        var broken = new TreeSet<String>();
        int seen = 0;
        for (String dir : List.of("src", "solutions", "exercises", "tools")) {
            if (!Files.isDirectory(ROOT.resolve(dir))) {
                continue;
            }
            for (Path java : javaFiles(ROOT.resolve(dir))) {
                Matcher m = DOCS_ANCHOR.matcher(read(java));
                while (m.find()) {
                    seen++;
                    Path page = DOCS.resolve(m.group(1));
                    if (!Files.exists(page) || !Markdown.anchors(page).contains(m.group(2))) {
                        broken.add(ROOT.relativize(java) + " -> " + m.group());
                    }
                }
            }
        }
        assertThat(seen).as("the code sends students to sections of the docs").isPositive();
        assertThat(broken).as("code that sends the reader to a heading the page does not have (renamed or removed?); "
                + "fix the anchor or the heading").isEmpty();
    }

    @Test
    @DisplayName("Every Chinese term of the glossary in docs/README.md stands on each page its row names")
    void everyGlossaryTermStandsOnItsPages() {
        String map = read(DOCS.resolve("README.md"));
        int start = map.indexOf("## 中英术语表");
        assertThat(start).as("docs/README.md has its glossary, '## 中英术语表'").isNotNegative();
        var missing = new ArrayList<String>();
        int rows = 0;
        for (String row : map.substring(start).lines().toList()) {
            Matcher m = GLOSSARY_ROW.matcher(row);
            if (!m.matches() || m.group(1).startsWith("中文") || m.group(1).startsWith("---")) {
                continue;
            }
            rows++;
            Matcher page = GLOSSARY_PAGE.matcher(m.group(3));
            while (page.find()) {
                String text = read(DOCS.resolve(page.group(1)));
                for (String term : m.group(1).split("[/（）()]")) {
                    if (!term.isBlank() && !text.contains(term.strip())) {
                        missing.add(term.strip() + " (" + m.group(2) + ") is not on docs/" + page.group(1));
                    }
                }
            }
        }
        assertThat(rows).as("rows of the glossary").isPositive();
        assertThat(missing).as("a glossary row sends the reader to a page that does not use its Chinese term; write it "
                + "beside the English term there, or link the page that does").isEmpty();
    }

    @Test
    @DisplayName("Every link to an exercise stub names a stub that solutions/ gives, and every other link into "
            + "exercises/ an existing file (a student's own exercises/ never turns this red)")
    void everyExerciseStubLinkPointsToAnExistingStub() {
        assumeTrue(Files.isDirectory(EXERCISES),
                "exercises/ is not in this tree yet, so the stub links cannot be checked; they are once it is");
        Path stubs = EXERCISES.resolve("src/main/java");
        Path solutions = ROOT.resolve("solutions/src/main/java");
        var broken = allLinks().stream()
                .filter(DocsTest::intoExercises)
                .filter(l -> !Files.exists(l.resolved().startsWith(stubs)
                        ? solutions.resolve(stubs.relativize(l.resolved()).toString()) : l.resolved()))
                .map(DocsTest::describe)
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
        Set<Path> linked = Markdown.relativeLinks(map).stream().map(Link::resolved).collect(Collectors.toSet());
        var missing = docsPages().stream()
                .filter(p -> !p.equals(map) && !linked.contains(p))
                .map(p -> ROOT.relativize(p).toString())
                .toList();
        assertThat(missing).as("pages that docs/README.md does not link: add them to its map").isEmpty();
    }

    @Test
    @DisplayName("docs/exercises.md's table lists every exercise of the catalog in order, with its title, its page and "
            + "its file, and the README and the docs say how many there are")
    void theExerciseTableListsTheCatalog() {
        var rows = read(DOCS.resolve("exercises.md")).lines().filter(l -> l.matches("\\| ex\\d\\d \\|.*")).toList();
        var soft = new SoftAssertions();
        soft.assertThat(rows.stream().map(r -> r.substring(2, 6)).toList())
                .as("the rows of the table in docs/exercises.md (a teacher adding an exercise adds its row)")
                .isEqualTo(ExerciseCatalog.ALL.stream().map(Exercise::id).toList());
        for (int i = 0; i < Math.min(rows.size(), ExerciseCatalog.ALL.size()); i++) {
            var e = ExerciseCatalog.ALL.get(i);
            soft.assertThat(rows.get(i)).as("docs/exercises.md's row of %s: its title, page and file", e.id())
                    .contains("| " + e.title() + " |").contains("(" + e.docs().replace("docs/", "") + ")")
                    .contains("(../" + e.stubPath() + ")");
        }
        int n = ExerciseCatalog.ALL.size();
        String last = ExerciseCatalog.ALL.get(n - 1).id();
        String word = numberWord(n);
        countSaid(soft, "README.md", "([A-Z][a-z]+(?:-[a-z]+)?) exercises: ", word + " exercises: ", n);
        countSaid(soft, "docs/exercises.md", "([A-Z][a-z]+(?:-[a-z]+)?) small exercises", word + " small exercises", n);
        countSaid(soft, "docs/README.md", "all of ex01–(ex\\d\\d) \\|", "all of ex01–" + last + " |", n);
        soft.assertAll();
    }

    /** One line for a teacher: what the file says now, and what to write, instead of the whole file. */
    private static void countSaid(SoftAssertions soft, String file, String said, String expected, int n) {
        String text = read(ROOT.resolve(file));
        Matcher m = Pattern.compile(said).matcher(text);
        String now = m.find() ? "says \"" + m.group() + "\"" : "has no phrase that counts the exercises";
        soft.assertThat(text.contains(expected)).withFailMessage("%s %s; the catalog has %d exercises: write \"%s\"",
                file, now, n, expected).isTrue();
    }

    /** 1 … 99 in words, capitalised, as the README writes the number of exercises ("Twenty-one"). */
    static String numberWord(int n) {
        String[] ones = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        String w = n < 20 ? ones[n] : tens[n / 10] + (n % 10 == 0 ? "" : "-" + ones[n % 10]);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    @Test
    @DisplayName("Every public top-level class, record, enum and interface of src/main is linked from a docs page")
    void everyPublicClassIsLinkedFromTheDocs() {
        Set<Path> linked = docsPages().stream()
                .flatMap(p -> Markdown.relativeLinks(p).stream())
                .map(Link::resolved)
                .collect(Collectors.toSet());
        var publicTypes = javaFiles(ROOT.resolve("src/main/java")).stream()
                .filter(p -> read(p).lines().anyMatch(l -> PUBLIC_TYPE.matcher(l).find()))
                .toList();
        assertThat(publicTypes).as("src/main/java has public classes").isNotEmpty();
        var unlinked = publicTypes.stream()
                .filter(p -> !linked.contains(p))
                .map(p -> ROOT.relativize(p).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unlinked).as("no docs page links these public classes; add a link to it from the docs page of "
                + "its section (a relative link to the .java file, e.g. "
                + "[Rnn](../src/main/java/rnnscratch/rnn/Rnn.java))")
                .isEmpty();
    }

    @Test
    @DisplayName("Every public class of the book's path (rnn, train, autograd, tensor, text, seq, optim) names its docs "
            + "page in a 'Docs:' line")
    void everyPublicClassOfTheBooksPathNamesItsPage() throws IOException {
        var missing = new ArrayList<String>();
        for (String pkg : List.of("rnn", "train", "autograd", "tensor", "text", "seq", "optim")) {
            try (Stream<Path> files = Files.list(ROOT.resolve("src/main/java/rnnscratch").resolve(pkg))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String text = read(f);
                    if (text.lines().anyMatch(l -> PUBLIC_TYPE.matcher(l).find()) && !DOCS_LINE.matcher(text).find()) {
                        missing.add(ROOT.relativize(f).toString());
                    }
                }
            }
        }
        assertThat(missing).as("public classes a student reads whose Javadoc has no 'Docs: docs/<page>.md' line").isEmpty();
    }

    @Test
    @DisplayName("Every 'Docs: docs/<page>.md' line in the Javadoc of src/ names an existing page")
    void everyJavadocDocsLineNamesAnExistingPage() {
        var missing = new TreeSet<String>();
        int lines = 0;
        for (Path java : javaFiles(ROOT.resolve("src"))) {
            Matcher m = DOCS_LINE.matcher(read(java));
            while (m.find()) {
                lines++;
                Matcher page = DOCS_PAGE.matcher(m.group(1));
                while (page.find()) {
                    if (!Files.exists(ROOT.resolve(page.group()))) {
                        missing.add(ROOT.relativize(java) + " -> " + page.group());
                    }
                }
            }
        }
        assertThat(lines).as("the Javadoc points to the docs").isPositive();
        assertThat(missing).as("Javadoc that sends the reader to a page that does not exist; fix the name or write "
                + "the page").isEmpty();
    }

    /**
     * The library's own version of what each exercise asks for, as {@code file#method} (every overload): a code block
     * on the exercise's page that holds a statement of one of these bodies shows the answer as much as the reference
     * solution does.
     */
    private static final Map<String, List<String>> LIBRARY_VERSIONS = Map.ofEntries(
            Map.entry("ex02", List.of("src/main/java/rnnscratch/seq/MarkovFeatures.java#of")),
            Map.entry("ex03", List.of("src/main/java/rnnscratch/seq/Prediction.java#kStep",
                    "src/main/java/rnnscratch/seq/Prediction.java#kStepErrors")),
            Map.entry("ex04", List.of("src/main/java/rnnscratch/text/Tokenize.java#tokenize",
                    "src/main/java/rnnscratch/text/Vocab.java#of")),
            Map.entry("ex05", List.of("src/main/java/rnnscratch/text/SeqDataIter.java#seqDataIterSequential")),
            Map.entry("ex06", List.of("src/main/java/rnnscratch/text/SeqDataIter.java#seqDataIterRandom")),
            Map.entry("ex07", List.of("src/main/java/rnnscratch/rnn/OneHot.java#transpose",
                    "src/main/java/rnnscratch/rnn/OneHot.java#oneHot")),
            Map.entry("ex08", List.of("src/main/java/rnnscratch/rnn/RnnParams.java#getParams",
                    "src/main/java/rnnscratch/rnn/RnnState.java#initRnnState")),
            Map.entry("ex09", List.of("src/main/java/rnnscratch/rnn/Rnn.java#rnn")),
            Map.entry("ex10", List.of("src/main/java/rnnscratch/train/Perplexity.java#perplexity")),
            Map.entry("ex11", List.of("src/main/java/rnnscratch/train/GradClipping.java#gradClipping")),
            Map.entry("ex12", List.of("src/main/java/rnnscratch/train/MinibatchState.java#stateForMinibatch",
                    "src/test/java/rnnscratch/autograd/DetachTest.java#notesDetachExampleGives12And4")),
            Map.entry("ex13", List.of("src/main/java/rnnscratch/optim/Sgd.java#sgd")),
            Map.entry("ex14", List.of("src/main/java/rnnscratch/rnn/Predict.java#predictIds",
                    "src/main/java/rnnscratch/train/PredictCh8.java#predictCh8")),
            Map.entry("ex15", List.of("src/main/java/rnnscratch/rnn/Predict.java#predictIds")),
            Map.entry("ex17", List.of("src/main/java/rnnscratch/train/Labels.java#flattenTransposed")),
            Map.entry("ex18", List.of("src/main/java/rnnscratch/rnn/Sampling.java#softmaxWithTemperature",
                    "src/main/java/rnnscratch/rnn/Sampling.java#sample")));

    @Test
    @DisplayName("Write first, then read: on every exercise's page, '## Exercises' with its '### Write it: exNN' comes "
            + "before any code that shows the answer, and that code lies only under an '## After exNN …' heading")
    void exercisesComeBeforeTheirAnswers() {
        var problems = new ArrayList<String>();
        var byPage = ExerciseCatalog.ALL.stream().collect(Collectors.groupingBy(e -> e.docs().replaceAll("#.*", ""),
                LinkedHashMap::new, Collectors.toList()));
        byPage.forEach((page, exercises) -> problems.addAll(WriteFirst.problems(page, read(ROOT.resolve(page)),
                exercises.stream().map(DocsTest::answer).toList())));
        assertThat(problems).as("a student must be able to write an exercise before the page shows its Java: give the "
                + "notes' Python, the math and the shapes, then '## Exercises' with '### Write it: exNN — <title>', "
                + "then '## After exNN passes: the library's version' with the code (docs/exercises.md)").isEmpty();
    }

    @Test
    @DisplayName("Write first, then read: above its '## Exercises', a page links no library file that holds the answer "
            + "of its own exercises or of a later one; it links the '## After exNN' section, which does")
    void noLinkToAnAnswerAboveTheExercises() {
        var problems = new ArrayList<String>();
        var pages = ExerciseCatalog.ALL.stream().map(e -> e.docs().replaceAll("#.*", "")).distinct().toList();
        for (String page : pages) {
            String text = read(ROOT.resolve(page));
            int exercises = text.indexOf("\n## Exercises");
            String first = ExerciseCatalog.ALL.stream().filter(e -> e.docs().startsWith(page + "#")).map(Exercise::id)
                    .min(String::compareTo).orElseThrow();
            LIBRARY_VERSIONS.entrySet().stream().filter(v -> v.getKey().compareTo(first) >= 0).forEach(v -> {
                String id = v.getKey();
                v.getValue().stream().map(ref -> ref.substring(0, ref.indexOf('#')))
                    .filter(file -> file.startsWith("src/main/")).distinct().forEach(file -> {
                        String link = "](" + ROOT.resolve(page).getParent().relativize(ROOT.resolve(file)).toString()
                                .replace('\\', '/') + ")";
                        int at = text.indexOf(link);
                        if (at >= 0 && at < exercises) {
                            problems.add(page + ":" + (text.substring(0, at).split("\n", -1).length) + " links "
                                    + file + ", which holds " + id + "'s answer, above '## Exercises'");
                        }
                    });
            });
        }
        assertThat(problems).as("link to the '## After exNN passes' section instead (it links the file)").isEmpty();
    }

    /** The solution file of a made-up exercise ex99, for the write-first check's own tests. */
    private static final String NORM_SOLUTION = """
            class Ex99 {
                static double norm(double[] g) {
                    // BEGIN SOLUTION
                    double sum = 0;
                    for (double x : g) {
                        sum += x * x;   // every square
                    }
                    return Math.sqrt(sum) / (double) g.length;
                    // END SOLUTION
                    // STUB: throw new UnsupportedOperationException("Exercise 99 (norm): write norm — read x");
                }
            }
            """;

    @Test
    @DisplayName("The write-first check finds an answer shown above its exercise, reflowed or not, and a block of "
            + "the library's version of it")
    void writeFirstCatchesAnAnswerShownEarly() {
        var answer = normAnswer();
        assertThat(WriteFirst.problems("docs/x.md", EARLY, List.of(answer))).as("the problems of a page that shows "
                + "ex99's answer, reflowed, above its exercise").singleElement().asString()
                .startsWith("docs/x.md:9: this code block shows ex99's answer (returnMath.sqrt(sum)/(double)g.length;) "
                        + "under '## The code beside the book'");
        String library = EARLY.replace("return   Math.sqrt(sum)\n        / (double) g.length;",
                "static double globalNorm(double[] gradient) {\n    return 0;\n}");
        assertThat(WriteFirst.problems("docs/x.md", library, List.of(answer)))
                .as("the problems of a page that defines the library's globalNorm above the exercise")
                .singleElement().asString().contains("the definition of globalNorm(…)");
        String libraryBody = EARLY.replace("return   Math.sqrt(sum)\n        / (double) g.length;",
                "return Arrays.stream(gradient).map(v -> v * v).sum();  // the book's");
        assertThat(WriteFirst.problems("docs/x.md", libraryBody, List.of(answer)))
                .as("the problems of a page that shows a line of the library's version above the exercise").hasSize(1);
    }

    @Test
    @DisplayName("The write-first check passes a page that shows the answer only below its 'After' heading")
    void writeFirstPassesAPageInOrder() {
        assertThat(WriteFirst.problems("docs/x.md", IN_ORDER, List.of(normAnswer())))
                .as("the problems of a page in the right order").isEmpty();
    }

    @Test
    @DisplayName("The write-first check finds a missing '### Write it' heading, watch-mode command or 'After' heading")
    void writeFirstCatchesAMissingHeadingOrCommand() {
        var answer = normAnswer();
        assertThat(WriteFirst.problems("docs/x.md", IN_ORDER.replace("### Write it: ex99 — the norm", ""),
                List.of(answer))).as("the problems of a page without its 'Write it' heading")
                .singleElement().asString().contains("no '### Write it: ex99 — <title>'");
        assertThat(WriteFirst.problems("docs/x.md", IN_ORDER.replace("`mvn -q test-compile exec:java@watch` or ", ""),
                List.of(answer))).as("the problems of a page without the watch-mode command")
                .singleElement().asString().contains("does not give the command `mvn -q test-compile "
                        + "exec:java@watch`");
        assertThat(WriteFirst.problems("docs/x.md", IN_ORDER.replace("## After ex99 passes", "## After ex98 passes"),
                List.of(answer))).as("the problems of a page whose 'After' heading names another exercise")
                .anySatisfy(p -> assertThat(p).contains("no '## After ex99 passes"));
    }

    /** ex99, the norm: its answer and the library's version of it, for the write-first check. */
    private static WriteFirst.Answer normAnswer() {
        return WriteFirst.Answer.of("ex99", NORM_SOLUTION,
                List.of("return Arrays.stream(gradient).map(v -> v * v).sum();"), List.of("globalNorm"));
    }

    /** A page that shows ex99's answer, reflowed, under a heading above its exercise. */
    private static final String EARLY = """
                # A page

                ```python
                def norm(g): return math.sqrt(sum(x * x for x in g)) / len(g)
                ```

                ## The code beside the book

                ```java
                return   Math.sqrt(sum)
                        / (double) g.length;
                ```

                ## Exercises

                ### Write it: ex99 — the norm

                Run `mvn -q test-compile exec:java@watch` or `mvn test -Pexercises -Dgroups=ex99`.

                ## After ex99 passes: the library's version

                ```java
                return Math.sqrt(sum) / (double) g.length;
                ```
                """;

    /** The same page with the early block holding no answer: the right order. */
    private static final String IN_ORDER =
            EARLY.replace("return   Math.sqrt(sum)\n        / (double) g.length;", "return 0;");

    @Test
    @DisplayName("The write-first check sends an answer shown early below the page's own 'After' heading, also one that "
            + "names two exercises")
    void writeFirstNamesThePagesAfterHeading() {
        var answer = WriteFirst.Answer.of("ex99", NORM_SOLUTION, List.of(), List.of());
        String page = """
                # A page

                ```java
                return Math.sqrt(sum) / (double) g.length;
                ```

                ## Exercises

                ### Write it: ex99 — the norm

                Run `mvn -q test-compile exec:java@watch` or `mvn test -Pexercises -Dgroups=ex99`.

                ## After ex98 and ex99 pass: the library's version

                ```java
                return Math.sqrt(sum) / (double) g.length;
                ```
                """;
        assertThat(WriteFirst.problems("docs/x.md", page, List.of(answer))).singleElement().asString()
                .as("the problem with the block above the exercise")
                .contains("move it below '## After ex98 and ex99 pass: the library's version'");
    }

    @Test
    @DisplayName("On every page the math survives GitHub's Markdown: $ and $$ are balanced, and no formula holds a "
            + "backslash before punctuation or an HTML-like <")
    void mathSurvivesMarkdown() {
        var problems = new ArrayList<String>();
        for (Path page : docsPages()) {
            String text = Markdown.prose(read(page));
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
            for (String f : Markdown.formulas(text)) {
                if (EATEN_BY_MARKDOWN.matcher(f).find()) {
                    problems.add(name + ": " + f + "  (write \\lbrace, \\mid, \\lt, a space, … instead)");
                }
            }
        }
        assertThat(problems).as("formulas GitHub would show garbled").isEmpty();
    }

    // ----- helpers ------------------------------------------------------------------------------------------------

    /** What shows an exercise's answer: its solution and the library's version ({@link #LIBRARY_VERSIONS}). */
    private static WriteFirst.Answer answer(Exercise e) {
        var bodies = new ArrayList<String>();
        var names = new ArrayList<String>();
        for (String ref : LIBRARY_VERSIONS.getOrDefault(e.id(), List.of())) {
            String file = ref.substring(0, ref.indexOf('#'));
            String name = ref.substring(ref.indexOf('#') + 1);
            var found = methodBodies(read(ROOT.resolve(file)), name);
            assertThat(found).as("%s: %s defines no method %s (DocsTest.LIBRARY_VERSIONS)", e.id(), file, name)
                    .isNotEmpty();
            bodies.addAll(found);
            names.add(name);
        }
        return WriteFirst.Answer.of(e.id(), read(ROOT.resolve(e.solutionPath())), bodies, names);
    }

    /** The bodies of every method called {@code name} in a Java source, without their braces. */
    static List<String> methodBodies(String source, String name) {
        var bodies = new ArrayList<String>();
        Matcher m = Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(name) + "\\s*\\([^;{]*\\)\\s*(?:throws[^{;]*)?\\{")
                .matcher(source);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            for (; i < source.length() && depth > 0; i++) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    for (i++; i < source.length() && source.charAt(i) != c; i++) {
                        i += source.charAt(i) == '\\' ? 1 : 0;
                    }
                } else {
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
            }
            bodies.add(source.substring(m.end(), i - 1));
        }
        return bodies;
    }

    /** docs/*.md, sorted. */
    private static List<Path> docsPages() {
        try (Stream<Path> s = Files.list(DOCS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relative links of every docs page and of the repository's README.md. */
    private static List<Link> allLinks() {
        var pages = new ArrayList<>(docsPages());
        pages.add(ROOT.resolve("README.md"));
        return pages.stream().flatMap(p -> Markdown.relativeLinks(p).stream()).toList();
    }

    private static boolean intoExercises(Link l) {
        return l.resolved().startsWith(EXERCISES);
    }

    private static String describe(Link l) {
        return ROOT.relativize(l.page()) + " -> " + l.target();
    }

    /** The .java files under {@code dir}, sorted. */
    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
