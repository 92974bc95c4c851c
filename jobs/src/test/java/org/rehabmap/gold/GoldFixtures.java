package org.rehabmap.gold;

import org.rehabmap.config.Settings;
import org.rehabmap.testing.SharedSpark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny London for hand calculations: six boroughs in two STPs of one alliance.
 * <pre>
 *   E09000001 Aville  10,000   STP E54000001 North   alliance E56000001 One
 *   E09000002 Btown   20,000   STP E54000001 North
 *   E09000003 Cford   30,000   STP E54000001 North
 *   E09000004 Dham    40,000   STP E54000002 South
 *   E09000005 Eton    50,000   STP E54000002 South
 *   E09000006 Fley    50,000   STP E54000002 South   London (E12000007) 200,000
 * </pre>
 */
public final class GoldFixtures {
    public static final String A = "E09000001";
    public static final String B = "E09000002";
    public static final String C = "E09000003";
    public static final String D = "E09000004";
    public static final String E = "E09000005";
    public static final String F = "E09000006";
    public static final String NORTH = "E54000001";
    public static final String SOUTH = "E54000002";
    public static final String ALLIANCE = "E56000001";
    public static final String LONDON = "E12000007";

    private GoldFixtures() {}

    public static Map<String, String[]> boroughs() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put(A, new String[] {"Aville", NORTH, "North", ALLIANCE, "One"});
        m.put(B, new String[] {"Btown", NORTH, "North", ALLIANCE, "One"});
        m.put(C, new String[] {"Cford", NORTH, "North", ALLIANCE, "One"});
        m.put(D, new String[] {"Dham", SOUTH, "South", ALLIANCE, "One"});
        m.put(E, new String[] {"Eton", SOUTH, "South", ALLIANCE, "One"});
        m.put(F, new String[] {"Fley", SOUTH, "South", ALLIANCE, "One"});
        return m;
    }

    public static Map<String, Long> population() {
        return Map.of(A, 10_000L, B, 20_000L, C, 30_000L, D, 40_000L, E, 50_000L, F, 50_000L);
    }

    public static Geography geography() {
        return new Geography(boroughs(), population(), LONDON, "London");
    }

    public static Settings settings() {
        Path ws = Path.of(System.getProperty("java.io.tmpdir"), "rehabmap-curate-fixture");
        return SharedSpark.settings(ws.resolve("lake"), ws.resolve("landing"));
    }

    public static CurateConfig config(LocalDate asOf) {
        return CurateConfig.from(settings(), asOf);
    }

    /** The same configuration with other unmet-need index components. */
    public static CurateConfig withComponents(CurateConfig c, List<CurateConfig.IndexComponent> components) {
        return new CurateConfig(
                c.highDistressScore(),
                c.fundingRiskDays(),
                c.apportion(),
                c.londonCode(),
                c.londonName(),
                components,
                c.concernProfessions(),
                c.pathwayStages(),
                c.tumourGroups(),
                c.settings(),
                c.singleHandedMaxWte(),
                c.conditionLabels(),
                c.cancerCaseloadShare(),
                c.disclosureMin(),
                c.disclosureMax(),
                c.asOf());
    }

    /** The same configuration with disclosure control off (min above max), for small hand-made numbers. */
    public static CurateConfig withoutDisclosure(CurateConfig c) {
        return new CurateConfig(
                c.highDistressScore(),
                c.fundingRiskDays(),
                c.apportion(),
                c.londonCode(),
                c.londonName(),
                c.indexComponents(),
                c.concernProfessions(),
                c.pathwayStages(),
                c.tumourGroups(),
                c.settings(),
                c.singleHandedMaxWte(),
                c.conditionLabels(),
                c.cancerCaseloadShare(),
                1,
                0,
                c.asOf());
    }
}
