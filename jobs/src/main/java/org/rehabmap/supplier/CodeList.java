package org.rehabmap.supplier;

import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceContract;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.contracts.ValueRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a coded or enumerated column accepts, each with the words that name it where a reference
 * table has them (a borough's name beside its ONS code): the contract's valid-values rule, its literal
 * values and its reference column together, in the order the contract and the reference file give.
 *
 * @param referenced whether some values come from a reference table (and so usually have names)
 */
public record CodeList(String column, List<Entry> entries, boolean referenced) {

    /** One allowed value, and its name, or null when the contract lists the bare value. */
    public record Entry(String code, String label) {}

    public List<String> codes() {
        return entries.stream().map(Entry::code).toList();
    }

    /** The column's allowed values, or null when it has no valid-values rule. */
    public static CodeList of(ColumnSpec column, Contracts contracts, ReferenceData reference) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean referenced = false;
        boolean any = false;
        for (ValueRule r : column.valueRules()) {
            if (!r.isValidValues()) {
                continue;
            }
            any = true;
            if (r.validValuesReference() != null) {
                referenced = true;
                String stem = r.validValuesReference().split("\\.")[0];
                reference
                        .labelled(r.validValuesReference(), labelColumn(contracts, stem))
                        .forEach(values::putIfAbsent);
            }
            for (String v : r.validValues()) {
                values.putIfAbsent(v, null);
            }
        }
        if (!any) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        values.forEach((k, v) -> entries.add(new Entry(k, v)));
        return new CodeList(column.name(), List.copyOf(entries), referenced);
    }

    /** The label column the reference contract of {@code <stem>.csv} declares, or null. */
    static String labelColumn(Contracts contracts, String stem) {
        for (ReferenceContract rc : contracts.references().values()) {
            if (rc.file().equals(stem + ".csv")) {
                return rc.labelColumn();
            }
        }
        return null;
    }
}
