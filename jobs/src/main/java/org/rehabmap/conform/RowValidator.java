package org.rehabmap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.contracts.RowRule;
import org.rehabmap.contracts.ValueRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * Applies a landing contract to bronze rows: normalises text (trim, empty → null, case), types
 * every column, and collects each broken rule as (rule_id, reason) in {@code _failures}. The rules
 * come from the contract; this class only knows the kinds of rule (required, type, pattern,
 * range, valid values, identifier check, SQL row rule, consistency within a group).
 */
public final class RowValidator {
    public static final String FAILURES = "_failures";
    static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private final Contract contract;
    private final ReferenceData reference;
    private final LocalDate asOf;

    public RowValidator(Contract contract, ReferenceData reference, LocalDate asOf) {
        this.contract = contract;
        this.reference = reference;
        this.asOf = asOf;
    }

    /** bronze rows in; typed columns, suppression flags, lineage and {@code _failures} out. */
    public Dataset<Row> validate(Dataset<Row> bronze) {
        List<Column> failures = new ArrayList<>();
        failures.add(when(
                col(BronzeSchema.CELL_COUNT).notEqual(col(BronzeSchema.HEADER_COUNT)),
                failure(
                        contract.rowShapeRuleId(),
                        concat(
                                lit("row has "),
                                col(BronzeSchema.CELL_COUNT).cast("string"),
                                lit(" cells but the header has "),
                                col(BronzeSchema.HEADER_COUNT).cast("string"),
                                lit(" (values may have shifted)")))));

        Map<String, Column> typed = new LinkedHashMap<>();
        Map<String, Column> extraOut = new LinkedHashMap<>();
        for (ColumnSpec c : contract.columns()) {
            Column v = normalised(c);
            Column present = v.isNotNull();
            if (!c.suppressionMarkers().isEmpty()) {
                Column suppressed =
                        coalesce(trim(col(c.name())).isin(c.suppressionMarkers().toArray()), lit(false));
                extraOut.put(c.name() + "_suppressed", suppressed);
                v = when(suppressed, lit(null).cast("string")).otherwise(v);
                present = v.isNotNull().or(suppressed);
            }
            if (c.isList()) {
                Column items = filter(transform(split(v, ";"), x -> trim(x)), x -> x.notEqual(lit("")));
                items = "upper".equals(c.normalise())
                        ? transform(items, x -> upper(x))
                        : "lower".equals(c.normalise()) ? transform(items, x -> lower(x)) : items;
                Column list = when(v.isNull(), lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)))
                        .otherwise(items);
                if (c.required()) {
                    failures.add(when(
                            list.isNull().or(size(list).equalTo(0)),
                            failure(
                                    contract.derivedRuleId(c.name(), "REQUIRED"),
                                    lit(c.name() + " is missing (at least one item is needed)"))));
                }
                if (c.minItems() != null && c.minItems() > 0 && !c.required()) {
                    failures.add(when(
                            list.isNotNull().and(size(list).lt(c.minItems())),
                            failure(
                                    contract.derivedRuleId(c.name(), "MIN_ITEMS"),
                                    lit(c.name() + " needs at least " + c.minItems() + " item(s)"))));
                }
                for (ValueRule r : c.valueRules()) {
                    Set<String> allowed = allowed(r);
                    Column bad = filter(list, x -> not(x.isin(allowed.toArray())));
                    failures.add(when(
                            list.isNotNull().and(size(bad).gt(0)),
                            failure(
                                    r.id(),
                                    concat(
                                            lit(c.name() + ": '"),
                                            array_join(bad, "', '"),
                                            lit("'" + notOneOf(allowed))))));
                }
                typed.put(c.name(), list);
                continue;
            }
            if (c.isIdentifier()) {
                Column check = col(BronzeSchema.checkColumn(c.name()));
                if (c.required()) {
                    failures.add(when(
                            v.isNull(),
                            failure(contract.derivedRuleId(c.name(), "REQUIRED"), lit(c.name() + " is missing"))));
                }
                for (ValueRule r : c.valueRules()) {
                    if ("nhsNumberModulus11".equals(r.implementation())) {
                        failures.add(when(
                                        check.equalTo(NhsNumber.BAD_FORMAT),
                                        failure(r.id(), lit(c.name() + " is not 10 digits (value masked)")))
                                .when(
                                        check.equalTo(NhsNumber.BAD_CHECK_DIGIT),
                                        failure(
                                                r.id(),
                                                lit(c.name() + " fails the Modulus 11 check digit (value masked)"))));
                    } else {
                        throw new org.rehabmap.config.ConfigError(
                                "contract " + contract.name() + ": unknown rule implementation " + r.implementation());
                    }
                }
                typed.put(c.name(), v);
                continue;
            }
            if (c.required()) {
                failures.add(when(
                        not(present),
                        failure(contract.derivedRuleId(c.name(), "REQUIRED"), lit(c.name() + " is missing"))));
            }
            Column t = typedValue(c, v);
            if (!"string".equals(c.logicalType())) {
                failures.add(when(
                        v.isNotNull().and(t.isNull()),
                        failure(
                                contract.derivedRuleId(c.name(), "TYPE"),
                                concat(lit(c.name() + " '"), v, lit("' is not " + typeWords(c.logicalType()))))));
            }
            if (c.pattern() != null) {
                failures.add(when(
                        v.isNotNull().and(not(v.rlike(c.pattern()))),
                        failure(
                                contract.derivedRuleId(c.name(), "PATTERN"),
                                concat(lit(c.name() + " '"), v, lit("' does not match " + c.pattern())))));
            }
            if (c.minimum() != null || c.maximum() != null) {
                Column out = lit(false);
                if (c.minimum() != null) {
                    out = out.or(t.lt(c.minimum()));
                }
                if (c.maximum() != null) {
                    out = out.or(t.gt(c.maximum()));
                }
                failures.add(when(
                        t.isNotNull().and(out),
                        failure(
                                contract.derivedRuleId(c.name(), "RANGE"),
                                concat(lit(c.name() + " "), v, lit(" is outside " + range(c))))));
            }
            for (ValueRule r : c.valueRules()) {
                Set<String> allowed = allowed(r);
                if (c.unknownValue() != null) {
                    // not an error: an out-of-area or missing code is kept as the unknown value
                    t = when(t.isNull().or(not(t.isin(allowed.toArray()))), lit(c.unknownValue()))
                            .otherwise(t);
                    continue;
                }
                failures.add(when(
                        t.isNotNull().and(not(t.isin(allowed.toArray()))),
                        failure(r.id(), concat(lit(c.name() + " '"), v, lit("'" + notOneOf(allowed))))));
            }
            typed.put(c.name(), t);
        }

        List<Column> select = new ArrayList<>();
        typed.forEach((n, e) -> select.add(e.as(n)));
        extraOut.forEach((n, e) -> select.add(e.as(n)));
        if (contract.financialYearFrom() != null) {
            Column d = typed.get(contract.financialYearFrom());
            Column startYear = when(month(d).geq(4), year(d)).otherwise(year(d).minus(1));
            select.add(when(
                            d.isNotNull(),
                            concat(
                                    startYear.cast("string"),
                                    lit("-"),
                                    lpad(startYear.plus(1).mod(100).cast("string"), 2, "0")))
                    .as("financial_year"));
        }
        for (String l : List.of(
                BronzeSchema.FILE_NAME,
                BronzeSchema.FILE_SHA,
                BronzeSchema.FILE_SEQ,
                BronzeSchema.ROW_NUMBER,
                BronzeSchema.RUN_ID)) {
            select.add(col(l));
        }
        select.add(col(BronzeSchema.EXTRA));
        select.add(array(failures.toArray(new Column[0])).as("_f"));
        for (String n : contract.columnNames()) {
            select.add(col(n).as("_raw_" + n));
        }
        Dataset<Row> typedRows = bronze.select(select.toArray(new Column[0]));

        // SQL row rules are written against the typed columns
        List<Column> rowRuleFailures = new ArrayList<>();
        for (RowRule r : contract.rowRules()) {
            if ("spark-sql".equals(r.engine())) {
                String sql = r.implementation().replace("${as_of}", "DATE'" + asOf + "'");
                rowRuleFailures.add(when(
                        coalesce(not(expr(sql)), lit(false)),
                        failure(
                                r.id(),
                                lit(r.description() != null ? r.description() : "rule " + r.id() + " does not hold"))));
            }
        }
        Column all = rowRuleFailures.isEmpty()
                ? col("_f")
                : concat(col("_f"), array(rowRuleFailures.toArray(new Column[0])));
        Dataset<Row> out =
                typedRows.withColumn(FAILURES, filter(all, x -> x.isNotNull())).drop("_f");

        for (RowRule r : contract.rowRules()) {
            if ("rehabmap".equals(r.engine()) && "consistentWithinGroup".equals(r.implementation())) {
                out = consistentWithinGroup(out, r);
            } else if (!"spark-sql".equals(r.engine())) {
                throw new org.rehabmap.config.ConfigError(
                        "contract " + contract.name() + ": rule " + r.id() + " has an unknown implementation");
            }
        }
        return out;
    }

    /**
     * Rows of one group (e.g. a borough × sex × age-band cell) that should carry one value but do
     * not: every row of the group fails, since which one is right cannot be known. Only rows
     * that pass their own rules take part.
     */
    private Dataset<Row> consistentWithinGroup(Dataset<Row> in, RowRule r) {
        Column[] keys =
                r.groupBy().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column valid = size(col(FAILURES)).equalTo(0);
        Column distinct = size(collect_set(when(valid, col(r.column()))).over(Window.partitionBy(keys)));
        return in.withColumn(
                FAILURES,
                when(
                                valid.and(distinct.gt(1)),
                                array(failure(
                                        r.id(),
                                        lit(
                                                r.description() != null
                                                        ? r.description()
                                                        : r.column() + " differs within its group"))))
                        .otherwise(col(FAILURES)));
    }

    private Column normalised(ColumnSpec c) {
        Column raw = trim(col(c.name()));
        Column v = when(raw.equalTo(""), lit(null).cast("string")).otherwise(raw);
        if (c.isList()) {
            return v;
        }
        if ("upper".equals(c.normalise())) {
            return upper(v);
        }
        if ("lower".equals(c.normalise())) {
            return lower(v);
        }
        return v;
    }

    static Column typedValue(ColumnSpec c, Column v) {
        switch (c.logicalType()) {
            case "integer":
                return when(v.rlike("^[+-]?[0-9]{1,9}$"), v.cast("int"));
            case "number":
                return when(v.rlike("^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$"), v.cast("double"));
            case "boolean":
                return when(lower(v).isin(TRUE.toArray()), lit(true)).when(lower(v).isin(FALSE.toArray()), lit(false));
            case "date":
                return when(v.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), to_date(v, "yyyy-MM-dd"))
                        .when(v.rlike("^[0-9]{2}/[0-9]{2}/[0-9]{4}$"), to_date(v, "dd/MM/yyyy"));
            default:
                return v;
        }
    }

    private Set<String> allowed(ValueRule r) {
        Set<String> s = new LinkedHashSet<>(r.validValues());
        if (r.validValuesReference() != null) {
            s.addAll(reference.values(r.validValuesReference()));
        }
        return s;
    }

    private static Column failure(String id, Column reason) {
        return struct(lit(id).as("rule_id"), reason.as("reason"));
    }

    private static String notOneOf(Set<String> allowed) {
        if (allowed.size() > 20) {
            return " is not a known code";
        }
        return " is not one of " + String.join(", ", allowed);
    }

    private static String typeWords(String t) {
        return switch (t) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true/false, yes/no, y/n or 1/0";
            case "date" -> "a date (YYYY-MM-DD or DD/MM/YYYY)";
            default -> t;
        };
    }

    private static String range(ColumnSpec c) {
        String lo = c.minimum() == null ? "" : fmt(c.minimum());
        String hi = c.maximum() == null ? "" : fmt(c.maximum());
        if (c.maximum() == null) {
            return "the allowed range (≥ " + lo + ")";
        }
        if (c.minimum() == null) {
            return "the allowed range (≤ " + hi + ")";
        }
        return "the allowed range " + lo + "–" + hi;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
