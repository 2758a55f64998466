package rnnscratch.exercises.progress;

/**
 * One exercise as the progress table shows it.
 *
 * <p>Docs: docs/exercises.md
 *
 * @param id        the JUnit tag of its tests, {@code ex01} … {@code ex17}
 * @param title     what it practises, with the notes' Chinese term
 * @param docs      the docs page (and section) to read first, relative to the repository root
 * @param hint      one sentence that gets a student started
 * @param className the simple name of its class in package {@code rnnscratch.exercises}
 */
public record Exercise(String id, String title, String docs, String hint, String className) {
    /** Checks the id is {@code exNN} and the class name starts with {@code ExNN}. */
    public Exercise {
        if (!id.matches("ex\\d\\d") || !className.startsWith("Ex" + id.substring(2))) {
            throw new IllegalArgumentException("Exercise: id " + id + " and class " + className
                    + " must look like ex07 and Ex07Something");
        }
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

    /** "Exercise 07", as the stubs' messages name it. */
    public String label() {
        return "Exercise " + id.substring(2);
    }
}
