package org.rehabmap.generate;

import java.util.List;

/** The landing columns, in the order INPUTS.md lists them (the header every generated file carries). */
final class Headers {
    static final String PROVIDER_RETURNS = "provider_returns";
    static final String WORKFORCE_SURVEY = "workforce_survey";
    static final String HNA_CONCERNS = "hna_concerns";
    static final String COMORBIDITY = "comorbidity";
    /** The four source folders, in the order they are written. */
    static final List<String> SOURCES = List.of(PROVIDER_RETURNS, WORKFORCE_SURVEY, HNA_CONCERNS, COMORBIDITY);

    static final List<String> PROVIDER_RETURN_COLUMNS = List.of(
            "return_period",
            "provider_code",
            "provider_name",
            "provider_type",
            "service_id",
            "service_name",
            "setting",
            "borough_codes",
            "tumour_groups",
            "pathway_stages",
            "rehab_level",
            "referral_routes",
            "funding_source",
            "funding_end_date",
            "referrals_received",
            "patients_seen",
            "median_wait_days");
    static final List<ColumnType> PROVIDER_RETURN_TYPES = List.of(
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.INTEGER,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.DATE,
            ColumnType.INTEGER,
            ColumnType.INTEGER,
            ColumnType.INTEGER);

    static final List<String> WORKFORCE_COLUMNS = List.of(
            "survey_date",
            "provider_code",
            "service_id",
            "borough_codes",
            "profession",
            "afc_band",
            "cancer_specialist",
            "wte_funded",
            "wte_in_post",
            "cancer_caseload_pct");
    static final List<ColumnType> WORKFORCE_TYPES = List.of(
            ColumnType.DATE,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.TEXT,
            ColumnType.BOOLEAN,
            ColumnType.DECIMAL,
            ColumnType.DECIMAL,
            ColumnType.DECIMAL);

    static final List<String> HNA_COLUMNS = List.of(
            "assessment_id",
            "nhs_number",
            "assessment_date",
            "provider_code",
            "residence_borough_code",
            "age_band",
            "sex",
            "tumour_group",
            "pathway_point",
            "concern_code",
            "concern_score",
            "action",
            "referred_to");

    static final List<String> COMORBIDITY_COLUMNS = List.of(
            "extract_date",
            "borough_code",
            "condition_code",
            "sex",
            "age_band",
            "cancer_register_count",
            "with_condition_count");

    static final List<String> AGE_BANDS = List.of("18-39", "40-59", "60-69", "70-79", "80+");

    private Headers() {}

    static int col(List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }
}
