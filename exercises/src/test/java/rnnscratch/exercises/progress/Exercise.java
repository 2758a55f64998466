package rnnscratch.exercises.progress;

import java.util.List;

/**
 * One exercise as the progress table, the watch mode and the hints show it.
 *
 * <p>Docs: docs/exercises.md
 *
 * @param id        the JUnit tag of its tests, {@code ex01} … {@code ex18}
 * @param title     what it practises, with the notes' Chinese term
 * @param docs      the docs page (and section) to read first, relative to the repository root
 * @param hints     the hints, shown one level at a time on request: level 1 is the idea, level 2 the method and the
 *                  shapes, a last level may give a skeleton; never the solution
 * @param className the simple name of its class in package {@code rnnscratch.exercises}
 */
public record Exercise(String id, String title, String docs, List<String> hints, String className) {
    /** Checks the id is {@code exNN}, the class name starts with {@code ExNN} and there are at least two hints. */
    public Exercise {
        if (!id.matches("ex\\d\\d") || !className.startsWith("Ex" + id.substring(2))) {
            throw new IllegalArgumentException("Exercise: id " + id + " and class " + className
                    + " must look like ex07 and Ex07Something");
        }
        if (hints.size() < 2) {
            throw new IllegalArgumentException("Exercise " + id + ": give at least two hint levels (the idea, then "
                    + "the method and the shapes), got " + hints.size());
        }
        hints = List.copyOf(hints);
    }

    /** Hint {@code level} (1 = the idea); a level above the last gives the last. */
    public String hint(int level) {
        return hints.get(Math.max(1, Math.min(level, hints.size())) - 1);
    }

    /** The stub a student edits, relative to the repository root. */
    public String stubPath() {
        return "exercises/src/main/java/rnnscratch/exercises/" + className + ".java";
    }

    /** The reference answer, relative to the repository root. */
    public String solutionPath() {
        return "solutions/src/main/java/rnnscratch/exercises/" + className + ".java";
    }

    /** The test class, relative to the repository root. */
    public String testPath() {
        return "exercises/src/test/java/rnnscratch/exercises/" + className + "Test.java";
    }

    /** The fully qualified name of the test class. */
    public String testClassName() {
        return "rnnscratch.exercises." + className + "Test";
    }

    /** "Exercise 07", as the stubs' messages name it. */
    public String label() {
        return "Exercise " + id.substring(2);
    }

    /** The command that runs this exercise alone in student mode. */
    public String command() {
        return "mvn test -Pexercises -Dgroups=" + id;
    }
}
