package rnnscratch.exercises.progress;

import java.util.List;

/**
 * The progress table a student sees after {@code mvn test -Pexercises}: one line per exercise (✓, ✗ or · for not
 * run, its id, title and docs page), then its hint, and for a wrong answer the first failure.
 *
 * <p>Docs: docs/exercises.md
 */
public final class ProgressTable {
    private static final int MESSAGE_WIDTH = 160;

    private ProgressTable() {}

    /** The table, ending with a line that says what to do next. */
    public static String render(List<ExerciseResult> results) {
        int titleWidth = results.stream().mapToInt(r -> displayWidth(r.exercise().title())).max().orElse(0);
        long passed = count(results, ExerciseResult.Status.PASS);
        long failed = count(results, ExerciseResult.Status.FAIL);
        long ran = passed + failed;
        var sb = new StringBuilder();
        String rule = "-".repeat(Math.min(120, titleWidth + 50));
        sb.append('\n').append(rule).append('\n');
        sb.append(" Exercise progress: ").append(passed).append(" of ").append(results.size())
                .append(" pass    (your answers: exercises/src/main/java/rnnscratch/exercises/)\n");
        sb.append(rule).append('\n');
        for (var r : results) {
            var e = r.exercise();
            sb.append("  ").append(symbol(r.status())).append(' ').append(e.id()).append("  ")
                    .append(pad(e.title(), titleWidth)).append("  ").append(e.docs()).append('\n');
            String indent = "         ";
            switch (r.status()) {
                case PASS, NOT_RUN -> { }
                case FAIL -> {
                    sb.append(indent).append("hint: ").append(e.hint()).append('\n');
                    if (!r.notStarted()) {
                        sb.append(indent).append("why:  ").append(r.passed()).append(" of ").append(r.tests())
                                .append(" tests pass; ").append(firstLine(r.message())).append('\n');
                    }
                }
            }
        }
        sb.append(rule).append('\n');
        if (ran < results.size()) {
            sb.append(" · = not run this time; run them all with: mvn test -Pexercises\n");
        }
        sb.append(' ').append(nextStep(results, ran, failed)).append('\n');
        return sb.toString();
    }

    /** ✓ pass, ✗ fail, · not run. */
    public static String symbol(ExerciseResult.Status status) {
        return switch (status) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case NOT_RUN -> "·";
        };
    }

    private static String nextStep(List<ExerciseResult> results, long ran, long failed) {
        if (ran == 0) {
            return "No exercise ran: pick one with -Dgroups=ex01 … ex17 (tags are lower case).";
        }
        if (failed == 0) {
            return ran == results.size() ? "All exercises pass. Well done!"
                    : "Every exercise that ran passes. Run them all: mvn test -Pexercises";
        }
        var next = results.stream().filter(r -> r.status() == ExerciseResult.Status.FAIL).findFirst().orElseThrow();
        return "Next: " + next.exercise().id() + " — open " + next.exercise().stubPath() + ", read "
                + next.exercise().docs() + ", then: mvn test -Pexercises -Dgroups=" + next.exercise().id();
    }

    private static long count(List<ExerciseResult> results, ExerciseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MESSAGE_WIDTH ? line : line.substring(0, MESSAGE_WIDTH - 1) + "…";
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
