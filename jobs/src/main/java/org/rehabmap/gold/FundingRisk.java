package org.rehabmap.gold;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The one definition of a service's funding state (METHODS.md, services_at_risk_pct), used by
 * gold.benchmarks (through the catalogue's {@code {at_risk}} placeholder), gold.service_map,
 * gold.service_directory and gold.asset_map. Each return is judged against the end of its own return
 * period, not the run's as-of date, so an earlier period's figure does not move when the run date does
 * and the trend compares like with like. Funding that ended on or before the period's end is
 * {@code funding_ended}, not at risk.
 *
 * <p>SQL text, not only a Column, because the catalogue's expressions are SQL (conf/indicators.conf).
 * The frame must carry {@code return_period} (YYYY-Qn, checked by the provider_returns contract) and
 * {@code funding_end_date}.
 */
public final class FundingRisk {
    public static final String AT_RISK = "at_risk";
    public static final String FUNDING_ENDED = "funding_ended";
    public static final String FUNDED = "funded";
    public static final String RECURRENT = "recurrent";

    /** The last day of the row's return period (calendar quarter). */
    static final String PERIOD_END =
            "last_day(make_date(int(substr(return_period, 1, 4)), int(substr(return_period, 7, 1)) * 3, 1))";

    private FundingRisk() {}

    /** Funding ends after the period's end and within {@code days} of it. */
    public static String atRiskSql(int days) {
        return "(funding_end_date IS NOT NULL AND funding_end_date > " + PERIOD_END
                + " AND funding_end_date <= date_add(" + PERIOD_END + ", " + days + "))";
    }

    /** Funding ended on or before the period's end. */
    public static String endedSql() {
        return "(funding_end_date IS NOT NULL AND funding_end_date <= " + PERIOD_END + ")";
    }

    public static Column atRisk(CurateConfig cfg) {
        return expr(atRiskSql(cfg.fundingRiskDays()));
    }

    public static Column ended() {
        return expr(endedSql());
    }

    /** recurrent (no end date), funding_ended, at_risk or funded (ends beyond the window). */
    public static Column state(CurateConfig cfg) {
        return when(expr("funding_end_date IS NULL"), lit(RECURRENT))
                .when(ended(), lit(FUNDING_ENDED))
                .when(atRisk(cfg), lit(AT_RISK))
                .otherwise(lit(FUNDED));
    }
}
