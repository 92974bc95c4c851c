package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SecondarySuppression;
import org.rehabmap.stats.Comparison;
import org.rehabmap.stats.ConfidenceIntervals;
import org.rehabmap.stats.ConfidenceLevel;
import org.rehabmap.stats.Interval;
import org.rehabmap.stats.Ranking;
import org.rehabmap.stats.Trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * Turns the sums of every indicator × period × area into gold.benchmarks rows: value, 95% and
 * 99.8% limits by the indicator's method, disclosure control, comparison with London, the
 * unmet-need index, rank, quintile and trend. Java over a few hundred rows, so every statistic
 * comes from org.rehabmap.stats and the whole table is reproducible by hand; only secondary
 * suppression runs in Spark, as the one routine every table that counts people shares.
 */
public final class BenchmarkAssembler {
    static final String NOT_COMPARED = "not_compared";

    private final SparkSession spark;
    private final GoldContract benchmarks;
    private final IndicatorCatalogue catalogue;
    private final Geography geography;
    private final Denominators denominators;
    private final CurateConfig cfg;
    private final Map<String, Geography.Area> areaByCode = new LinkedHashMap<>();

    /**
     * @param result   the rows of gold.benchmarks, sorted
     * @param index    the unmet-need index of every area with its components (empty when not configured)
     * @param indexPeriod the period label the index rows carry (its first component's latest period)
     */
    public record Result(List<BenchmarkRow> rows, List<UnmetNeedIndex.Entry> index, String indexPeriod) {}

    /** @param benchmarks the contract of gold.benchmarks, whose columns the rows are built by */
    public BenchmarkAssembler(
            SparkSession spark,
            GoldContract benchmarks,
            IndicatorCatalogue catalogue,
            Geography geography,
            Denominators denominators,
            CurateConfig cfg) {
        this.spark = spark;
        this.benchmarks = benchmarks;
        this.catalogue = catalogue;
        this.geography = geography;
        this.denominators = denominators;
        this.cfg = cfg;
        for (Geography.Area a : geography.areas()) {
            areaByCode.put(a.code(), a);
        }
    }

    /** Working state of one row while the statistics are filled in. */
    private static final class Cell {
        final IndicatorDefinition def;
        final Geography.Area area;
        final String period;
        Double numerator;
        Double denominator;
        Double value;
        Interval ci95;
        Interval ci998;
        boolean primary;
        boolean secondary;
        final List<String> notes = new ArrayList<>();

        Cell(IndicatorDefinition def, Geography.Area area, String period) {
            this.def = def;
            this.area = area;
            this.period = period;
        }

        boolean suppressed() {
            return primary || secondary;
        }

        Double published() {
            return suppressed() ? null : value;
        }
    }

    /** @param imdByArea area code → population-weighted IMD 2019 average score */
    public Result assemble(List<Measure> measures, Map<String, Double> imdByArea) {
        // (indicator, period) → area code → cell, in catalogue and period order
        Map<String, Map<String, Cell>> groups = new TreeMap<>();
        for (Measure m : measures) {
            IndicatorDefinition def = catalogue.get(m.indicatorId());
            Geography.Area area = areaByCode.get(m.areaCode());
            if (area == null) {
                continue;
            }
            Cell c = new Cell(def, area, m.period());
            c.numerator = m.numerator();
            c.denominator = m.denominator();
            statistics(c);
            notes(c, m);
            groups.computeIfAbsent(key(def.id(), m.period()), k -> new LinkedHashMap<>())
                    .put(area.code(), c);
        }
        secondarySuppression(groups);

        List<BenchmarkRow> rows = new ArrayList<>();
        for (Map<String, Cell> g : groups.values()) {
            Cell london = g.get(geography.londonCode());
            Double londonValue = london == null ? null : london.published();
            for (Cell c : g.values()) {
                rows.add(row(c, londonValue));
            }
        }

        List<UnmetNeedIndex.Entry> index = List.of();
        String indexPeriod = null;
        List<IndicatorDefinition> indexDefs = catalogue.ofKind(IndicatorCatalogue.UNMET_NEED_INDEX);
        if (!indexDefs.isEmpty()) {
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
                if (k.indicator() == null) {
                    values.put(k.name(), imdByArea);
                    continue;
                }
                String latest =
                        latestPeriod(groups, catalogue.get(k.indicator()).id());
                if (indexPeriod == null) {
                    indexPeriod = latest;
                }
                Map<String, Double> v = new LinkedHashMap<>();
                if (latest != null) {
                    groups.get(key(k.indicator(), latest)).forEach((code, c) -> v.put(code, c.published()));
                }
                values.put(k.name(), v);
            }
            if (indexPeriod != null) {
                List<String> codes =
                        geography.areas().stream().map(Geography.Area::code).toList();
                index = UnmetNeedIndex.compute(cfg.indexComponents(), values, codes, geography.londonCode());
                for (IndicatorDefinition def : indexDefs) {
                    Double londonIndex = index.stream()
                            .filter(e -> e.areaCode().equals(geography.londonCode()))
                            .findFirst()
                            .map(UnmetNeedIndex.Entry::index)
                            .orElse(null);
                    for (UnmetNeedIndex.Entry e : index) {
                        Geography.Area a = areaByCode.get(e.areaCode());
                        rows.add(identity(def, indexPeriod, a)
                                .set("value", e.index())
                                .set("london_value", londonIndex)
                                .set("significance", NOT_COMPARED)
                                .set("significance_998", NOT_COMPARED)
                                .set("suppressed", false)
                                .set("note", e.note()));
                    }
                }
            }
        }

        rows = rank(rows);
        rows = trend(rows);
        rows.sort(order());
        return new Result(List.copyOf(rows), index, indexPeriod);
    }

    private void statistics(Cell c) {
        IndicatorDefinition d = c.def;
        if (c.numerator == null || c.denominator == null || !(c.denominator > 0)) {
            return;
        }
        c.value = c.numerator / c.denominator * d.multiplier();
        if (!d.hasCi()) {
            return;
        }
        long o = count(c.numerator, d);
        if (d.ci() == IndicatorDefinition.CiMethod.WILSON) {
            long n = count(c.denominator, d);
            if (o > n) {
                throw new IllegalStateException("indicator " + d.id() + ": numerator " + o + " exceeds denominator " + n
                        + " in " + c.area.code() + " " + c.period
                        + "; its numerator must select a subset of its denominator");
            }
            c.ci95 = scale(ConfidenceIntervals.wilson(o, n, ConfidenceLevel.P95), d.multiplier());
            c.ci998 = scale(ConfidenceIntervals.wilson(o, n, ConfidenceLevel.P998), d.multiplier());
        } else {
            c.ci95 = ConfidenceIntervals.rate(o, c.denominator, d.multiplier(), ConfidenceLevel.P95);
            c.ci998 = ConfidenceIntervals.rate(o, c.denominator, d.multiplier(), ConfidenceLevel.P998);
        }
    }

    private void notes(Cell c, Measure m) {
        IndicatorDefinition d = c.def;
        if (d.disclosure() && (cfg.disclosive(c.numerator) || cfg.disclosive(c.denominator))) {
            c.primary = true;
        }
        if (m.excluded() > 0) {
            c.notes.add(
                    d.input("excluded-note", "{n} input row(s) left out").replace("{n}", Long.toString(m.excluded())));
        }
        if (Denominators.LIVING_WITH_CANCER.equals(d.input("denominator", ""))) {
            long left = denominators.cellsLeftOut().getOrDefault(c.area.code(), 0L);
            if (left > 0) {
                c.notes.add(left
                        + " cancer register cell(s) without an agreed count left out of people living with cancer");
            }
        }
        if (c.value == null) {
            if (c.denominator != null) {
                c.notes.add("no value: the denominator is 0");
            } else if (Denominators.LIVING_WITH_CANCER.equals(d.input("denominator", ""))) {
                c.notes.add("no value: people living with cancer are not known for every borough of the area");
            } else {
                c.notes.add("no value: the denominator is not known");
            }
        }
    }

    private static final StructType CELLS = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("area_level", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("parent_code", DataTypes.StringType, false)
            .add("numerator", DataTypes.DoubleType, true)
            .add("denominator", DataTypes.DoubleType, true)
            .add("parent_published", DataTypes.BooleanType, false)
            .add("withheld", DataTypes.BooleanType, false);

    /**
     * METHODS.md: where one suppressed area could be recovered from its parent's published total and
     * its siblings, the next smallest sibling (numerator, then denominator, then area code) is
     * suppressed too; bottom up, boroughs, STPs, then alliances ({@link SecondarySuppression}). A parent
     * is published when its own counts are not small: a parent's secondary suppression is decided at
     * its own level, after its children's.
     */
    private void secondarySuppression(Map<String, Map<String, Cell>> groups) {
        List<Row> cells = new ArrayList<>();
        Map<String, Cell> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Cell>> g : groups.entrySet()) {
            if (!g.getValue().values().iterator().next().def.disclosure()) {
                continue;
            }
            for (Cell c : g.getValue().values()) {
                if (c.area.parentCode() == null) {
                    continue;
                }
                Cell parent = g.getValue().get(c.area.parentCode());
                cells.add(RowFactory.create(
                        g.getKey(),
                        c.area.level(),
                        c.area.code(),
                        c.area.parentCode(),
                        c.numerator,
                        c.denominator,
                        parent != null && !parent.primary,
                        c.primary));
                byKey.put(g.getKey() + "\u0000" + c.area.code(), c);
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        List<SecondarySuppression.Siblings> levels = new ArrayList<>();
        for (String level : List.of(Geography.BOROUGH, Geography.STP, Geography.ALLIANCE)) {
            levels.add(new SecondarySuppression.Siblings(
                    List.of("key", "parent_code"),
                    col("area_level").equalTo(level).and(col("parent_published"))));
        }
        SecondarySuppression.NextSmallest next = new SecondarySuppression.NextSmallest(
                struct(
                        coalesce(col("numerator"), lit(Double.MAX_VALUE)),
                        coalesce(col("denominator"), lit(Double.MAX_VALUE)),
                        col("area_code")),
                lit(true));
        List<Row> withheld = SecondarySuppression.apply(
                        spark.createDataFrame(cells, CELLS),
                        List.of(new SecondarySuppression.Protected("withheld", next)),
                        levels)
                .filter(col("withheld"))
                .select("key", "area_code")
                .collectAsList();
        for (Row r : withheld) {
            Cell c = byKey.get(r.getString(0) + "\u0000" + r.getString(1));
            if (!c.primary) {
                c.secondary = true;
            }
        }
    }

    private BenchmarkRow row(Cell c, Double londonValue) {
        IndicatorDefinition d = c.def;
        List<String> notes = new ArrayList<>(c.notes);
        boolean london = c.area.level().equals(Geography.LONDON);
        if (c.suppressed()) {
            notes.clear();
            notes.add(
                    c.primary
                            ? "suppressed: a count of " + cfg.disclosureMin() + "–" + cfg.disclosureMax()
                                    + " (disclosure control)"
                            : "suppressed: protects a small count in a neighbouring area (disclosure control)");
            return identity(d, c.period, c.area)
                    .set("london_value", londonValue)
                    .set("significance", NOT_COMPARED)
                    .set("significance_998", NOT_COMPARED)
                    .set("suppressed", true)
                    .set("note", String.join("; ", notes));
        }
        String sig95 = NOT_COMPARED;
        String sig998 = NOT_COMPARED;
        if (d.hasCi() && !london && c.ci95 != null) {
            sig95 = Comparison.compare(c.ci95.lower(), c.ci95.upper(), londonValue, d.polarity());
            sig998 = Comparison.compare(c.ci998.lower(), c.ci998.upper(), londonValue, d.polarity());
        }
        return identity(d, c.period, c.area)
                .set("numerator", c.numerator)
                .set("denominator", c.denominator)
                .set("value", c.value)
                .set("lower_ci95", lower(c.ci95))
                .set("upper_ci95", upper(c.ci95))
                .set("lower_ci998", lower(c.ci998))
                .set("upper_ci998", upper(c.ci998))
                .set("london_value", londonValue)
                .set("significance", sig95)
                .set("significance_998", sig998)
                .set("suppressed", false)
                .set("note", notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** A row naming its indicator, period and area; every other column is null until set. */
    private BenchmarkRow identity(IndicatorDefinition d, String period, Geography.Area area) {
        return new BenchmarkRow(benchmarks)
                .set("indicator_id", d.id())
                .set("period", period)
                .set("area_level", area.level())
                .set("area_code", area.code())
                .set("area_name", area.name());
    }

    /** Rank and quintile among the areas of one level, indicator and period. */
    private List<BenchmarkRow> rank(List<BenchmarkRow> rows) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkRow r = rows.get(i);
            groups.computeIfAbsent(r.indicatorId() + "|" + r.period() + "|" + r.areaLevel(), k -> new ArrayList<>())
                    .add(i);
        }
        List<BenchmarkRow> out = new ArrayList<>(rows);
        for (List<Integer> idx : groups.values()) {
            idx.sort(Comparator.comparing(i -> rows.get(i).areaCode()));
            IndicatorDefinition d = catalogue.get(rows.get(idx.get(0)).indicatorId());
            Double[] values = idx.stream().map(i -> rows.get(i).value()).toArray(Double[]::new);
            Integer[] ranks = Ranking.rank(values, d.polarity());
            Integer[] quintiles = Ranking.quintile(values, d.polarity());
            for (int k = 0; k < idx.size(); k++) {
                out.set(idx.get(k), rows.get(idx.get(k)).set("rank", ranks[k]).set("quintile", quintiles[k]));
            }
        }
        return out;
    }

    /** Previous value: the same indicator and area in the period before (period labels sort in time order). */
    private static List<BenchmarkRow> trend(List<BenchmarkRow> rows) {
        Map<String, TreeMap<String, Integer>> byArea = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkRow r = rows.get(i);
            byArea.computeIfAbsent(r.indicatorId() + "|" + r.areaLevel() + "|" + r.areaCode(), k -> new TreeMap<>())
                    .put(r.period(), i);
        }
        List<BenchmarkRow> out = new ArrayList<>(rows);
        for (TreeMap<String, Integer> periods : byArea.values()) {
            Integer previous = null;
            for (Integer i : periods.values()) {
                BenchmarkRow r = rows.get(i);
                Double prev = previous == null ? null : rows.get(previous).value();
                out.set(i, out.get(i).set("previous_value", prev).set("trend", Trend.trend(r.value(), prev)));
                previous = i;
            }
        }
        return out;
    }

    private Comparator<BenchmarkRow> order() {
        return Comparator.comparingInt((BenchmarkRow r) -> catalogue.position(r.indicatorId()))
                .thenComparing(BenchmarkRow::period)
                .thenComparingInt(r -> Geography.LEVELS.indexOf(r.areaLevel()))
                .thenComparing(BenchmarkRow::areaCode);
    }

    private static String latestPeriod(Map<String, Map<String, Cell>> groups, String indicatorId) {
        String latest = null;
        for (Map<String, Cell> g : groups.values()) {
            Cell any = g.values().iterator().next();
            if (any.def.id().equals(indicatorId) && (latest == null || any.period.compareTo(latest) > 0)) {
                latest = any.period;
            }
        }
        return latest;
    }

    private static String key(String indicatorId, String period) {
        return indicatorId + "\u0000" + period;
    }

    /** The counts behind a count-based interval are whole; anything else is a catalogue mistake. */
    private static long count(double v, IndicatorDefinition d) {
        long r = Math.round(v);
        if (Math.abs(v - r) > 1e-9) {
            throw new IllegalStateException("indicator " + d.id() + ": " + v
                    + " is not a whole count, so it cannot have a " + d.ci() + " interval");
        }
        return r;
    }

    private static Interval scale(Interval i, double m) {
        return new Interval(i.lower() * m, i.upper() * m);
    }

    private static Double lower(Interval i) {
        return i == null ? null : i.lower();
    }

    private static Double upper(Interval i) {
        return i == null ? null : i.upper();
    }
}
