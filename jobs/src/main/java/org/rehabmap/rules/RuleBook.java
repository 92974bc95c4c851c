package org.rehabmap.rules;

import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.ReferenceData;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One landing contract's rules, ready to run: how each column is read, the rules on one row in the
 * order their failures are reported (row shape; then each column's own rules, column by column; then the
 * rules that read several columns of the row), and the rules across rows. Serializable, so conform sends
 * it to Spark's executors; the pre-submission check runs it in its own thread.
 */
public final class RuleBook implements Serializable {
    private final String source;
    private final Map<String, Integer> columns;
    private final List<ColumnReader> readers;
    private final List<Rule> rules;
    private final List<GroupRule> groupRules;
    private final int financialYearFrom;

    RuleBook(
            String source,
            List<String> columnNames,
            List<ColumnReader> readers,
            List<Rule> rules,
            List<GroupRule> groupRules,
            int financialYearFrom) {
        this.source = source;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < columnNames.size(); i++) {
            index.put(columnNames.get(i), i);
        }
        this.columns = index;
        this.readers = List.copyOf(readers);
        this.rules = List.copyOf(rules);
        this.groupRules = List.copyOf(groupRules);
        this.financialYearFrom = financialYearFrom;
    }

    /**
     * The rules of a landing contract; reference values are read now. A rule the jobs do not know, or
     * one that names a column the contract lacks, is a ConfigError here, before any row is read.
     */
    public static RuleBook of(Contract contract, ReferenceData reference, LocalDate asOf) {
        return RuleKinds.book(contract, reference, asOf);
    }

    public String source() {
        return source;
    }

    /** The rules on one row; the rules across rows come after, over a whole batch ({@link #checkGroups}). */
    public CheckedRow check(TextRow row) {
        CheckedRow r = new CheckedRow(columns, row);
        for (ColumnReader c : readers) {
            c.read(row, r);
        }
        for (Rule rule : rules) {
            rule.check(r);
        }
        if (financialYearFrom >= 0) {
            r.financialYearFrom(financialYearFrom);
        }
        return r;
    }

    public List<GroupRule> groupRules() {
        return groupRules;
    }

    /** The rules across rows over rows already checked one by one: each rule, group by group. */
    public void checkGroups(List<CheckedRow> rows) {
        for (GroupRule g : groupRules) {
            Map<List<Object>, List<CheckedRow>> groups = new LinkedHashMap<>();
            for (CheckedRow r : rows) {
                Object[] key = new Object[g.groupBy().size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = r.value(g.groupBy().get(i));
                }
                groups.computeIfAbsent(Arrays.asList(key), k -> new ArrayList<>())
                        .add(r);
            }
            groups.values().forEach(g::check);
        }
    }
}
