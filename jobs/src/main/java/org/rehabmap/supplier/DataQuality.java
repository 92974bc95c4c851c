package org.rehabmap.supplier;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.GoldContract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

/**
 * gold.data_quality: per provider × source × period, the rows accepted (in silver now) and refused
 * (audit.quarantine), the share refused, how complete each optional column is in the accepted rows, and
 * whether the return came on time against rehabmap.suppliers.schedule. Periods a provider should have
 * returned and did not are rows too ({@code missing}). A pure function of its input frames.
 *
 * <p>A row belongs to the provider its provider_code names ({@link Attribution}); quarantined rows whose
 * code names no provider are left out (the supplier feedback lists them for the programme team). A return
 * is received when rehabmap first saw a file carrying rows of it (audit.file_ledger.ingested_at).
 */
public final class DataQuality {
    public static final String TABLE = "gold.data_quality";
    public static final String COMPLETE_SUFFIX = "_complete_pct";

    public static final String ON_TIME = "on_time";
    public static final String LATE = "late";
    public static final String MISSING = "missing";
    public static final String NOT_SCHEDULED = "not_scheduled";
    public static final String UNKNOWN_PERIOD = "unknown_period";

    private DataQuality() {}

    /**
     * @param ledger audit.file_ledger
     * @param quarantine audit.quarantine, or null when nothing was ever quarantined
     * @param silver each scheduled source's silver table (a source missing here has only quarantined rows)
     */
    public static Dataset<Row> build(
            Dataset<Row> ledger,
            Dataset<Row> quarantine,
            Map<String, Dataset<Row>> silver,
            Map<String, Contract> sources,
            Schedule schedule,
            LocalDate asOf,
            GoldContract out) {
        List<String> completeness = out.columnNames().stream()
                .filter(c -> c.endsWith(COMPLETE_SUFFIX))
                .map(c -> c.substring(0, c.length() - COMPLETE_SUFFIX.length()))
                .toList();
        // files that brought rows: a duplicate shares its sha256 with the file that was read
        Dataset<Row> files = ledger.filter(col("status").isin("loaded", "conformed"))
                .select(
                        col("sha256").as("_sha"),
                        col("file_seq").as("_seq"),
                        to_date(col("ingested_at")).as("_received"));
        Dataset<Row> all = null;
        for (Schedule.Entry e : schedule.sources().values()) {
            Contract contract = sources.get(e.source());
            List<String> optional = optionalColumns(contract);
            for (String c : optional) {
                if (!completeness.contains(c)) {
                    throw new ConfigError(TABLE + ": its contract has no column " + c + COMPLETE_SUFFIX
                            + " for the optional column " + c + " of " + e.source());
                }
            }
            Dataset<Row> rows = null;
            Dataset<Row> s = silver.get(e.source());
            if (s != null) {
                List<Column> sel = new ArrayList<>(List.of(
                        Attribution.provider(col(Attribution.PROVIDER_CODE)).as("provider_code"),
                        e.frequency().indexOf(col(e.periodColumn())).as("_period"),
                        col("_file_seq").as("_seq"),
                        lit(1).as("_accepted")));
                for (String c : completeness) {
                    sel.add(
                            optional.contains(c)
                                    ? filled(contract.column(c).orElseThrow()).as("_c_" + c)
                                    : nul(c));
                }
                rows = s.select(sel.toArray(Column[]::new));
            }
            if (quarantine != null) {
                List<Column> sel = new ArrayList<>(List.of(
                        Attribution.provider(col("row").getItem(Attribution.PROVIDER_CODE))
                                .as("provider_code"),
                        e.frequency()
                                .indexOf(col("row").getItem(e.periodColumn()))
                                .as("_period"),
                        col("_seq"),
                        lit(0).as("_accepted")));
                for (String c : completeness) {
                    sel.add(nul(c));
                }
                Dataset<Row> q = quarantine
                        .filter(col("source").equalTo(e.source()))
                        .join(files, col("file_sha256").equalTo(col("_sha")))
                        .select(sel.toArray(Column[]::new));
                rows = rows == null ? q : rows.unionByName(q);
            }
            if (rows == null) {
                continue;
            }
            Dataset<Row> one = perPeriod(rows.filter(col("provider_code").isNotNull()), files, e, asOf, completeness);
            all = all == null ? one : all.unionByName(one);
        }
        List<Column> cols = new ArrayList<>();
        for (ColumnSpec c : out.columns()) {
            cols.add(
                    all == null
                            ? lit(null).cast(c.physicalType()).as(c.name())
                            : col(c.name()).cast(c.physicalType()).as(c.name()));
        }
        if (all == null) {
            return ledger.sparkSession().createDataFrame(List.of(), out.sparkSchema());
        }
        return all.select(cols.toArray(Column[]::new)).orderBy("provider_code", "source", "period");
    }

    /** The optional columns of a source whose completeness is measured (identifiers aside). */
    public static List<String> optionalColumns(Contract c) {
        return c.columns().stream()
                .filter(x -> !x.required() && !x.isIdentifier())
                .map(ColumnSpec::name)
                .toList();
    }

    /** 1 when the column holds a value (a list at least one item; not the unknown value), else 0. */
    static Column filled(ColumnSpec c) {
        Column v = col(c.name());
        Column has = c.isList() ? v.isNotNull().and(size(v).gt(0)) : v.isNotNull();
        if (c.unknownValue() != null) {
            has = has.and(v.notEqual(lit(c.unknownValue())));
        }
        return when(has, 1).otherwise(0);
    }

    private static Column nul(String c) {
        return lit(null).cast("int").as("_c_" + c);
    }

    private static Dataset<Row> perPeriod(
            Dataset<Row> rows, Dataset<Row> files, Schedule.Entry e, LocalDate asOf, List<String> completeness) {
        List<Column> aggs = new ArrayList<>(List.of(
                sum("_accepted").as("rows_accepted"),
                count(lit(1)).minus(sum("_accepted")).as("rows_quarantined"),
                countDistinct(col("_seq")).as("files"),
                min("_received").as("first_received"),
                max("_received").as("last_received")));
        for (String c : completeness) {
            aggs.add(round(avg("_c_" + c).multiply(100), 1).as(c + COMPLETE_SUFFIX));
        }
        Dataset<Row> got = rows.join(files.drop("_sha"), "_seq")
                .groupBy(col("provider_code"), col("_period"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        Frequency f = e.frequency();
        Dataset<Row> keyed = got;
        if (e.judged()) {
            // every period from the provider's first return to the last one due by the as-of date
            int lastDue = f.lastDue(asOf, e.dueDays());
            Dataset<Row> expected = got.filter(col("_period").isNotNull())
                    .groupBy("provider_code")
                    .agg(min("_period").as("_first"))
                    .filter(col("_first").leq(lastDue))
                    .select(
                            col("provider_code"),
                            explode(sequence(col("_first"), lit(lastDue))).as("_period"));
            keyed = expected.join(got, List.of("provider_code", "_period").toArray(String[]::new), "full_outer");
        }
        Column due = e.judged()
                ? date_add(f.endOf(col("_period")), e.dueDays())
                : lit(null).cast("date");
        Column timeliness = when(col("_period").isNull(), lit(UNKNOWN_PERIOD))
                .when(e.judged() ? col("files").isNull() : lit(false), lit(MISSING))
                .when(lit(!e.judged()), lit(NOT_SCHEDULED))
                .when(col("first_received").leq(due), lit(ON_TIME))
                .otherwise(lit(LATE));
        Map<String, Column> add = new LinkedHashMap<>();
        add.put("source", lit(e.source()));
        add.put("period", when(col("_period").isNull(), lit("unknown")).otherwise(f.labelOf(col("_period"))));
        add.put("due_date", when(col("_period").isNotNull(), due));
        add.put("timeliness", timeliness);
        add.put("files", coalesce(col("files"), lit(0L)));
        add.put("rows_accepted", coalesce(col("rows_accepted"), lit(0L)));
        add.put("rows_quarantined", coalesce(col("rows_quarantined"), lit(0L)));
        return keyed.withColumns(add)
                .withColumn(
                        "quarantined_pct",
                        when(
                                col("rows_accepted")
                                        .plus(col("rows_quarantined"))
                                        .gt(0),
                                round(
                                        col("rows_quarantined")
                                                .multiply(100.0)
                                                .divide(col("rows_accepted").plus(col("rows_quarantined"))),
                                        1)))
                .withColumn(
                        "days_overdue",
                        when(col("timeliness").equalTo(LATE), datediff(col("first_received"), col("due_date")))
                                .when(
                                        col("timeliness").equalTo(MISSING),
                                        datediff(lit(java.sql.Date.valueOf(asOf)), col("due_date"))));
    }
}
