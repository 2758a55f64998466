package rnnscratch.exercises.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn test -Pexercises}: runs the exercise tests against the student's code (exec-maven-plugin, in the
 * {@code exercises} profile, instead of Surefire), prints each failing test once — its sentence, what was expected,
 * the shrunk counterexample, no stack trace — then the progress table, writes {@code target/progress.json}, and fails
 * the build when an exercise that ran fails (unless {@code -Dmaven.test.failure.ignore=true}).
 *
 * <p>Docs: docs/exercises.md
 */
public final class StudentRun {
    private StudentRun() {}

    /** Fails the build with one line: no stack trace, which would only hide the table above it. */
    static final class ExercisesFail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExercisesFail(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param args {@code progress=PATH} of {@code progress.json}; {@code ignoreFailures=true} to never fail the
     *             build; {@code groups=} the {@code -Dgroups} value (empty for every exercise); {@code test=} the
     *             {@code -Dtest} value, read as the exercises it names when there is no {@code -Dgroups};
     *             {@code hint=} the {@code -Dhint} level (0 for none)
     * @throws ExercisesFail when an exercise failed and failures are not ignored (Maven reports it as the reason
     *                        of the BUILD FAILURE)
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(arg(args, "progress", "target/progress.json"));
        boolean ignoreFailures = Boolean.parseBoolean(arg(args, "ignoreFailures", "false"));
        List<Exercise> chosen;
        int hint;
        try {
            String groups = arg(args, "groups", "");
            String test = arg(args, "test", "");
            if ((groups.isBlank() || groups.startsWith("${")) && !test.isBlank() && !test.startsWith("${")) {
                groups = ExerciseRun.groupsOfTest(test);
                if (groups.isEmpty()) {
                    throw new IllegalArgumentException("-Dtest=" + test + " names no exercise's tests: student mode "
                            + "picks exercises with -Dgroups, e.g. mvn test -Pexercises -Dgroups=ex09");
                }
                System.out.println(" -Dtest=" + test + ": student mode runs the whole of " + groups
                        + " (the same as -Dgroups=" + groups + ")");
            }
            chosen = ExerciseRun.select(groups);
            hint = parseHint(arg(args, "hint", "0"));
        } catch (IllegalArgumentException e) {
            throw new ExercisesFail(e.getMessage());
        }
        System.setProperty("exercises.mode", "student");
        var outcome = ExerciseRun.run(Thread.currentThread().getContextClassLoader(), chosen,
                ExerciseRun.notCompiled(ExerciseRun.COMPILE_REPORT));
        var out = new StringBuilder();
        for (var r : outcome.results()) {
            describe(r, outcome.failuresOf(r.exercise()), false).forEach(l -> out.append(l).append('\n'));
        }
        if (out.length() > 0) {
            System.out.print("\n Failing tests, each once (your code: exercises/src/main/java/rnnscratch/exercises/)\n\n"
                    + out);
        }
        // -Dgroups runs some exercises: the file keeps the others' last results (the table shows this run's)
        var results = ProgressJson.keepingNotRun(outcome.results(), ProgressJson.readIfThere(file));
        ProgressJson.writeAtomically(file, ProgressJson.write("student", results));
        System.out.print(ProgressTable.render(outcome.results(), hint));
        if (!results.equals(outcome.results())) {
            System.out.println(" With the last results of those not run this time: "
                    + results.stream().filter(r -> r.status() == ExerciseResult.Status.PASS).count() + " of "
                    + results.size() + " pass");
        }
        System.out.println(" Written: " + file);
        System.out.flush();
        long failed = outcome.results().stream().filter(r -> r.status() == ExerciseResult.Status.FAIL).count();
        if (failed > 0 && !ignoreFailures) {
            throw new ExercisesFail(failed + " exercise(s) fail: see the progress table above (add "
                    + "-Dmaven.test.failure.ignore=true to see the table without failing the build)");
        }
    }

    /**
     * The lines that tell a student why an exercise fails: a header, then each failing test that got past the stub
     * (or only the first one), and one line when some tests still reach a method not written yet. Nothing for an
     * exercise that passed, did not run, or is still an untouched stub (the table says "to do").
     */
    public static List<String> describe(ExerciseResult r, List<Failure> failures, boolean firstOnly) {
        var lines = new ArrayList<String>();
        if (r.status() != ExerciseResult.Status.FAIL || r.notStarted() || r.tests() == 0) {
            return lines; // passed, not run, untouched, or did not compile (the caller shows javac's errors)
        }
        var e = r.exercise();
        lines.add(" ✗ " + e.id() + "  " + e.title() + ": " + r.passed() + " of " + r.tests() + " tests pass");
        var wrong = failures.stream().filter(f -> !f.stub()).toList();
        for (var f : firstOnly ? wrong.stream().limit(1).toList() : wrong) {
            lines.addAll(f.lines("     "));
        }
        if (firstOnly && wrong.size() > 1) {
            lines.add("     (" + (wrong.size() - 1) + " more failing test(s); fix this one first)");
        }
        long stubs = failures.stream().filter(Failure::stub).count();
        if (stubs > 0) {
            lines.add("     " + stubs + " test(s) still reach a method you have not written: "
                    + failures.stream().filter(Failure::stub).findFirst().orElseThrow().message());
        }
        return lines;
    }

    /** The value of argument {@code key=value}, or {@code fallback}. */
    public static String arg(String[] args, String key, String fallback) {
        for (String a : args) {
            if (a != null && a.startsWith(key + "=")) {
                return a.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    private static int parseHint(String s) {
        if (s == null || s.isBlank() || s.startsWith("${")) {
            return 0;
        }
        try {
            int level = Integer.parseInt(s.strip());
            if (level >= 0) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Dhint=" + s + ": give the hint level as a number, 1 (the idea), 2 (the "
                + "method and the shapes) or 3 (a skeleton)");
    }
}
