package rnnscratch.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The stubs in exercises/ are exactly what GenerateStubs makes from solutions/. Docs: docs/exercises.md */
class StubsAreUpToDateTest {
    @Test
    @DisplayName("The committed stubs in exercises/src/main/java are what GenerateStubs makes from solutions/")
    void committedStubsMatchTheGenerator() {
        var problems = GenerateStubs.differences(Path.of("").toAbsolutePath());
        assertThat(problems)
                .as("exercises/src/main/java has drifted from solutions/:%n  %s%nTeachers: regenerate the stubs with%n"
                        + "  %s%nand commit them. Students: this is expected once you have written answers in "
                        + "exercises/; run your exercises with mvn test -Pexercises (docs/exercises.md).",
                        String.join("\n  ", problems), GenerateStubs.COMMAND)
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
        assertThat(GenerateStubs.stub("A.java", solution)).isEqualTo("""
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
                    assertThat(GenerateStubs.stub("X.java", source))
                            .as("the stub of a file whose only region holds %s line(s) at line %s", answerLines, at + 1)
                            .isEqualTo(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
                });
    }

    @Test
    @DisplayName("A marker out of place is reported with its file and line")
    void misplacedMarkersAreReported() {
        assertThatThrownBy(() -> GenerateStubs.stub("B.java", "a\n// BEGIN SOLUTION\nb\n"))
                .hasMessage("B.java:2: BEGIN SOLUTION is never closed by END SOLUTION");
        assertThatThrownBy(() -> GenerateStubs.stub("B.java", "a\n  // END SOLUTION\n"))
                .hasMessage("B.java:2: END SOLUTION without a BEGIN SOLUTION before it");
        assertThatThrownBy(() -> GenerateStubs.stub("B.java", "// STUB: x();\n"))
                .hasMessage("B.java:1: a STUB line must come right after END SOLUTION");
        assertThatThrownBy(() -> GenerateStubs.stub("B.java", "// BEGIN SOLUTION\n// BEGIN SOLUTION\n"))
                .hasMessage("B.java:2: BEGIN SOLUTION inside the region opened at line 1");
    }
}
