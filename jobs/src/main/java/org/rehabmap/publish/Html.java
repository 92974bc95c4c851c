package org.rehabmap.publish;

import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;

import java.util.Map;

/** Escaping for text from the data (area names, notes) placed in HTML and SVG. */
public final class Html {
    /**
     * commons-text's basic entities (&amp; &lt; &gt; &quot;) and the apostrophe as &#39;, byte for byte what
     * the packs have always carried: escapeHtml4 would also turn every non-ASCII character (≤, –, é) into a
     * named entity and leaves the apostrophe of an attribute alone; escapeXml10 writes it as &apos;.
     */
    private static final CharSequenceTranslator ESCAPE = new AggregateTranslator(
            new LookupTranslator(EntityArrays.BASIC_ESCAPE), new LookupTranslator(Map.of("'", "&#39;")));

    private Html() {}

    public static String esc(Object o) {
        return o == null ? "" : ESCAPE.translate(o.toString());
    }
}
