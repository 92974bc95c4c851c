package org.rehabmap.curate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.gold.Apportionment;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.Positions;
import org.rehabmap.gold.SecondarySuppression;
import org.rehabmap.stats.Comparison;
import org.rehabmap.stats.ConfidenceIntervals;
import org.rehabmap.stats.ConfidenceLevel;
import org.rehabmap.stats.Polarity;
import org.rehabmap.stats.ProportionDifference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * gold.inequalities (METHODS.md, "Inequalities"): the HNA indicators and multimorbidity of
 * gold.benchmarks broken down by sex, age band, tumour group, pathway point and deprivation quintile,
 * each group's Wilson intervals against the area's whole value, and the gap between deprivation
 * quintiles 1 and 5 with Newcombe's interval.
 *
 * <p>The numerators and denominators are the catalogue's own expressions (conf/indicators.conf),
 * counted as {@link HnaMeasures} and {@link ComorbidityMeasures} count them: an assessment counts once,
 * in its one residence (a known borough wins over unknown); a concern row counts in its own residence;
 * an unknown residence reaches London only and is left out of the deprivation breakdown. Every source
 * goes through one aggregation over all areas and breakdowns; the statistics are the pure functions of
 * org.rehabmap.stats, called per row; nothing is collected, so the table costs nothing until written.
 */
final class InequalitiesTable {
    static final List<String> INDICATORS =
            List.of("hna_unaddressed_high_distress_pct", "hna_high_distress_referred_pct", "multimorbidity_pct");
    static final String DEPRIVATION = "deprivation_quintile";
    static final String GAP = "gap_q1_q5";
    static final List<String> HNA_BREAKDOWNS = List.of("sex", "age_band", "tumour_group", "pathway_point", DEPRIVATION);
    static final List<String> COMORBIDITY_BREAKDOWNS = List.of("sex", "age_band");
    /** The breakdown code of assessments whose residence (so deprivation quintile) is not known. */
    private static final String UNKNOWN = Geography.UNKNOWN;

    private static final String QUINTILE = "_quintile";
    private static final String SOURCE = "_source";

    static final StructType SCHEMA_AREA_VALUES = new StructType()
            .add("indicator_id", DataTypes.StringType, false)
            .add(Positions.PERIOD, DataTypes.StringType, false)
            .add(Geography.AREA_CODE, DataTypes.StringType, false)
            .add("area_value", DataTypes.DoubleType, true)
            .add("_area_withheld", DataTypes.BooleanType, false);

    private InequalitiesTable() {}

    /**
     * @param hna         {@link Positions#hna} rows
     * @param comorbidity {@link Positions#comorbidity} rows
     * @param imd         silver.imd (la_code, imd_average_score)
     * @param benchmarks  the rows of gold.benchmarks: each area's whole value, as published there
     * @param held        where the frames this table reads more than once are added, to release after the write
     */
    static Dataset<Row> build(
            IndicatorCatalogue catalogue,
            Dataset<Row> hna,
            Dataset<Row> comorbidity,
            Dataset<Row> imd,
            Geography geo,
            Dataset<Row> areaMap,
            Dataset<Row> areaList,
            List<BenchmarkRow> benchmarks,
            CurateConfig cfg,
            List<Dataset<Row>> held) {
        SparkSession spark = hna.sparkSession();
        List<IndicatorDefinition> defs = new ArrayList<>();
        for (String id : INDICATORS) {
            // a proportion of counted rows: a catalogue that changes one into something else drops it here
            if (catalogue.contains(id)) {
                IndicatorDefinition d = catalogue.get(id);
                boolean counted = d.kind().equals(IndicatorCatalogue.COMORBIDITY)
                        || !Denominators.isNamed(d.input("denominator", ""));
                if (d.ci() == IndicatorDefinition.CiMethod.WILSON && counted) {
                    defs.add(d);
                }
            }
        }
        Dataset<Row> quintiles = quintiles(imd, geo);

        List<Dataset<Row>> units = new ArrayList<>();
        List<IndicatorDefinition> assessed = ofKind(defs, IndicatorCatalogue.HNA_ASSESSMENTS);
        List<IndicatorDefinition> concerns = ofKind(defs, IndicatorCatalogue.HNA_CONCERNS);
        List<IndicatorDefinition> comorb = ofKind(defs, IndicatorCatalogue.COMORBIDITY);
        if (!assessed.isEmpty()) {
            units.add(assessments(defs, assessed, hna, cfg));
        }
        if (!concerns.isEmpty()) {
            units.add(concernRows(defs, concerns, hna, cfg));
        }
        if (!comorb.isEmpty()) {
            units.add(comorbidityRows(defs, comorb, comorbidity, cfg));
        }
        if (units.isEmpty()) {
            return empty(spark);
        }
        Dataset<Row> all = units.get(0);
        for (Dataset<Row> u : units.subList(1, units.size())) {
            all = all.unionByName(u);
        }
        // every count is a sum of per-row flags, so the rows are first summed to one per residence and
        // group: the breakdowns (x5) and the area levels (x4) then multiply thousands of rows, not millions
        List<Column> unitSums = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            for (String k : List.of("_n", "_d", "_e")) {
                unitSums.add(sum(k + i).as(k + i));
            }
        }
        all = all.groupBy(
                        col(SOURCE),
                        col(Positions.PERIOD),
                        col(Apportionment.LA_CODE),
                        col("sex"),
                        col("age_band"),
                        col("tumour_group"),
                        col("pathway_point"))
                .agg(unitSums.get(0), unitSums.subList(1, unitSums.size()).toArray(Column[]::new));
        all = all.join(quintiles, Positions.usingColumns(Apportionment.LA_CODE), "left")
                .withColumn(
                        "_b",
                        explode(when(col(SOURCE).equalTo("comorbidity"), tags(COMORBIDITY_BREAKDOWNS))
                                .otherwise(tags(HNA_BREAKDOWNS))));

        // one aggregation: every source, area level and breakdown at once
        List<Column> aggs = new ArrayList<>();
        List<Column> structs = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            aggs.add(sum("_n" + i).as("_n" + i));
            aggs.add(sum("_d" + i).as("_d" + i));
            aggs.add(sum("_e" + i).as("_e" + i));
            structs.add(struct(
                    lit(defs.get(i).id()).as("indicator_id"),
                    lit(source(defs.get(i))).as("source"),
                    col("_n" + i).cast("long").as("numerator"),
                    col("_d" + i).cast("long").as("denominator"),
                    col("_e" + i).cast("long").as("excluded")));
        }
        Dataset<Row> sums = all.join(areaMap, Apportionment.LA_CODE)
                .groupBy(
                        col(SOURCE),
                        col(Positions.PERIOD),
                        col(Geography.AREA_CODE),
                        col("_b.breakdown").as("breakdown"),
                        col("_b.breakdown_code").as("breakdown_code"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .select(
                        col(SOURCE),
                        col(Positions.PERIOD),
                        col(Geography.AREA_CODE),
                        col("breakdown"),
                        col("breakdown_code"),
                        explode(array(structs.toArray(Column[]::new))).as("_m"))
                .filter(col("_m.source").equalTo(col(SOURCE)))
                .select(
                        col("_m.indicator_id").as("indicator_id"),
                        col(Positions.PERIOD),
                        col(Geography.AREA_CODE),
                        col("breakdown"),
                        col("breakdown_code"),
                        col("_m.numerator").as("numerator"),
                        col("_m.denominator").as("denominator"),
                        col("_m.excluded").as("excluded"))
                // the grid, the unknown-residence counts and the rows all read it: aggregated once, not four times
                .cache();
        held.add(sums);

        Dataset<Row> grid = grid(sums, quintiles, areaMap, areaList);
        Column counted = not(
                col("breakdown").equalTo(DEPRIVATION).and(col("breakdown_code").equalTo(UNKNOWN)));
        Dataset<Row> unknown = sums.filter(not(counted))
                .select(
                        col("indicator_id"),
                        col(Positions.PERIOD),
                        col(Geography.AREA_CODE),
                        col("breakdown"),
                        col("denominator").as("_unknown"));
        Dataset<Row> rows = grid.join(
                        sums.filter(counted),
                        Positions.usingColumns(
                                "indicator_id", Positions.PERIOD, Geography.AREA_CODE, "breakdown", "breakdown_code"),
                        "left")
                .join(
                        unknown,
                        Positions.usingColumns("indicator_id", Positions.PERIOD, Geography.AREA_CODE, "breakdown"),
                        "left")
                .join(
                        areaValues(spark, benchmarks, defs),
                        Positions.usingColumns("indicator_id", Positions.PERIOD, Geography.AREA_CODE),
                        "left")
                .withColumns(Stage.of(
                        "numerator", coalesce(col("numerator"), lit(0L)),
                        "denominator", coalesce(col("denominator"), lit(0L)),
                        "excluded", coalesce(col("excluded"), lit(0L)),
                        "_area_withheld", coalesce(col("_area_withheld"), lit(false))));

        Column mult = element_at(byIndicator(defs, d -> lit(d.multiplier())), col("indicator_id"));
        Column has = col("denominator").gt(0);
        // each stage one projection: a withColumn analyses the whole (wide) plan again each time
        rows = rows.withColumns(Stage.of(
                "value",
                when(
                        has,
                        col("numerator")
                                .cast("double")
                                .divide(col("denominator"))
                                .multiply(mult)),
                "lower_ci95",
                wilson(true, true).apply(col("numerator"), col("denominator"), mult),
                "upper_ci95",
                wilson(false, true).apply(col("numerator"), col("denominator"), mult),
                "lower_ci998",
                wilson(true, false).apply(col("numerator"), col("denominator"), mult),
                "upper_ci998",
                wilson(false, false).apply(col("numerator"), col("denominator"), mult),
                "_primary",
                small(col("numerator"), cfg).or(small(col("denominator"), cfg))));

        Map<String, List<String>> dependants = new LinkedHashMap<>();
        for (String c : List.of("value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998")) {
            dependants.put(c, List.of("numerator", "denominator"));
        }
        rows = new Disclosure(cfg.disclosureMin(), cfg.disclosureMax())
                .apply(
                        rows,
                        List.of("numerator", "denominator"),
                        dependants,
                        null,
                        // a breakdown's groups add up to the area's whole: one withheld group could be worked out
                        List.of(new SecondarySuppression.Siblings(
                                List.of("indicator_id", Positions.PERIOD, Geography.AREA_CODE, "breakdown"),
                                lit(true))),
                        List.of("breakdown_code"));
        // an area withheld in gold.benchmarks would be the sum of its groups: they go with it
        Column areaGone = col("_area_withheld");
        Map<String, Column> gone = new LinkedHashMap<>();
        for (String c : List.of(
                "numerator", "denominator", "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998")) {
            gone.put(c, when(not(areaGone), col(c)));
        }
        gone.put("suppressed", col("suppressed").or(areaGone));
        gone.put("area_value", when(not(areaGone), col("area_value")));
        // significance and the note read the withheld values: the next stage
        rows = rows.withColumns(gone)
                .withColumns(Stage.of(
                        "significance",
                        compare().apply(col("lower_ci95"), col("upper_ci95"), col("area_value")),
                        "note",
                        notes(defs, cfg)));

        // the groups and the Q1 - Q5 gaps are both made from these rows: computed once
        rows = rows.cache();
        held.add(rows);
        Dataset<Row> gaps = gaps(rows, mult);
        return rows.select(columns())
                .unionByName(gaps.select(columns()))
                .orderBy(
                        element_at(byIndicator(defs, d -> lit(catalogue.position(d.id()))), col("indicator_id")),
                        col(Positions.PERIOD),
                        col(Geography.LEVEL_ORDER),
                        col(Geography.AREA_CODE),
                        element_at(breakdownOrder(), col("breakdown")),
                        col("breakdown_code"))
                .drop(Geography.LEVEL_ORDER);
    }

    /**
     * Each borough's deprivation quintile: NTILE(5) of the boroughs by IMD 2019 average score, highest
     * (most deprived) first, ties by code; a borough without a score has none.
     */
    static Dataset<Row> quintiles(Dataset<Row> imd, Geography geo) {
        return imd.filter(col("la_code")
                        .isin(geo.boroughCodes().toArray())
                        .and(col("imd_average_score").isNotNull()))
                .select(
                        col("la_code").as(Apportionment.LA_CODE),
                        // 33 rows: one partition is the point
                        ntile(5).over(Window.orderBy(col("imd_average_score").desc(), col("la_code")))
                                .cast("string")
                                .as(QUINTILE));
    }

    private static List<IndicatorDefinition> ofKind(List<IndicatorDefinition> defs, String kind) {
        return defs.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private static String source(IndicatorDefinition d) {
        return d.kind().equals(IndicatorCatalogue.COMORBIDITY) ? "comorbidity" : d.kind();
    }

    /** One row per assessment, flagged as {@link HnaMeasures#assessments} flags it, with its person's groups. */
    private static Dataset<Row> assessments(
            List<IndicatorDefinition> defs, List<IndicatorDefinition> mine, Dataset<Row> hna, CurateConfig cfg) {
        List<Column> aggs = new ArrayList<>();
        // one residence per assessment: a known borough wins over 'unknown' ('E09…' sorts first)
        aggs.add(min("residence").as(Apportionment.LA_CODE));
        for (String b : List.of("sex", "age_band", "tumour_group", "pathway_point")) {
            aggs.add(min(b).as(b));
        }
        for (int i = 0; i < defs.size(); i++) {
            IndicatorDefinition d = defs.get(i);
            if (mine.contains(d)) {
                Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
                aggs.add(max(HnaMeasures.flag(in.and(expr(cfg.expand(d.input("numerator"))))))
                        .as("_n" + i));
                aggs.add(max(HnaMeasures.flag(in.and(expr(cfg.expand(d.input("denominator"))))))
                        .as("_d" + i));
            } else {
                aggs.add(lit(0L).as("_n" + i));
                aggs.add(lit(0L).as("_d" + i));
            }
            aggs.add(lit(0L).as("_e" + i));
        }
        return hna.groupBy(col(Positions.PERIOD), col("assessment_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .drop("assessment_id")
                .withColumn(SOURCE, lit(IndicatorCatalogue.HNA_ASSESSMENTS))
                .select(unitColumns(defs));
    }

    /** One row per concern, flagged as {@link HnaMeasures#concerns} flags it, in the row's own residence. */
    private static Dataset<Row> concernRows(
            List<IndicatorDefinition> defs, List<IndicatorDefinition> mine, Dataset<Row> hna, CurateConfig cfg) {
        Dataset<Row> out = hna.withColumn(Apportionment.LA_CODE, col("residence"))
                .withColumn(SOURCE, lit(IndicatorCatalogue.HNA_CONCERNS));
        Map<String, Column> flags = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            IndicatorDefinition d = defs.get(i);
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            boolean m = mine.contains(d);
            flags.put("_n" + i, m ? HnaMeasures.flag(in.and(expr(cfg.expand(d.input("numerator"))))) : lit(0L));
            flags.put("_d" + i, m ? HnaMeasures.flag(in.and(expr(cfg.expand(d.input("denominator"))))) : lit(0L));
            flags.put("_e" + i, lit(0L));
        }
        return out.withColumns(flags).select(unitColumns(defs));
    }

    /** Comorbidity rows as {@link ComorbidityMeasures} sums them: a supplier-suppressed cell left out of both. */
    private static Dataset<Row> comorbidityRows(
            List<IndicatorDefinition> defs,
            List<IndicatorDefinition> mine,
            Dataset<Row> comorbidity,
            CurateConfig cfg) {
        // the indicators' expressions may name the columns added here, so they are a stage of their own
        Dataset<Row> out = comorbidity.withColumns(Stage.of(
                Apportionment.LA_CODE,
                col("borough_code"),
                SOURCE,
                lit("comorbidity"),
                "tumour_group",
                lit(null).cast("string"),
                "pathway_point",
                lit(null).cast("string")));
        Map<String, Column> sums = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            IndicatorDefinition d = defs.get(i);
            if (!mine.contains(d)) {
                sums.put("_n" + i, lit(0L));
                sums.put("_d" + i, lit(0L));
                sums.put("_e" + i, lit(0L));
                continue;
            }
            Column in = coalesce(expr(cfg.expand(d.input("filter", "true"))), lit(false));
            Column num = expr(cfg.expand(d.input("numerator"))).cast("long");
            Column den = expr(cfg.expand(d.input("denominator"))).cast("long");
            Column kept = in.and(num.isNotNull()).and(den.isNotNull());
            sums.put("_n" + i, when(kept, num).otherwise(0L));
            sums.put("_d" + i, when(kept, den).otherwise(0L));
            sums.put("_e" + i, when(in.and(not(kept)), 1L).otherwise(0L));
        }
        return out.withColumns(sums).select(unitColumns(defs));
    }

    private static Column[] unitColumns(List<IndicatorDefinition> defs) {
        List<Column> out = new ArrayList<>(List.of(
                col(SOURCE),
                col(Positions.PERIOD),
                col(Apportionment.LA_CODE),
                col("sex"),
                col("age_band"),
                col("tumour_group"),
                col("pathway_point")));
        for (int i = 0; i < defs.size(); i++) {
            out.add(col("_n" + i).cast("long").as("_n" + i));
            out.add(col("_d" + i).cast("long").as("_d" + i));
            out.add(col("_e" + i).cast("long").as("_e" + i));
        }
        return out.toArray(Column[]::new);
    }

    /** A unit's groups, one per breakdown; deprivation is its residence's quintile, or unknown. */
    private static Column tags(List<String> breakdowns) {
        List<Column> out = new ArrayList<>();
        for (String b : breakdowns) {
            Column code = b.equals(DEPRIVATION) ? coalesce(col(QUINTILE), lit(UNKNOWN)) : col(b);
            out.add(struct(lit(b).as("breakdown"), code.as("breakdown_code")));
        }
        return array(out.toArray(Column[]::new));
    }

    /**
     * Every area × group the table publishes: the groups seen in the period, in every area (an empty
     * group reads 0); for deprivation, only the quintiles the area's boroughs fall in.
     */
    private static Dataset<Row> grid(
            Dataset<Row> sums, Dataset<Row> quintiles, Dataset<Row> areaMap, Dataset<Row> areaList) {
        Dataset<Row> groups = sums.filter(col("breakdown")
                        .notEqual(DEPRIVATION)
                        .and(col("breakdown_code").isNotNull()))
                .select("indicator_id", Positions.PERIOD, "breakdown", "breakdown_code")
                .distinct()
                .crossJoin(areaList);
        Dataset<Row> membership = quintiles
                .join(areaMap, Apportionment.LA_CODE)
                .select(col(Geography.AREA_CODE), col(QUINTILE).as("breakdown_code"))
                .distinct()
                .join(areaList, Geography.AREA_CODE);
        Dataset<Row> deprivation = sums.filter(col("breakdown").equalTo(DEPRIVATION))
                .select("indicator_id", Positions.PERIOD, "breakdown")
                .distinct()
                .crossJoin(membership);
        return groups.unionByName(deprivation);
    }

    /** Each area's whole value as gold.benchmarks publishes it, and whether it is withheld there. */
    private static Dataset<Row> areaValues(
            SparkSession spark, List<BenchmarkRow> benchmarks, List<IndicatorDefinition> defs) {
        List<String> ids = defs.stream().map(IndicatorDefinition::id).toList();
        List<Row> rows = new ArrayList<>();
        for (BenchmarkRow r : benchmarks) {
            if (ids.contains(r.indicatorId())) {
                rows.add(RowFactory.create(r.indicatorId(), r.period(), r.areaCode(), r.value(), r.suppressed()));
            }
        }
        return spark.createDataFrame(rows, SCHEMA_AREA_VALUES);
    }

    private static Column small(Column count, CurateConfig cfg) {
        return coalesce(count.geq(cfg.disclosureMin()).and(count.leq(cfg.disclosureMax())), lit(false));
    }

    private static Column notes(List<IndicatorDefinition> defs, CurateConfig cfg) {
        Column unitWord = element_at(
                byIndicator(
                        defs,
                        d -> lit(
                                switch (d.kind()) {
                                    case IndicatorCatalogue.HNA_ASSESSMENTS -> "assessment(s)";
                                    case IndicatorCatalogue.HNA_CONCERNS -> "high-distress concern(s)";
                                    default -> "people";
                                })),
                col("indicator_id"));
        Column excludedNote = element_at(
                byIndicator(defs, d -> lit(d.input("excluded-note", "{n} input row(s) left out"))),
                col("indicator_id"));
        Column deprivation = col("breakdown").equalTo(DEPRIVATION);
        Column suppressedNote = when(
                        col("_area_withheld"),
                        lit("suppressed: the area's own value is withheld in gold.benchmarks (disclosure control)"))
                .when(
                        col("_primary"),
                        lit("suppressed: a count of " + cfg.disclosureMin() + "–" + cfg.disclosureMax()
                                + " (disclosure control)"))
                .when(
                        col("suppressed"),
                        lit(
                                "suppressed: protects a small count in another group of this breakdown (disclosure control)"));
        Column text = concat_ws(
                "; ",
                suppressedNote,
                when(not(col("suppressed")).and(col("denominator").equalTo(0)), lit("no value: the denominator is 0")),
                when(
                        col("excluded").gt(0),
                        replace(excludedNote, lit("{n}"), col("excluded").cast("string"))),
                when(
                        deprivation,
                        lit("area-based: the quintile of the residence borough's IMD 2019 average score, "
                                + "not the person's own deprivation")),
                when(
                        deprivation.and(col("_unknown").gt(0)),
                        concat(
                                col("_unknown").cast("string"),
                                lit(" "),
                                unitWord,
                                lit(" with unknown residence left out of this breakdown (they count in London's "
                                        + "whole value)"))));
        return when(text.notEqual(""), text);
    }

    /** Quintile 1 minus quintile 5 of each indicator, period and area that has both. */
    private static Dataset<Row> gaps(Dataset<Row> rows, Column mult) {
        Column q1 = col("breakdown_code").equalTo("1");
        Column q5 = col("breakdown_code").equalTo("5");
        Dataset<Row> pairs = rows.filter(col("breakdown").equalTo(DEPRIVATION).and(q1.or(q5)))
                .groupBy(
                        col("indicator_id"),
                        col(Positions.PERIOD),
                        col(Geography.AREA_LEVEL),
                        col(Geography.AREA_CODE),
                        col(Geography.AREA_NAME),
                        col(Geography.LEVEL_ORDER),
                        col("breakdown"))
                .agg(
                        max(when(q1, col("numerator"))).as("_x1"),
                        max(when(q1, col("denominator"))).as("_n1"),
                        max(when(q5, col("numerator"))).as("_x5"),
                        max(when(q5, col("denominator"))).as("_n5"),
                        max(when(q1, lit(1))).as("_has1"),
                        max(when(q5, lit(1))).as("_has5"),
                        max(col("suppressed")).as("suppressed"))
                .filter(col("_has1").isNotNull().and(col("_has5").isNotNull()));
        Column known =
                not(col("suppressed")).and(col("_n1").gt(0)).and(col("_n5").gt(0));
        Column[] args = {col("_x1"), col("_n1"), col("_x5"), col("_n5")};
        return pairs.withColumns(Stage.of(
                        "breakdown_code",
                        lit(GAP),
                        "breakdown_label",
                        lit("Gap: quintile 1 (most deprived) minus quintile 5 (least deprived)"),
                        "numerator",
                        lit(null).cast("long"),
                        "denominator",
                        lit(null).cast("long"),
                        "value",
                        when(
                                known,
                                col("_x1")
                                        .cast("double")
                                        .divide(col("_n1"))
                                        .minus(col("_x5").cast("double").divide(col("_n5")))
                                        .multiply(mult)),
                        "lower_ci95",
                        when(known, newcombe(true, true).apply(args).multiply(mult)),
                        "upper_ci95",
                        when(known, newcombe(false, true).apply(args).multiply(mult)),
                        "lower_ci998",
                        when(known, newcombe(true, false).apply(args).multiply(mult)),
                        "upper_ci998",
                        when(known, newcombe(false, false).apply(args).multiply(mult)),
                        "area_value",
                        lit(null).cast("double")))
                // the significance reads the limits just made: the next stage
                .withColumns(Stage.of(
                        // against no difference: 'higher' = quintile 1 above quintile 5
                        "significance",
                        compare().apply(col("lower_ci95"), col("upper_ci95"), lit(0.0)),
                        "note",
                        when(col("suppressed"), lit("suppressed: quintile 1 or 5 is withheld (disclosure control)"))
                                .when(not(known), lit("no gap: quintile 1 or 5 has no denominator here"))
                                .otherwise(lit("percentage points; Newcombe's hybrid score interval (method 10); "
                                        + "area-based quintiles of borough IMD 2019"))));
    }

    private static Column[] columns() {
        return new Column[] {
            col("indicator_id"),
            col(Positions.PERIOD),
            col(Geography.AREA_LEVEL),
            col(Geography.AREA_CODE),
            col(Geography.AREA_NAME),
            col("breakdown"),
            col("breakdown_code"),
            label().as("breakdown_label"),
            col("numerator"),
            col("denominator"),
            col("value"),
            col("lower_ci95"),
            col("upper_ci95"),
            col("lower_ci998"),
            col("upper_ci998"),
            col("area_value"),
            col("significance"),
            col("suppressed"),
            col("note"),
            col(Geography.LEVEL_ORDER)
        };
    }

    private static Column label() {
        return when(
                        col("breakdown_code").equalTo(GAP),
                        lit("Gap: quintile 1 (most deprived) minus quintile 5 (least deprived)"))
                .when(
                        col("breakdown").equalTo(DEPRIVATION),
                        concat(
                                lit("Quintile "),
                                col("breakdown_code"),
                                when(col("breakdown_code").equalTo("1"), lit(" (most deprived boroughs)"))
                                        .when(col("breakdown_code").equalTo("5"), lit(" (least deprived boroughs)"))
                                        .otherwise(lit(""))))
                .otherwise(expr(
                        "concat(upper(substr(breakdown_code, 1, 1)), substr(replace(breakdown_code, '_', ' '), 2))"));
    }

    private static Column breakdownOrder() {
        List<Column> kv = new ArrayList<>();
        for (int i = 0; i < HNA_BREAKDOWNS.size(); i++) {
            kv.add(lit(HNA_BREAKDOWNS.get(i)));
            kv.add(lit(i));
        }
        return map(kv.toArray(Column[]::new));
    }

    private static Column byIndicator(
            List<IndicatorDefinition> defs, java.util.function.Function<IndicatorDefinition, Column> f) {
        List<Column> kv = new ArrayList<>();
        for (IndicatorDefinition d : defs) {
            kv.add(lit(d.id()));
            kv.add(f.apply(d));
        }
        return map(kv.toArray(Column[]::new));
    }

    /** A Wilson limit of numerator / denominator × multiplier, null without a denominator. */
    private static UserDefinedFunction wilson(boolean lower, boolean p95) {
        ConfidenceLevel c = p95 ? ConfidenceLevel.P95 : ConfidenceLevel.P998;
        return udf(
                (UDF3<Long, Long, Double, Double>) (x, n, m) -> {
                    if (x == null || n == null || n <= 0 || m == null) {
                        return null;
                    }
                    var i = ConfidenceIntervals.wilson(x, n, c);
                    return (lower ? i.lower() : i.upper()) * m;
                },
                DataTypes.DoubleType);
    }

    /** A Newcombe limit of x1/n1 − x2/n2 on the 0..1 scale. */
    private static UserDefinedFunction newcombe(boolean lower, boolean p95) {
        ConfidenceLevel c = p95 ? ConfidenceLevel.P95 : ConfidenceLevel.P998;
        return udf(
                (UDF4<Long, Long, Long, Long, Double>) (x1, n1, x2, n2) -> {
                    if (x1 == null || n1 == null || x2 == null || n2 == null || n1 <= 0 || n2 <= 0) {
                        return null;
                    }
                    var r = ProportionDifference.newcombe(x1, n1, x2, n2, c);
                    return lower ? r.lower() : r.upper();
                },
                DataTypes.DoubleType);
    }

    /** The group's 95% interval against the area's whole value: higher, similar or lower, no judgement. */
    private static UserDefinedFunction compare() {
        return udf(
                (UDF3<Double, Double, Double, String>)
                        (lo, hi, whole) -> Comparison.compare(lo, hi, whole, Polarity.NO_JUDGEMENT),
                DataTypes.StringType);
    }

    private static Dataset<Row> empty(SparkSession spark) {
        StructType s = new StructType()
                .add("indicator_id", DataTypes.StringType, false)
                .add(Positions.PERIOD, DataTypes.StringType, false)
                .add(Geography.AREA_LEVEL, DataTypes.StringType, false)
                .add(Geography.AREA_CODE, DataTypes.StringType, false)
                .add(Geography.AREA_NAME, DataTypes.StringType, false)
                .add("breakdown", DataTypes.StringType, false)
                .add("breakdown_code", DataTypes.StringType, false)
                .add("breakdown_label", DataTypes.StringType, true)
                .add("numerator", DataTypes.LongType, true)
                .add("denominator", DataTypes.LongType, true)
                .add("value", DataTypes.DoubleType, true)
                .add("lower_ci95", DataTypes.DoubleType, true)
                .add("upper_ci95", DataTypes.DoubleType, true)
                .add("lower_ci998", DataTypes.DoubleType, true)
                .add("upper_ci998", DataTypes.DoubleType, true)
                .add("area_value", DataTypes.DoubleType, true)
                .add("significance", DataTypes.StringType, true)
                .add("suppressed", DataTypes.BooleanType, false)
                .add("note", DataTypes.StringType, true);
        return spark.createDataFrame(List.of(), s);
    }
}
