package rnnscratch.exercises.progress;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The progress table a student sees at the end of {@code mvn test -Pexercises}: one line per exercise (✓, ✗ or · for
 * not run, its id, title and docs page), then under a failing one what is left to do, and under a passing one the
 * reference answer to compare with; the requested hint level when asked for ({@code -Dhint=N}); last, what to do
 * next.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressTable {
    /** The watch mode, the student's main loop (docs/exercises.md). */
    public static final String WATCH_COMMAND = "mvn -q test-compile exec:java@watch";
    private static final String INDENT = "         ";
    /** What each hint level gives, said wherever hints are offered. */
    private static final String HINT_LEVELS = "(1 the idea, 2 the method and the shapes, 3 a skeleton)";

    private ProgressTable() {}

    /** Where the table is shown, which decides how its last lines say to go on. */
    public enum Shown {
        /** At the end of {@code mvn test -Pexercises} (or the build): go on with a command. */
        BUILD,
        /** In the watch mode: go on by saving the file, or with its keys. */
        WATCH
    }

    /** The table without hints, at the end of a build. */
    public static String render(List<ExerciseResult> results) {
        return render(results, 0, Shown.BUILD);
    }

    /** The table, at the end of a build, with hints. */
    public static String render(List<ExerciseResult> results, int hintLevel) {
        return render(results, hintLevel, Shown.BUILD);
    }

    /**
     * The table, ending with a line that says what to do next.
     *
     * @param hintLevel the hint level to show under every exercise that ran and failed; 0 for none
     * @param shown     where: the build's next step is a command, the watch mode's is saving the file or a key
     */
    public static String render(List<ExerciseResult> results, int hintLevel, Shown shown) {
        int titleWidth = results.stream().mapToInt(r -> displayWidth(r.exercise().title())).max().orElse(0);
        long passed = count(results, ExerciseResult.Status.PASS);
        long failed = count(results, ExerciseResult.Status.FAIL);
        long ran = passed + failed;
        var sb = new StringBuilder();
        String rule = "-".repeat(Math.min(120, titleWidth + 50));
        sb.append('\n').append(rule).append('\n');
        sb.append(ran < results.size() && ran > 0
                ? " This run (" + ran + " of " + results.size() + " exercises): " + passed + " of " + ran + " pass"
                        + "    (your answers: exercises/src/main/java/rnnscratch/exercises/)"
                : " Exercise progress: " + progressLine(results)).append('\n');
        sb.append(rule).append('\n');
        for (var r : results) {
            var e = r.exercise();
            sb.append("  ").append(symbol(r.status())).append(' ').append(e.id()).append("  ")
                    .append(pad(e.title(), titleWidth)).append("  ").append(e.docs()).append('\n');
            switch (r.status()) {
                case NOT_RUN -> { }
                case PASS -> sb.append(INDENT).append("compare with the reference answer: ").append(e.solutionPath())
                        .append('\n');
                case FAIL -> {
                    if (r.notStarted()) {
                        sb.append(INDENT).append("to do: ").append(firstLine(r.message())).append('\n');
                    } else if (r.tests() == 0 || r.message().startsWith("does not compile")) {
                        sb.append(INDENT).append("why:  ").append(firstLine(r.message())).append('\n');
                    } else {
                        sb.append(INDENT).append("why:  ").append(r.passed()).append(" of ").append(r.tests())
                                .append(" tests pass; each failure is shown once, above the table").append('\n');
                    }
                    if (hintLevel > 0) {
                        sb.append(INDENT).append(hintLabel(e, hintLevel)).append(": ").append(e.hint(hintLevel))
                                .append('\n');
                    }
                }
            }
        }
        sb.append(rule).append('\n');
        if (ran < results.size()) {
            sb.append(" · = not run this time; run them all with: mvn test -Pexercises\n");
        }
        sb.append(' ').append(nextStep(results, ran, failed, shown)).append('\n');
        if (failed > 0 && shown == Shown.WATCH) {
            sb.append(" Stuck? Type h and Enter for the next hint on the exercise you work on ").append(HINT_LEVELS)
                    .append(".\n");
        } else if (failed > 0) {
            var next = firstFailing(results);
            int more = Math.min(hintLevel + 1, next.exercise().hints().size());
            sb.append(' ').append(hintLevel >= next.exercise().hints().size()
                    ? "That was the last hint for " + next.exercise().id() + "; its worked examples, the first "
                            + "tests in " + next.exercise().testPath() + ", can be followed by hand."
                    : "Stuck? " + next.exercise().command() + " -Dhint=" + more + " shows hint " + more + " of "
                            + next.exercise().hints().size() + " " + HINT_LEVELS + ".").append('\n');
        }
        return sb.toString();
    }

    /** "3 of 18 pass", for the table and the watch mode. */
    public static String progressLine(List<ExerciseResult> results) {
        return count(results, ExerciseResult.Status.PASS) + " of " + results.size()
                + " pass    (your answers: exercises/src/main/java/rnnscratch/exercises/)";
    }

    /** "hint 2 of 3" (a level above the last reads as the last). */
    public static String hintLabel(Exercise e, int level) {
        int n = e.hints().size();
        return "hint " + Math.max(1, Math.min(level, n)) + " of " + n;
    }

    /** ✓ pass, ✗ fail, · not run. */
    public static String symbol(ExerciseResult.Status status) {
        return switch (status) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case NOT_RUN -> "·";
        };
    }

    private static ExerciseResult firstFailing(List<ExerciseResult> results) {
        return next(results, r -> r.status() == ExerciseResult.Status.FAIL).orElseThrow();
    }

    /**
     * The exercise to work on next, one rule for the table, the build's last line and the watch mode at start: the
     * first the student has started that fails (its failure is not the untouched stub's); else the first open one
     * after the last that passes, in catalog order, wrapping round; else the first open one. Empty when none is open.
     *
     * @param open which results count as still to do (this run's failures, or every result that does not pass)
     */
    public static Optional<ExerciseResult> next(List<ExerciseResult> results, Predicate<ExerciseResult> open) {
        var started = results.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL && !r.notStarted())
                .findFirst();
        if (started.isPresent()) {
            return started;
        }
        int lastPass = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).status() == ExerciseResult.Status.PASS) {
                lastPass = i;
            }
        }
        for (int k = 1; k <= results.size(); k++) {
            var r = results.get((lastPass + k) % results.size());
            if (open.test(r)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String nextStep(List<ExerciseResult> results, long ran, long failed, Shown shown) {
        if (ran == 0) {
            return "No exercise ran: pick one with -Dgroups=ex01 … ex"
                    + String.format("%02d", ExerciseCatalog.ALL.size()) + " (tags are lower case).";
        }
        if (failed == 0) {
            return ran == results.size() ? "All exercises pass. Well done!"
                    : "Every exercise that ran passes. Run them all: mvn test -Pexercises";
        }
        var next = firstFailing(results).exercise();
        return "Next: " + next.id() + " — open " + next.stubPath() + ", read " + next.docs()
                + (shown == Shown.WATCH ? ", and save the file: this window checks it again" : ", then: "
                        + next.command());
    }

    private static long count(List<ExerciseResult> results, ExerciseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** The message's first line, whole: a student reads every word of it. */
    private static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse("");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }

    /** Terminal columns: CJK characters take two. */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
