package rnnscratch.exercises.progress;

/**
 * How one exercise did in a run: its status, how many of its tests passed, and the message of its first failure.
 *
 * <p>Docs: docs/exercises.md
 *
 * @param exercise the exercise
 * @param status   pass, fail, or not run (filtered out by {@code -Dgroups}, say)
 * @param tests    the number of its tests that ran
 * @param passed   how many of those passed
 * @param message  the first failure's message ({@code ""} when none failed); a stub's message when the stub is
 *                 still untouched
 */
public record ExerciseResult(Exercise exercise, Status status, int tests, int passed, String message) {
    /** The three outcomes of an exercise; {@link #json} is how {@code target/progress.json} spells them. */
    public enum Status {
        PASS("pass"),
        FAIL("fail"),
        NOT_RUN("not run");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        /** The spelling in {@code target/progress.json}. */
        public String json() {
            return json;
        }

        /** Reads the spelling of {@link #json()}. */
        public static Status parse(String json) {
            for (Status s : values()) {
                if (s.json.equals(json)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown exercise status '" + json + "' (pass, fail or not run)");
        }
    }

    /** True when the failure is the untouched stub's {@code UnsupportedOperationException}. */
    public boolean notStarted() {
        return status == Status.FAIL && message.startsWith(exercise.label() + " (");
    }
}
