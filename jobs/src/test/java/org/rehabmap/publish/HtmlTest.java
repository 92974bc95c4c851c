package org.rehabmap.publish;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packs' escaping, byte for byte what the hand-written escaper wrote before commons-text did it. */
class HtmlTest {
    @Test
    void escapesTheFiveMarkupCharactersAndNothingElse() {
        assertEquals(
                "St George&#39;s &amp; &lt;b&gt;Kings&lt;/b&gt; &quot;north&quot; ≤ 7 – café → £",
                Html.esc("St George's & <b>Kings</b> \"north\" ≤ 7 – café → £"));
        assertEquals("&amp;amp;", Html.esc("&amp;"), "escaped once, not twice");
        assertEquals("42", Html.esc(42));
        assertEquals("", Html.esc(null));
    }
}
