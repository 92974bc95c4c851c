package org.rehabmap.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one file's parsed rows into bronze rows: header names matched case-insensitively after
 * trimming, NHS numbers pseudonymised (and NHS-number-shaped text scrubbed from every other
 * cell of a source that carries them), nothing else changed.
 */
public final class BronzeRowBuilder {
    private final Contract contract;
    private final Pseudonymiser pseudonymiser;
    private final boolean carriesIdentifiers;

    public BronzeRowBuilder(Contract contract, Pseudonymiser pseudonymiser) {
        this.contract = contract;
        this.pseudonymiser = pseudonymiser;
        this.carriesIdentifiers = !contract.identifierColumns().isEmpty();
    }

    /** Checks the header: required columns present, no name twice. Returns the normalised names. */
    public List<String> checkHeader(List<String> header) throws FileRejected {
        return HeaderMatch.check(header, contract.requiredColumns());
    }

    public List<Row> build(
            ParsedTable table, List<String> names, String runId, String fileName, String sha, long seq, Timestamp at) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        List<Row> out = new ArrayList<>(table.rows().size());
        int headerCount = names.size();
        for (ParsedTable.ParsedRow pr : table.rows()) {
            String[] cells = pr.cells();
            List<Object> v = new ArrayList<>(contract.columns().size() + 10);
            v.add(runId);
            v.add(fileName);
            v.add(sha);
            v.add(seq);
            v.add(pr.rowNumber());
            v.add(cells.length);
            v.add(headerCount);
            for (ColumnSpec col : contract.columns()) {
                Integer i = index.get(col.name());
                String raw = (i != null && i < cells.length) ? cells[i] : null;
                if (col.isIdentifier()) {
                    v.add(pseudonymiser.pseudonym(raw));
                    v.add(NhsNumber.check(raw));
                } else {
                    v.add(safe(raw));
                }
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                String key = i < headerCount ? names.get(i) : "_cell_" + (i + 1);
                if (i < headerCount && contract.column(key).isPresent() && index.get(key) == i) {
                    continue;
                }
                extra.put(key.isEmpty() ? "_cell_" + (i + 1) : key, safe(cells[i]));
            }
            v.add(extra.isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(extra));
            v.add(at);
            out.add(RowFactory.create(v.toArray()));
        }
        return out;
    }

    private String safe(String cell) {
        return carriesIdentifiers ? pseudonymiser.scrub(cell) : cell;
    }
}
