package org.rehabmap.supplier;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who owns a delivered row ({@link Deliveries#attribute}): pure, without Spark. */
class DeliveriesAttributionTest {
    static Deliveries.BadRow bad(String code, String sha, long row) {
        return new Deliveries.BadRow(code, sha, row, "R1", List.of("R1"), "why");
    }

    static Deliveries.CodeGroup group(
            String sha, String code, long rows, long quarantined, long filled, List<Deliveries.BadRow> refused) {
        return new Deliveries.CodeGroup(sha, code, rows, quarantined, Map.of("opt", filled), refused);
    }

    record Out(List<Deliveries.ProviderFile> files, List<Deliveries.BadRow> bad, Map<String, Long> unattributed) {}

    static Out attribute(List<Deliveries.CodeGroup> groups) {
        Out out = new Out(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
        Deliveries.attribute(groups, out.files(), out.bad(), out.unattributed());
        return out;
    }

    @Test
    void rowsWithoutACodeJoinTheOneProviderOfTheirFile() {
        Out out = attribute(List.of(
                group("f1", "AAA1", 10, 2, 7, List.of(bad("AAA1", "f1", 5), bad("AAA1", "f1", 3))),
                group("f1", null, 4, 1, 3, List.of(bad(null, "f1", 4)))));
        assertEquals(1, out.files().size());
        Deliveries.ProviderFile f = out.files().get(0);
        assertEquals("AAA1", f.provider());
        assertEquals(14, f.rows());
        assertEquals(3, f.quarantined());
        assertEquals(11, f.accepted());
        assertEquals(10L, f.filled().get("opt"));
        assertEquals(
                List.of(3L, 4L, 5L),
                out.bad().stream().map(Deliveries.BadRow::rowNumber).toList());
        assertTrue(out.bad().stream().allMatch(b -> b.provider().equals("AAA1")));
        assertTrue(out.unattributed().isEmpty());
    }

    @Test
    void rowsWithoutACodeInAFileOfSeveralProvidersAreNobodys() {
        Out out = attribute(List.of(
                group("f2", "BBB2", 1, 0, 0, List.of()),
                group("f2", null, 2, 1, 0, List.of(bad(null, "f2", 9))),
                group("f2", "AAA1", 3, 0, 1, List.of()),
                group("f3", null, 5, 0, 0, List.of())));
        assertEquals(
                List.of("AAA1", "BBB2"),
                out.files().stream().map(Deliveries.ProviderFile::provider).toList());
        assertEquals(Map.of("f2", 2L, "f3", 5L), out.unattributed());
        assertTrue(out.bad().isEmpty(), "a refused row nobody owns is in no supplier's feedback");
    }

    @Test
    void filesComeInFileOrderAndBadRowsByProviderFileAndRow() {
        Out out = attribute(List.of(
                group("f9", "ZZZ9", 1, 1, 0, List.of(bad("ZZZ9", "f9", 2))),
                group("f1", "ZZZ9", 1, 1, 0, List.of(bad("ZZZ9", "f1", 7))),
                group("f5", "AAA1", 1, 1, 0, List.of(bad("AAA1", "f5", 1)))));
        assertEquals(
                List.of("f1", "f5", "f9"),
                out.files().stream().map(Deliveries.ProviderFile::sha256).toList());
        assertEquals(
                List.of("AAA1/f5", "ZZZ9/f1", "ZZZ9/f9"),
                out.bad().stream().map(b -> b.provider() + "/" + b.sha256()).toList());
    }
}
