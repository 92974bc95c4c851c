package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.gold.CurateConfig;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SilverInputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The peer-group value of a borough's indicator ({@code peer_value} in gold.benchmarks): the
 * indicator computed for the borough's peers taken together, the way the curate job computes any
 * area — Σ numerator ÷ Σ denominator × multiplier over the peers' raw sums (before disclosure
 * control), never a mean of the peers' values. Peers whose numerator or denominator is not known
 * are left out of both sums. For an indicator that counts people, a pooled numerator or
 * denominator of min–max (disclosure control) gives no peer value. The unmet-need index, which
 * has no numerator and denominator, is computed for the peer group as for any area: its
 * components pooled over the peers (IMD: population-weighted mean), each relative to London,
 * weighted as configured ({@link UnmetNeedIndex}).
 */
public final class PeerValues {
    private PeerValues() {}

    /** Key of one borough indicator row: indicator, period, borough. */
    public static String key(String indicatorId, String period, String borough) {
        return indicatorId + "\u0000" + period + "\u0000" + borough;
    }

    /**
     * @param measures the curate job's raw sums of every indicator × period × area
     * @param peersOf  borough → its peers
     * @return key(indicator, period, borough) → pooled peer value (absent: none)
     */
    public static Map<String, Double> pooled(
            List<Measure> measures,
            Map<String, List<String>> peersOf,
            IndicatorCatalogue catalogue,
            int disclosureMin,
            int disclosureMax) {
        Map<String, Measure> byKey = new HashMap<>();
        for (Measure m : measures) {
            byKey.put(key(m.indicatorId(), m.period(), m.areaCode()), m);
        }
        Map<String, Double> out = new TreeMap<>();
        for (Measure m : measures) {
            List<String> peers = peersOf.get(m.areaCode());
            if (peers == null || peers.isEmpty() || !catalogue.contains(m.indicatorId())) {
                continue;
            }
            IndicatorDefinition d = catalogue.get(m.indicatorId());
            double num = 0;
            double den = 0;
            int used = 0;
            for (String p : peers) {
                Measure pm = byKey.get(key(m.indicatorId(), m.period(), p));
                if (pm == null || pm.numerator() == null || pm.denominator() == null) {
                    continue;
                }
                num += pm.numerator();
                den += pm.denominator();
                used++;
            }
            if (used == 0 || !(den > 0)) {
                continue;
            }
            if (d.disclosure()
                    && (small(num, disclosureMin, disclosureMax) || small(den, disclosureMin, disclosureMax))) {
                continue;
            }
            out.put(key(m.indicatorId(), m.period(), m.areaCode()), num / den * d.multiplier());
        }
        return out;
    }

    private static boolean small(double count, int min, int max) {
        return count >= min && count <= max;
    }

    /** The column gold.benchmarks gains: the peer group's value, beside london_value. */
    public static final String COLUMN = "peer_value";

    /**
     * The benchmark rows as gold.benchmarks with {@code peer_value}: the pooled value for borough
     * rows that have one, null for every other row.
     */
    public static Dataset<Row> benchmarks(
            SparkSession spark, GoldContract benchmarks, List<BenchmarkRow> rows, Map<String, Double> peerValues) {
        List<Row> out = new ArrayList<>(rows.size());
        for (BenchmarkRow r : rows) {
            out.add(r.set(COLUMN, peerValue(r, peerValues)).toRow());
        }
        return spark.createDataFrame(out, benchmarks.sparkSchema());
    }

    private static Double peerValue(BenchmarkRow r, Map<String, Double> peerValues) {
        if (!Geography.BOROUGH.equals(r.areaLevel())) {
            return null;
        }
        return peerValues.get(key(r.indicatorId(), r.period(), r.areaCode()));
    }

    /**
     * The unmet-need index of each borough's peer group, keyed like {@link #pooled}: each
     * component pooled over the peers at the component's latest period (as the index uses), IMD
     * as the population-weighted mean of the peers' scores, London's values as published.
     *
     * @param benchmarks the assembled benchmark rows (London's published component values)
     * @param indexPeriod the period the index rows carry
     * @param imd        borough → IMD 2019 average score
     * @param londonImd  London's population-weighted IMD score
     */
    public static Map<String, Double> index(
            List<Measure> measures,
            List<BenchmarkRow> benchmarks,
            String indexPeriod,
            Map<String, List<String>> peersOf,
            IndicatorCatalogue catalogue,
            CurateConfig cfg,
            Map<String, Double> imd,
            Map<String, Long> population,
            Double londonImd) {
        Map<String, Double> out = new TreeMap<>();
        List<IndicatorDefinition> defs = catalogue.ofKind(IndicatorCatalogue.UNMET_NEED_INDEX);
        if (defs.isEmpty() || indexPeriod == null) {
            return out;
        }
        Map<String, Double> pooled = pooled(measures, peersOf, catalogue, cfg.disclosureMin(), cfg.disclosureMax());
        Map<String, String> latest = new HashMap<>();
        for (Measure m : measures) {
            latest.merge(m.indicatorId(), m.period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Map<String, Double> londonValue = new HashMap<>();
        for (BenchmarkRow r : benchmarks) {
            if (r.areaCode().equals(cfg.londonCode())) {
                londonValue.put(r.indicatorId() + "\u0000" + r.period(), r.value());
            }
        }
        String peer = "peer-group";
        for (String borough : peersOf.keySet()) {
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            for (CurateConfig.IndexComponent k : cfg.indexComponents()) {
                Map<String, Double> v = new HashMap<>();
                if (k.indicator() == null) {
                    v.put(cfg.londonCode(), londonImd);
                    v.put(peer, weightedImd(peersOf.get(borough), imd, population));
                } else {
                    String period = latest.get(k.indicator());
                    if (period != null) {
                        v.put(cfg.londonCode(), londonValue.get(k.indicator() + "\u0000" + period));
                        v.put(peer, pooled.get(key(k.indicator(), period, borough)));
                    }
                }
                values.put(k.name(), v);
            }
            UnmetNeedIndex.Entry e = UnmetNeedIndex.compute(
                            cfg.indexComponents(), values, List.of(peer, cfg.londonCode()), cfg.londonCode())
                    .get(0);
            if (e.index() != null) {
                for (IndicatorDefinition d : defs) {
                    out.put(key(d.id(), indexPeriod, borough), e.index());
                }
            }
        }
        return out;
    }

    private static Double weightedImd(List<String> peers, Map<String, Double> imd, Map<String, Long> population) {
        double num = 0;
        double den = 0;
        for (String p : peers) {
            Double s = imd.get(p);
            Long pop = population.get(p);
            if (s == null || pop == null) {
                continue;
            }
            num += s * pop;
            den += pop;
        }
        return den > 0 ? num / den : null;
    }

    /**
     * Every peer value of one curate run: pooled indicators and the peer groups' unmet-need index.
     *
     * @param imd silver.imd (la_code, imd_average_score)
     */
    public static Map<String, Double> all(
            List<Measure> measures,
            org.rehabmap.curate.BenchmarkAssembler.Result bench,
            Map<String, List<String>> peersOf,
            IndicatorCatalogue catalogue,
            CurateConfig cfg,
            Geography geo,
            Dataset<Row> imd) {
        Map<String, Double> out =
                new TreeMap<>(pooled(measures, peersOf, catalogue, cfg.disclosureMin(), cfg.disclosureMax()));
        if (peersOf.isEmpty()) {
            return out;
        }
        Map<String, Double> scores = SilverInputs.byLaCode(imd, "imd_average_score");
        Double londonImd = org.rehabmap.curate.Deprivation.byArea(geo, imd).get(geo.londonCode());
        out.putAll(index(
                measures,
                bench.rows(),
                bench.indexPeriod(),
                peersOf,
                catalogue,
                cfg,
                scores,
                geo.population(),
                londonImd));
        return out;
    }
}
