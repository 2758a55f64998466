package rnnscratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SkipReasonsTest {
    @Test
    @DisplayName("A skipped test is one line: the test's sentence and the reason it did not run")
    void oneLinePerSkip() {
        assertThat(SkipReasons.line("The report renders in a browser", "Assumption failed: no chromium browser found\n"
                + "   (looked for /usr/bin/chromium)")).isEqualTo("skipped: The report renders in a browser: no chromium "
                + "browser found (looked for /usr/bin/chromium)");
        assertThat(SkipReasons.line("t", null)).isEqualTo("skipped: t: no reason given");
    }
}
