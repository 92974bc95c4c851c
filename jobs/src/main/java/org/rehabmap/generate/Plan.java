package org.rehabmap.generate;

/**
 * How much to generate. Scale 1 ≈ London for one year (INPUTS.md): ~150 providers, ~600
 * services, ~6,000 workforce rows, ~120,000 assessments (~1,000,000 concern rows). Providers
 * (and with them services and workforce rows) and assessments grow linearly with the scale,
 * at least 1 each.
 *
 * <p>The comorbidity extract is one supplier extract per borough, so its counts are never
 * scaled and it always covers all 33 boroughs (4,620 rows).
 *
 * @param providers          number of providers (each runs 1–12 services)
 * @param assessments        number of HNA assessments in the year
 * @param comorbidityBoroughs boroughs in the comorbidity extract (1–33)
 * @param badRowRate         share of rows deliberately broken (INPUTS.md rule kinds)
 * @param badRowsPerRow      besides the rate, at least one bad row per this many rows, up to one of each
 *                           rule kind, so small outputs still show every kind (0 = off)
 * @param badFile            also write one file that breaks the file contract (a missing column)
 * @param label              how the plan is described in the summary
 */
public record Plan(
        int providers,
        int assessments,
        int comorbidityBoroughs,
        double badRowRate,
        int badRowsPerRow,
        boolean badFile,
        String label) {
    public static final int LONDON_PROVIDERS = 150;
    public static final int LONDON_ASSESSMENTS = 120_000;
    public static final int BOROUGHS = 33;

    public Plan {
        if (providers < 1 || assessments < 1) {
            throw new IllegalArgumentException("a plan needs at least one provider and one assessment");
        }
        if (comorbidityBoroughs < 1 || comorbidityBoroughs > BOROUGHS) {
            throw new IllegalArgumentException("comorbidity boroughs must be 1–33");
        }
        if (badRowRate < 0 || badRowRate > 0.05) {
            throw new IllegalArgumentException("bad row rate must be 0–5%");
        }
    }

    public static Plan forScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        int providers = (int) Math.max(1, Math.round(LONDON_PROVIDERS * scale));
        int assessments = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 16, Math.round(LONDON_ASSESSMENTS * scale)));
        // every borough at every scale: without its register counts a borough has no people living
        // with cancer, and every per-capita indicator of it would be empty
        return new Plan(providers, assessments, BOROUGHS, 0.003, 80, false, "scale " + scale);
    }

    /**
     * The committed sample (data/sample/landing): a few hundred rows per source, one of several
     * rule kinds broken per source, and one bad file.
     */
    public static Plan sample() {
        return new Plan(12, 150, BOROUGHS, 0.003, 80, true, "sample");
    }
}
