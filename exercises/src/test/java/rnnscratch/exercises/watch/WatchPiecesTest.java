package rnnscratch.exercises.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.autograd.Tensor;
import rnnscratch.exercises.progress.ExerciseCatalog;
import rnnscratch.exercises.progress.ExerciseResult;
import rnnscratch.exercises.progress.ExerciseRun;
import rnnscratch.tools.Stubs;

/**
 * The pieces of the watch mode: compiling one exercise file in this JVM, loading it fresh, and running its tests on
 * it. (How fast a save becomes a verdict is measured by hand, as docs/exercises.md tells.) Docs: docs/exercises.md
 */
class WatchPiecesTest {
    private static final rnnscratch.exercises.progress.Exercise EX10 = ExerciseCatalog.byId("ex10").orElseThrow();

    static Path classesOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ExerciseResult compileAndRun(Path source, Path scratch) throws Exception {
        var compiler = new ExerciseCompiler(scratch, List.of(classesOf(Tensor.class)));
        assertThat(compiler.compile(List.of(source)).errors()).as("compile errors of %s", source).isEmpty();
        var loader = new FreshLoader(List.of(scratch, classesOf(ExerciseCatalog.class)),
                WatchPiecesTest.class.getClassLoader());
        return ExerciseRun.run(loader, List.of(EX10)).result(EX10);
    }

    @Test
    @DisplayName("The reference answer, compiled in this JVM and loaded fresh, passes its tests; the stub fails with its message")
    void solutionPassesAndStubFails(@TempDir Path dir) throws Exception {
        var solved = compileAndRun(Path.of(EX10.solutionPath()), dir.resolve("solution"));
        assertThat(solved.status()).as("ex10 from solutions/: %s", solved.message())
                .isEqualTo(ExerciseResult.Status.PASS);
        // The stub as the generator makes it, not the file in exercises/, which may hold the student's answer.
        Path stubFile = dir.resolve("stub-src/" + EX10.className() + ".java");
        Files.createDirectories(stubFile.getParent());
        Files.writeString(stubFile, Stubs.stub(EX10.solutionPath(),
                Files.readString(Path.of(EX10.solutionPath()))));
        var stub = compileAndRun(stubFile, dir.resolve("stub"));
        assertThat(stub.status()).as("the stub's status: %s", stub.message()).isEqualTo(ExerciseResult.Status.FAIL);
        assertThat(stub.notStarted()).as("the stub's message: %s", stub.message()).isTrue();
    }

    @Test
    @DisplayName("A file that does not compile gives javac's message with its file, line and a caret, no stack trace")
    void compileErrorsAreShort(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/Ex10Perplexity.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package rnnscratch.exercises;\nfinal class Ex10Perplexity {\n    int f() { return x; }\n}\n");
        var result = new ExerciseCompiler(dir.resolve("out"), List.of(classesOf(Tensor.class))).compile(List.of(src));
        assertThat(result.ok()).as("whether a file with an unknown symbol compiled").isFalse();
        assertThat(result.errors()).as("javac's errors for one unknown symbol").hasSize(1);
        assertThat(result.errors().get(0)).startsWith("Ex10Perplexity.java:3: cannot find symbol")
                .contains("int f() { return x; }").contains("^").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    @DisplayName("The fresh loader never takes an exercise class from its parent, which may hold the reference answers")
    void freshLoaderIsChildOnlyForExercises(@TempDir Path empty) throws Exception {
        var loader = new FreshLoader(List.of(empty), WatchPiecesTest.class.getClassLoader());
        assertThatThrownBy(() -> loader.loadClass("rnnscratch.exercises.Ex10Perplexity"))
                .as("Ex10Perplexity, which only the parent holds")
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loader.loadClass(Tensor.class.getName())).as("the library comes from the parent")
                .isSameAs(Tensor.class);
        assertThat(loader.loadClass(ExerciseRun.class.getName())).as("so does the progress package")
                .isSameAs(ExerciseRun.class);
        assertThat(FreshLoader.isExercisePackage("rnnscratch.exercises.Ex09RnnStep$1"))
                .as("an exercise's inner class is loaded fresh").isTrue();
        assertThat(FreshLoader.isExercisePackage("rnnscratch.exercises.progress.ExerciseRun"))
                .as("the progress package is not an exercise: it comes from the parent").isFalse();
    }

    @Test
    @DisplayName("\"next\" names the exercise being worked on until it passes, then the next one that does not pass")
    void nextFollowsTheStudent() {
        var all = ExerciseCatalog.ALL;
        var ex09 = all.get(8);
        var results = new java.util.ArrayList<ExerciseResult>();
        for (var e : all) {
            boolean passes = e.id().compareTo("ex03") <= 0 || e.id().equals("ex10");
            results.add(new ExerciseResult(e, passes ? ExerciseResult.Status.PASS : ExerciseResult.Status.FAIL, 1,
                    passes ? 1 : 0, ""));
        }
        assertThat(Watch.next(results, null)).as("nothing worked on yet: the first that does not pass")
                .contains(all.get(3));
        assertThat(Watch.next(results, ex09)).as("working on ex09, which fails").contains(ex09);
        results.set(8, new ExerciseResult(ex09, ExerciseResult.Status.PASS, 1, 1, ""));
        assertThat(Watch.next(results, ex09)).as("ex09 just passed; ex10 passes already").contains(all.get(10));
        var last = all.get(all.size() - 1);
        results.set(all.size() - 1, new ExerciseResult(last, ExerciseResult.Status.PASS, 1, 1, ""));
        assertThat(Watch.next(results, last)).as("after the last exercise it wraps round").contains(all.get(3));
    }

    @Test
    @DisplayName("At start, \"next\" (and the exercise h gives hints for) is the first one the student has started, not "
            + "an untouched stub before it")
    void nextAtStartIsTheStartedOne() {
        var all = ExerciseCatalog.ALL;
        var ex09 = all.get(8);
        var results = new java.util.ArrayList<ExerciseResult>();
        for (var e : all) {
            String message = e.equals(ex09) ? "Exercise 09: tanh(1.1) expected" : e.label() + " (…): write it";
            results.add(new ExerciseResult(e, ExerciseResult.Status.FAIL, 1, 0, message));
        }
        assertThat(results.get(0).notStarted()).as("ex01 is an untouched stub").isTrue();
        assertThat(Watch.next(results, null)).as("ex09 is the one with the student's own failure").contains(ex09);
        results.set(8, new ExerciseResult(ex09, ExerciseResult.Status.PASS, 1, 1, ""));
        assertThat(Watch.next(results, null)).as("none started: the first open one after the last that passes")
                .contains(all.get(9));
    }
}
