package org.rehabmap.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run report's escaping, byte for byte what the hand-written escaper wrote before commons-text did it. */
class ReportDocTest {
    @Test
    void escapesAmpersandAngleBracketsAndQuotesOnly() {
        assertEquals("it's &lt;b&gt; &amp; &quot;q&quot; ≤ 7 – café", ReportDoc.esc("it's <b> & \"q\" ≤ 7 – café"));
    }
}
