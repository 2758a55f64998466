package rnnscratch.exercises.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.testing.Props;
import rnnscratch.tools.Stubs;

/**
 * The stubs in exercises/ and the generator that makes them from solutions/: the build puts a stub in the place of
 * an exercise file that breaks the declarations its tests call, so a student's answers never turn it red; the
 * generator never overwrites a student's work unless told to. Docs: docs/exercises.md#for-teachers-regenerating-the-stubs
 */
class StubsTest {
    private static final String SOLUTION = """
            package p;

            import java.util.List;

            /** Javadoc of A. */
            public final class A {
                private A() {}

                /** f's Javadoc. */
                public static int f(int x) {
                    // BEGIN SOLUTION
                    return x + 1;
                    // END SOLUTION
                    // STUB: throw new UnsupportedOperationException("Exercise 99 (f): write f — read docs/x.md");
                }
            }
            """;

    /** A repository holding one solution, and {@code exercise} as its exercise file. */
    private static Path repo(Path dir, String solution, String exercise) throws IOException {
        Path sol = dir.resolve(Stubs.SOLUTIONS).resolve("p/A.java");
        Path ex = dir.resolve(Stubs.EXERCISES).resolve("p/A.java");
        Files.createDirectories(sol.getParent());
        Files.createDirectories(ex.getParent());
        Files.writeString(sol, solution);
        Files.writeString(ex, exercise);
        return ex;
    }

    @Test
    @DisplayName("The layout of a declaration does not count: a brace on its own line, a wrapped signature, renamed "
            + "parameters and final keep the contract")
    void layoutKeepsTheContract(@TempDir Path dir) throws IOException {
        String stub = Stubs.stub("A.java", SOLUTION);
        String relaidOut = stub.replace("public static int f(int x) {", "public static\n    int f(final int y)\n    {")
                .replace("throw new UnsupportedOperationException(\"Exercise 99 (f): write f — read docs/x.md\");",
                        "return y + 1;");
        repo(dir, SOLUTION, relaidOut);
        assertThat(Stubs.contractDifferences(dir)).isEmpty();
    }

    @Test
    @DisplayName("How a type is written does not count: qualified or imported, a nested type with its outer class's "
            + "name, an unchecked exception in throws; a varargs parameter stays varargs")
    void spellingOfTypesKeepsTheContract(@TempDir Path dir) throws IOException {
        String solution = SOLUTION.replace("public static int f(int x) {", "public static int f(List<Integer> xs, "
                + "Inner in, int... x) {").replace("    private A() {}", "    private A() {}\n\n    /** Inner. */\n"
                + "    public static final class Inner {}");
        String stub = Stubs.stub("A.java", solution);
        repo(dir, solution, stub.replace("f(List<Integer> xs, Inner in, int... x) {",
                "f(java.util.List<java.lang.Integer> xs, A.Inner in, int ... x) throws IllegalArgumentException {"));
        assertThat(Stubs.contractDifferences(dir)).isEmpty();
        repo(dir, solution, stub.replace("int... x", "int[] x"));
        assertThat(Stubs.contractDifferences(dir)).as("f(…, 1, 2) no longer compiles").hasSize(1);
    }

    @Test
    @DisplayName("What a caller depends on counts: a parameter's type, static, the return type, the access")
    void callersViewBreaksTheContract(@TempDir Path dir) throws IOException {
        String stub = Stubs.stub("A.java", SOLUTION);
        for (String changed : java.util.List.of(stub.replace("int f(int x)", "int f(long x)"),
                stub.replace("public static int f", "public int f"), stub.replace("static int f", "static long f"),
                stub.replace("public static int f", "static int f"))) {
            repo(dir, SOLUTION, changed);
            assertThat(Stubs.contractDifferences(dir)).as(changed).singleElement().asString()
                    .startsWith("exercises/src/main/java/p/A.java:").contains("`public static int f(int x) {`");
        }
    }

    @Test
    @DisplayName("The build compiles the stub in the place of a file that breaks its contract or is missing, and "
            + "names it in one line; the student's file stays as it is")
    void buildPutsTheStubInPlace(@TempDir Path dir) throws Exception {
        String stub = Stubs.stub("A.java", SOLUTION);
        String changed = stub.replace("int f(int x)", "int f(int x, int y)");
        Path ex = repo(dir, SOLUTION, changed);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(Stubs.compileExercises(dir, classes)).singleElement().asString()
                .startsWith("exercises/src/main/java/p/A.java:").contains("f is not declared as its exercise gives it");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            assertThat(loader.loadClass("p.A").getMethod("f", int.class)).as("the stub's f(int)").isNotNull();
        }
        assertThat(Files.readString(ex)).as("the student's file is untouched").isEqualTo(changed);

        Files.delete(ex);
        assertThat(Stubs.compileExercises(dir, classes)).singleElement().asString()
                .isEqualTo("exercises/src/main/java/p/A.java:1: the file is missing (restore it with git checkout -- "
                        + "exercises/src/main/java/p/A.java; the stub of an exercise new in solutions/ is written by "
                        + "java tools/rnnscratch/tools/Stubs.java)");
        assertThat(ex).as("nothing is written into exercises/").doesNotExist();
    }

    @Test
    @DisplayName("A student's bodies, comments, imports and helper methods keep the contract check green")
    void answersKeepTheContract(@TempDir Path dir) throws IOException {
        String stub = Stubs.stub("A.java", SOLUTION);
        String answered = stub.replace("import java.util.List;", "import java.util.List;\nimport java.util.Map;")
                .replace("        throw new UnsupportedOperationException(\"Exercise 99 (f): write f — read docs/x.md\");",
                        "        // my own note\n        int y = helper(x);\n        return y;")
                .replace("    private A() {}", "    private A() {}\n\n    private static int helper(int x) {\n"
                        + "        return x + 1;\n    }");
        repo(dir, SOLUTION, answered);
        assertThat(Stubs.contractDifferences(dir)).isEmpty();
        assertThat(Stubs.differences(dir)).as("the exact check of .ci/run does see the difference")
                .hasSize(1);
    }

    @Test
    @DisplayName("The build names the exercise file itself when it uses a helper of the student's that does not "
            + "compile, and leaves out a copy of an exercise file in another folder, keeping the student's answer")
    void buildNamesTheRightFile(@TempDir Path dir) throws Exception {
        String stub = Stubs.stub("A.java", SOLUTION);
        String answered = stub.replace(
                "throw new UnsupportedOperationException(\"Exercise 99 (f): write f — read docs/x.md\");",
                "return x + 2;");
        repo(dir, SOLUTION, answered);
        Path copy = dir.resolve(Stubs.EXERCISES).resolve("p/old/A.java");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, stub);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(Stubs.compileExercises(dir, classes)).singleElement().asString()
                .startsWith("exercises/src/main/java/p/old/A.java:1: declares a class of the same name");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            assertThat(loader.loadClass("p.A").getMethod("f", int.class).invoke(null, 1)).as("the student's f")
                    .isEqualTo(3);
        }
        Files.delete(copy);

        Files.writeString(dir.resolve(Stubs.EXERCISES).resolve("p/Helper.java"),
                "package p;\n\nfinal class Helper {\n    static int two() { return 2 }\n}\n");
        repo(dir, SOLUTION, answered.replace("return x + 2;", "return x + Helper.two();"));
        assertThat(Stubs.compileExercises(dir, classes)).containsExactly(
                "exercises/src/main/java/p/A.java:1: it uses a file that does not compile "
                        + "(exercises/src/main/java/p/Helper.java:4: ';' expected)",
                "exercises/src/main/java/p/Helper.java:4: ';' expected");
    }

    @Test
    @DisplayName("A changed contract in solutions/ that was not regenerated fails the check, naming the line")
    void staleContractFails(@TempDir Path dir) throws IOException {
        String stub = Stubs.stub("A.java", SOLUTION);
        repo(dir, SOLUTION.replace("int f(int x)", "int f(int x, int y)"), stub);
        assertThat(Stubs.contractDifferences(dir)).singleElement().asString()
                .contains("exercises/src/main/java/p/A.java").contains("`public static int f(int x, int y) {`")
                .doesNotContain("exec:java").doesNotContain("mvn");
    }

    @Test
    @DisplayName("The generator writes over untouched or outdated stubs, and keeps a file holding a student's code")
    void generatorKeepsAStudentsWork(@TempDir Path dir) throws IOException {
        String stub = Stubs.stub("A.java", SOLUTION);
        String answered = stub.replace(
                "throw new UnsupportedOperationException(\"Exercise 99 (f): write f — read docs/x.md\");",
                "return x + 1; // mine");
        Path ex = repo(dir, SOLUTION.replace("f's Javadoc", "f's new Javadoc"), answered);
        var kept = Stubs.write(dir, false);
        assertThat(kept.written()).isEmpty();
        assertThat(kept.refused()).containsOnlyKeys(Stubs.EXERCISES.resolve("p/A.java"));
        assertThat(kept.refused().values().iterator().next()).containsExactly("line 11: return x + 1; // mine");
        assertThat(Files.readString(ex)).as("the student's file is untouched").isEqualTo(answered);

        var forced = Stubs.write(dir, true);
        assertThat(forced.written()).containsExactly(Stubs.EXERCISES.resolve("p/A.java"));
        assertThat(Files.readString(ex)).contains("f's new Javadoc").contains("UnsupportedOperationException");

        Files.writeString(dir.resolve(Stubs.SOLUTIONS).resolve("p/A.java"),
                SOLUTION.replace("int f(int x)", "long f(long x)"));
        assertThat(Stubs.write(dir, false).written()).as("an untouched stub with an old signature is rewritten")
                .containsExactly(Stubs.EXERCISES.resolve("p/A.java"));
    }

    @Test
    @DisplayName("A missing stub fails the check, and the check's last line says which command writes the stubs")
    void checkSaysHowToWriteTheStubs(@TempDir Path dir) throws IOException {
        Files.delete(repo(dir, SOLUTION, ""));
        var problems = Stubs.differences(dir);
        assertThat(problems).containsExactly("exercises/src/main/java/p/A.java is missing");
        assertThat(Stubs.checkSummary(problems, 1)).startsWith("stubs: 1 stub(s) are not what solutions/ gives")
                .contains("java tools/rnnscratch/tools/Stubs.java");
        assertThat(Stubs.checkSummary(java.util.List.of(), 1)).isEqualTo("stubs: all 1 stubs are up to date");
    }

    @Test
    @DisplayName("A checkout with Windows line endings (CRLF) is up to date as it is: the check finds no difference "
            + "and the generator rewrites no file and sees no student's work in it")
    void windowsLineEndingsAreUpToDate(@TempDir Path dir) throws IOException {
        String crlfStub = Stubs.stub("A.java", SOLUTION).replace("\n", "\r\n");
        Path ex = repo(dir, SOLUTION.replace("\n", "\r\n"), crlfStub);
        assertThat(Stubs.differences(dir)).as("a CRLF stub of a CRLF solution (git's core.autocrlf=true on Windows)")
                .isEmpty();
        var result = Stubs.write(dir, false);
        assertThat(result.written()).as("files the generator rewrote").isEmpty();
        assertThat(result.refused()).as("files it took for a student's work").isEmpty();
        assertThat(Files.readString(ex)).isEqualTo(crlfStub);
    }

    @Test
    @DisplayName("A stub the generator writes into a checkout with Windows line endings ends every line as its "
            + "solution does, with CRLF")
    void generatorKeepsTheSolutionsLineEndings(@TempDir Path dir) throws IOException {
        String solution = SOLUTION.replace("f's Javadoc", "f's new Javadoc").replace("\n", "\r\n");
        Path ex = repo(dir, solution, Stubs.stub("A.java", SOLUTION).replace("\n", "\r\n"));
        assertThat(Stubs.write(dir, false).written()).containsExactly(Stubs.EXERCISES.resolve("p/A.java"));
        String written = Files.readString(ex);
        assertThat(written).contains("f's new Javadoc");
        assertThat(written.replace("\r\n", "")).as("the stub written, without its CRLFs: no lone LF is left")
                .doesNotContain("\n");
        assertThat(Stubs.differences(dir)).isEmpty();
    }

    @Test
    @DisplayName("A student's statements and comments count as their work; blank lines, imports, Javadoc and a stub's throw do not")
    void studentWorkIsStatementsAndComments() {
        String stub = Stubs.stub("A.java", SOLUTION);
        assertThat(Stubs.studentCode(stub, stub)).isEmpty();
        String commented = stub.replace("    private A() {}", "    private A() {}\n    // return x + 1; (my first try)\n"
                + "    /* and a note\n       of mine */");
        assertThat(Stubs.studentCode(commented, stub)).as("an attempt commented out and a note are the student's work")
                .containsExactly("line 8: // return x + 1; (my first try)", "line 9: /* and a note",
                        "line 10: of mine */");
        String javadoc = stub.replace("    private A() {}", "    private A() {}\n    /**\n     * A newer Javadoc\n     */\n\n");
        assertThat(Stubs.studentCode(javadoc, stub)).as("Javadoc is the teacher's, and changes with the solution")
                .isEmpty();
        assertThat(Stubs.studentCode(stub.replace("throw new UnsupportedOperationException(\"Exercise 99",
                "throw new UnsupportedOperationException(\"Exercise 98"), stub)).as("an older stub message").isEmpty();
        assertThat(Stubs.studentCode(stub.replace("import java.util.List;", "import java.util.Map;"), stub))
                .isEmpty();
    }

    @Test
    @DisplayName("A solution region becomes its STUB line at the same indentation; the code around it is kept")
    void regionBecomesItsStubLine() {
        String solution = """
                class A {
                    static int f(int x) {
                        // BEGIN SOLUTION
                        return x + 1;
                        // END SOLUTION
                        // STUB: throw new UnsupportedOperationException("Exercise 99 (f): start here");
                    }
                }
                """;
        assertThat(Stubs.stub("A.java", solution)).isEqualTo("""
                class A {
                    static int f(int x) {
                        throw new UnsupportedOperationException("Exercise 99 (f): start here");
                    }
                }
                """);
    }

    @Test
    @DisplayName("Lines outside the markers are copied unchanged, and a region without a STUB line disappears")
    void linesOutsideMarkersAreKept() {
        Props.qt().forAll(lists().of(strings().ascii().ofLengthBetween(0, 12)).ofSizeBetween(0, 8),
                        integers().between(0, 8), integers().between(0, 3))
                .assuming((lines, at, answerLines) -> at <= lines.size()
                        && lines.stream().noneMatch(l -> l.contains("//") || l.contains("\n")))
                .checkAssert((lines, at, answerLines) -> {
                    var with = new ArrayList<>(lines);
                    var region = new ArrayList<String>();
                    region.add("  // BEGIN SOLUTION");
                    for (int i = 0; i < answerLines; i++) {
                        region.add("  answer();");
                    }
                    region.add("  // END SOLUTION");
                    with.addAll(at, region);
                    String source = String.join("\n", with) + "\n";
                    assertThat(Stubs.stub("X.java", source))
                            .as("the stub of a file whose only region holds %s line(s) at line %s", answerLines, at + 1)
                            .isEqualTo(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
                });
    }

    @Test
    @DisplayName("A marker out of place is reported with its file and line")
    void misplacedMarkersAreReported() {
        assertThatThrownBy(() -> Stubs.stub("B.java", "a\n// BEGIN SOLUTION\nb\n"))
                .hasMessage("B.java:2: BEGIN SOLUTION is never closed by END SOLUTION");
        assertThatThrownBy(() -> Stubs.stub("B.java", "a\n  // END SOLUTION\n"))
                .hasMessage("B.java:2: END SOLUTION without a BEGIN SOLUTION before it");
        assertThatThrownBy(() -> Stubs.stub("B.java", "// STUB: x();\n"))
                .hasMessage("B.java:1: a STUB line must come right after END SOLUTION");
        assertThatThrownBy(() -> Stubs.stub("B.java", "// BEGIN SOLUTION\n// BEGIN SOLUTION\n"))
                .hasMessage("B.java:2: BEGIN SOLUTION inside the region opened at line 1");
    }
}
