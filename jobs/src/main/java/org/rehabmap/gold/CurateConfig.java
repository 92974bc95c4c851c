package org.rehabmap.gold;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The curate job's settings besides the indicator catalogue, read once per run so every table
 * of one run uses the same thresholds.
 *
 * @param concernProfessions profession → concern codes it meets (a concern may be under several)
 */
public record CurateConfig(
        int highDistressScore,
        int fundingRiskDays,
        Apportionment.Method apportion,
        String londonCode,
        String londonName,
        List<IndexComponent> indexComponents,
        Map<String, List<String>> concernProfessions,
        List<String> pathwayStages,
        List<String> tumourGroups,
        List<String> settings,
        double singleHandedMaxWte,
        Map<String, String> conditionLabels,
        String cancerCaseloadShare,
        int disclosureMin,
        int disclosureMax,
        LocalDate asOf) {

    /**
     * One component of the unmet-need index.
     *
     * @param indicator the benchmark indicator whose latest value is the component, or null
     * @param source    a non-indicator source (imd_average_score), or null
     * @param invert    Cᵢ(A) = value(London) / value(A) (scarcity)
     */
    public record IndexComponent(String name, String indicator, String source, boolean invert, double weight) {}

    public static final String IMD_SOURCE = "imd_average_score";

    public static CurateConfig from(Settings s, LocalDate asOf) {
        try {
            Config c = s.section("curate");
            List<IndexComponent> comps = new ArrayList<>();
            for (Config k : c.getConfigList("unmet-need-index.components")) {
                String name = k.getString("name");
                String ind = k.hasPath("indicator") ? k.getString("indicator") : null;
                String src = k.hasPath("source") ? k.getString("source") : null;
                if ((ind == null) == (src == null)) {
                    throw new ConfigError("configuration error: unmet-need-index component " + name
                            + " needs exactly one of indicator or source");
                }
                if (src != null && !IMD_SOURCE.equals(src)) {
                    throw new ConfigError("configuration error: unmet-need-index component " + name
                            + ": unknown source '" + src + "' (imd_average_score)");
                }
                double w = k.getDouble("weight");
                if (!(w >= 0)) {
                    throw new ConfigError(
                            "configuration error: unmet-need-index component " + name + ": weight must be >= 0");
                }
                comps.add(new IndexComponent(name, ind, src, k.hasPath("invert") && k.getBoolean("invert"), w));
            }
            Map<String, List<String>> cp = new TreeMap<>();
            Config m = c.getConfig("concern-professions");
            for (String prof : m.root().keySet()) {
                cp.put(prof, List.copyOf(m.getStringList(prof)));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Config l = c.getConfig("condition-labels");
            for (String code : new java.util.TreeSet<>(l.root().keySet())) {
                labels.put(code, l.getString(code));
            }
            int hd = s.getInt("thresholds.high-distress-score");
            int days = s.getInt("thresholds.funding-risk-days");
            if (days < 0) {
                throw new ConfigError(
                        "configuration error: rehabmap.thresholds.funding-risk-days must be >= 0, got " + days);
            }
            int dmin = s.getInt("disclosure.min");
            int dmax = s.getInt("disclosure.max");
            if (dmin < 1 || dmax < dmin) {
                throw new ConfigError("configuration error: rehabmap.disclosure needs 1 <= min <= max");
            }
            return new CurateConfig(
                    hd,
                    days,
                    Apportionment.Method.fromConfig(s.getString("geography.apportion")),
                    s.getString("geography.london-code"),
                    s.getString("geography.london-name"),
                    List.copyOf(comps),
                    cp,
                    List.copyOf(c.getStringList("pathway-stages")),
                    List.copyOf(c.getStringList("tumour-groups")),
                    List.copyOf(c.getStringList("settings")),
                    c.getDouble("single-handed-max-wte"),
                    labels,
                    c.getString("cancer-caseload-share"),
                    dmin,
                    dmax,
                    asOf);
        } catch (ConfigException e) {
            throw new ConfigError("configuration error: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
    }

    /**
     * Fills {high_distress_score}, {funding_risk_days}, {as_of}, and {at_risk} / {funding_ended} (a service's
     * funding state against its own return period's end, {@link FundingRisk}) in a catalogue expression.
     */
    public String expand(String expression) {
        return expression
                .replace("{at_risk}", FundingRisk.atRiskSql(fundingRiskDays))
                .replace("{funding_ended}", FundingRisk.endedSql())
                .replace("{high_distress_score}", Integer.toString(highDistressScore))
                .replace("{funding_risk_days}", Integer.toString(fundingRiskDays))
                .replace("{as_of}", asOf.toString());
    }

    /** Whether a published count must be suppressed (counts min..max; 0 is shown). */
    public boolean disclosive(Double count) {
        return count != null && count >= disclosureMin && count <= disclosureMax;
    }
}
