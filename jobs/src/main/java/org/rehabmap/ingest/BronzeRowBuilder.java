package org.rehabmap.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one file's parsed rows into bronze rows: header names matched case-insensitively after
 * trimming, NHS numbers pseudonymised (and NHS-number-shaped text scrubbed from every other
 * cell of a source that carries them), nothing else changed. Serializable, holding only what it
 * takes of the contract, because ingest builds the rows inside Spark tasks.
 */
public final class BronzeRowBuilder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Pseudonymiser pseudonymiser;
    private final boolean carriesIdentifiers;
    private final ArrayList<String> required;
    private final String[] columns;
    private final boolean[] identifier;
    private final HashSet<String> contractColumns;

    public BronzeRowBuilder(Contract contract, Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
        this.carriesIdentifiers = !contract.identifierColumns().isEmpty();
        this.required = new ArrayList<>(contract.requiredColumns());
        List<ColumnSpec> specs = contract.columns();
        this.columns = specs.stream().map(ColumnSpec::name).toArray(String[]::new);
        this.identifier = new boolean[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            identifier[i] = specs.get(i).isIdentifier();
        }
        this.contractColumns = new HashSet<>(List.of(columns));
    }

    /** The contract's required columns, what the readers look for. */
    public List<String> requiredColumns() {
        return required;
    }

    /** Checks the header: required columns present, no name twice. Returns the normalised names. */
    public List<String> checkHeader(List<String> header) throws FileRejected {
        return HeaderMatch.check(header, required);
    }

    public List<Row> build(
            ParsedTable table, List<String> names, String runId, String fileName, String sha, long seq, Timestamp at) {
        List<Row> out = new ArrayList<>(table.rows().size());
        rows(table, names, runId, fileName, sha, seq, at).forEachRemaining(out::add);
        return out;
    }

    /** The same rows one at a time, so a task never holds a file's bronze rows all at once. */
    public Iterator<Row> rows(
            ParsedTable table, List<String> names, String runId, String fileName, String sha, long seq, Timestamp at) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        Iterator<ParsedTable.ParsedRow> in = table.rows().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public Row next() {
                return row(in.next(), names, index, runId, fileName, sha, seq, at);
            }
        };
    }

    private Row row(
            ParsedTable.ParsedRow pr,
            List<String> names,
            Map<String, Integer> index,
            String runId,
            String fileName,
            String sha,
            long seq,
            Timestamp at) {
        int headerCount = names.size();
        String[] cells = pr.cells();
        List<Object> v = new ArrayList<>(columns.length + 10);
        v.add(runId);
        v.add(fileName);
        v.add(sha);
        v.add(seq);
        v.add(pr.rowNumber());
        v.add(cells.length);
        v.add(headerCount);
        for (int c = 0; c < columns.length; c++) {
            Integer i = index.get(columns[c]);
            String raw = (i != null && i < cells.length) ? cells[i] : null;
            if (identifier[c]) {
                v.add(pseudonymiser.pseudonym(raw));
                v.add(NhsNumber.check(raw));
            } else {
                v.add(safe(raw));
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String key = i < headerCount ? names.get(i) : "_cell_" + (i + 1);
            if (i < headerCount && contractColumns.contains(key) && index.get(key) == i) {
                continue;
            }
            extra.put(key.isEmpty() ? "_cell_" + (i + 1) : key, safe(cells[i]));
        }
        v.add(extra.isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(extra));
        v.add(at);
        return RowFactory.create(v.toArray());
    }

    private String safe(String cell) {
        return carriesIdentifiers ? pseudonymiser.scrub(cell) : cell;
    }
}
