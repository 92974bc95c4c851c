package org.rehabmap.ingest;

import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.config.PseudonymKey;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces NHS numbers with HMAC-SHA256 pseudonyms before anything is written. The same
 * person gets the same pseudonym across files (the number is normalised first); without the
 * key the pseudonym cannot be reversed or recomputed. Serializable so ingest's tasks carry it (and so the
 * key) in their closure, never in a Spark conf or a log line; the HMAC itself is made again in each task.
 */
public final class Pseudonymiser implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Something shaped like an NHS number anywhere in a cell (3-3-4 digits, spaces optional). */
    private static final Pattern NHS_SHAPED = Pattern.compile("(?<![0-9])[0-9]{3} ?[0-9]{3} ?[0-9]{4}(?![0-9])");

    private final byte[] key;
    private transient HmacUtils hmac;

    public Pseudonymiser(PseudonymKey key) {
        this.key = key.bytes().clone();
    }

    @Override
    public String toString() {
        return "Pseudonymiser"; // never the key
    }

    public String pseudonym(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String n = NhsNumber.normalise(raw);
        String input = n != null ? n : raw.trim();
        if (hmac == null) {
            hmac = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key);
        }
        return hmac.hmacHex(input);
    }

    /**
     * For cells that are not the identifier column of a source that carries identifiers: a
     * number that slipped into the wrong column (a shifted row, a free-text field) must not be
     * stored raw either.
     */
    public String scrub(String cell) {
        if (cell == null || cell.length() < 10) {
            return cell;
        }
        Matcher m = NHS_SHAPED.matcher(cell);
        if (!m.find()) {
            return cell;
        }
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, "nhs:" + pseudonym(m.group()).substring(0, 16));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }
}
