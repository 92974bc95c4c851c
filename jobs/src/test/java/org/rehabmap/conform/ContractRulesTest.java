package org.rehabmap.conform;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.config.PseudonymKey;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.CustomRule;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.contracts.ValueRule;
import org.rehabmap.ingest.BronzeRowBuilder;
import org.rehabmap.ingest.ParsedTable;
import org.rehabmap.ingest.Pseudonymiser;
import org.rehabmap.rules.RuleBook;
import org.rehabmap.testing.SharedSpark;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every rule of every landing contract, broken on purpose, one row per rule: each bad row must
 * be caught by exactly the rule it was built to break, and the valid row by none. A rule added
 * to a contract without a case here fails {@link #everyContractRuleHasACase()}.
 */
@ExtendWith(SharedSpark.class)
public class ContractRulesTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static Map<String, Contract> contracts;
    static ReferenceData reference;
    static final Set<String> exercised = new HashSet<>();

    public static final Map<String, Map<String, String>> VALID = Map.of(
            "provider_returns",
                    row(
                            "return_period",
                            "2025-Q1",
                            "provider_code",
                            "rxx01",
                            "provider_name",
                            "Trust",
                            "provider_type",
                            "Acute_Trust",
                            "service_id",
                            "S1",
                            "service_name",
                            "Rehab",
                            "setting",
                            "community",
                            "borough_codes",
                            "e09000001; E09000002",
                            "tumour_groups",
                            "breast;lung",
                            "pathway_stages",
                            "restorative",
                            "rehab_level",
                            "3",
                            "referral_routes",
                            "gp;cns",
                            "funding_source",
                            "nhs_block",
                            "funding_end_date",
                            "31/03/2026",
                            "referrals_received",
                            "10",
                            "patients_seen",
                            "8",
                            "median_wait_days",
                            "14"),
            "workforce_survey",
                    row(
                            "survey_date",
                            "2025-03-31",
                            "provider_code",
                            "RXX01",
                            "service_id",
                            "S1",
                            "borough_codes",
                            "E09000001",
                            "profession",
                            "dietitian",
                            "afc_band",
                            "8A",
                            "cancer_specialist",
                            "Yes",
                            "wte_funded",
                            "1.5",
                            "wte_in_post",
                            "1",
                            "cancer_caseload_pct",
                            "50"),
            "hna_concerns",
                    row(
                            "assessment_id",
                            "A1",
                            "nhs_number",
                            "943 476 5919",
                            "assessment_date",
                            "2025-01-15",
                            "provider_code",
                            "rxx01",
                            "residence_borough_code",
                            "E09000001",
                            "age_band",
                            "60-69",
                            "sex",
                            "female",
                            "tumour_group",
                            "breast",
                            "pathway_point",
                            "treatment",
                            "concern_code",
                            "fatigue",
                            "concern_score",
                            "7",
                            "action",
                            "referred",
                            "referred_to",
                            "physiotherapist"),
            "comorbidity",
                    row(
                            "extract_date",
                            "2025-03-31",
                            "borough_code",
                            "E09000001",
                            "condition_code",
                            "hyp",
                            "sex",
                            "male",
                            "age_band",
                            "80+",
                            "cancer_register_count",
                            "100",
                            "with_condition_count",
                            "40"));

    @BeforeAll
    static void load() {
        contracts = Contracts.load(Settings.home().resolve("data-contracts")).sources();
        reference = new ReferenceData(Settings.home().resolve("data/reference"));
    }

    public record Case(String expectedRule, Map<String, String> values, int extraCells) {}

    static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** One broken row per rule the contract declares, built from the kind of rule. */
    public static List<Case> casesFor(Contract c) {
        Map<String, String> base = VALID.get(c.name());
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(null, base, 0));
        cases.add(new Case(c.rowShapeRuleId(), base, 1));
        for (ColumnSpec col : c.columns()) {
            if (col.required()) {
                cases.add(new Case(c.derivedRuleId(col.name(), "REQUIRED"), with(base, col.name(), " "), 0));
            }
            String bad = switch (col.logicalType()) {
                case "integer" -> "1.5";
                case "number" -> "1,5";
                case "boolean" -> "maybe";
                case "date" -> "2025-02-30";
                default -> null;
            };
            if (bad != null) {
                cases.add(new Case(c.derivedRuleId(col.name(), "TYPE"), with(base, col.name(), bad), 0));
            }
            if (col.pattern() != null) {
                cases.add(new Case(c.derivedRuleId(col.name(), "PATTERN"), with(base, col.name(), "R_1"), 0));
                cases.add(new Case(c.derivedRuleId(col.name(), "PATTERN"), with(base, col.name(), "R$1"), 0));
            }
            if (col.maximum() != null) {
                cases.add(new Case(
                        c.derivedRuleId(col.name(), "RANGE"), with(base, col.name(), num(col.maximum() + 1)), 0));
            }
            if (col.minimum() != null) {
                cases.add(new Case(
                        c.derivedRuleId(col.name(), "RANGE"), with(base, col.name(), num(col.minimum() - 1)), 0));
            }
            for (CustomRule r : c.customRules()) {
                if ("nhsNumberModulus11".equals(r.implementation())
                        && col.name().equals(r.column())) {
                    cases.add(new Case(r.id(), with(base, col.name(), "9434765918"), 0));
                    cases.add(new Case(r.id(), with(base, col.name(), "94347659"), 0));
                }
            }
            for (ValueRule v : col.valueRules()) {
                if (col.unknownValue() == null) {
                    String value = col.isList() ? base.get(col.name()) + ";zz_not_valid" : "zz_not_valid";
                    cases.add(new Case(v.id(), with(base, col.name(), value), 0));
                }
            }
        }
        switch (c.name()) {
            case "hna_concerns" -> {
                cases.add(new Case("HNA_REFERRED_TO_REQUIRED", with(base, "referred_to", ""), 0));
                cases.add(new Case(
                        "HNA_ASSESSMENT_DATE_NOT_FUTURE",
                        with(base, "assessment_date", AS_OF.plusDays(1).toString()),
                        0));
                cases.add(new Case(null, with(with(base, "action", "no_action"), "referred_to", ""), 0));
                cases.add(new Case(null, with(base, "assessment_date", AS_OF.toString()), 0));
                cases.add(new Case(null, with(base, "assessment_date", "15/01/2025"), 0));
            }
            case "comorbidity" -> {
                cases.add(new Case("COMORB_WITH_LE_REGISTER", with(base, "with_condition_count", "101"), 0));
                cases.add(new Case(null, with(base, "with_condition_count", "<5"), 0));
                cases.add(new Case(null, with(base, "cancer_register_count", "c"), 0));
            }
            default -> {}
        }
        return cases;
    }

    public static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(k, v);
        return m;
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static Dataset<Row> validate(Contract c, List<Case> cases) {
        List<String> header = new ArrayList<>(VALID.get(c.name()).keySet());
        List<ParsedTable.ParsedRow> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case k = cases.get(i);
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(k.values().get(h));
            }
            for (int e = 0; e < k.extraCells(); e++) {
                cells.add("spill");
            }
            rows.add(new ParsedTable.ParsedRow(i + 2, cells.toArray(new String[0])));
        }
        BronzeRowBuilder b = new BronzeRowBuilder(
                c, new Pseudonymiser(new PseudonymKey("test-key-0123456789".getBytes(StandardCharsets.UTF_8), true)));
        List<Row> bronze =
                b.build(new ParsedTable(header, rows, "csv", true), header, "run", "f.csv", "sha", 1, new Timestamp(0));
        return ValidatedRows.validate(
                SharedSpark.session().createDataFrame(bronze, BronzeSchema.forContract(c)),
                c,
                RuleBook.of(c, reference, AS_OF));
    }

    void check(String source) {
        Contract c = contracts.get(source);
        List<Case> cases = casesFor(c);
        List<Row> out = validate(c, cases).orderBy(BronzeSchema.ROW_NUMBER).collectAsList();
        assertEquals(cases.size(), out.size());
        for (int i = 0; i < cases.size(); i++) {
            List<String> ids = new ArrayList<>();
            for (Row f : out.get(i).<Row>getList(out.get(i).fieldIndex(ValidatedRows.FAILURES))) {
                ids.add(f.getString(0));
            }
            Case k = cases.get(i);
            if (k.expectedRule() == null) {
                assertEquals(List.of(), ids, "case " + i + " of " + source + " should pass: " + k.values());
            } else {
                // a value can break a second rule too (a negative register count is also below its with-condition
                // count);
                // the rule it was built to break must be the one reported first
                assertFalse(ids.isEmpty(), "case " + i + " of " + source + " passed: " + k.values());
                assertEquals(
                        k.expectedRule(),
                        ids.get(0),
                        "case " + i + " of " + source + ": " + k.values() + " gave " + ids);
                exercised.add(k.expectedRule());
            }
        }
    }

    @Test
    void providerReturns() {
        check("provider_returns");
        Row ok = validate(contracts.get("provider_returns"), List.of(new Case(null, VALID.get("provider_returns"), 0)))
                .first();
        assertEquals("RXX01", ok.getAs("provider_code"), "codes upper-cased");
        assertEquals("acute_trust", ok.getAs("provider_type"), "enumerations lower-cased");
        assertEquals(
                List.of("E09000001", "E09000002"),
                ok.getList(ok.fieldIndex("borough_codes")),
                "list items trimmed and upper-cased");
        assertEquals(java.sql.Date.valueOf("2026-03-31"), ok.getAs("funding_end_date"), "UK dates accepted");
    }

    @Test
    void workforceSurvey() {
        check("workforce_survey");
        Row ok = validate(contracts.get("workforce_survey"), List.of(new Case(null, VALID.get("workforce_survey"), 0)))
                .first();
        assertEquals(Boolean.TRUE, ok.getAs("cancer_specialist"));
        assertEquals("8a", ok.getAs("afc_band"));
        assertEquals(1.5, (Double) ok.getAs("wte_funded"), 0.0);
    }

    @Test
    void hnaConcerns() {
        check("hna_concerns");
        Contract c = contracts.get("hna_concerns");
        List<Row> rows = validate(
                        c,
                        List.of(
                                new Case(
                                        null,
                                        with(VALID.get("hna_concerns"), "residence_borough_code", "E07000241"),
                                        0),
                                new Case(null, with(VALID.get("hna_concerns"), "residence_borough_code", ""), 0)))
                .collectAsList();
        for (Row r : rows) {
            assertEquals(
                    "unknown",
                    r.getAs("residence_borough_code"),
                    "out-of-London or missing residence is kept as unknown");
            assertEquals(0, r.getList(r.fieldIndex(ValidatedRows.FAILURES)).size());
            assertEquals("2024-25", r.getAs("financial_year"));
            assertNotEquals("9434765919", r.getAs("nhs_number"));
            assertEquals(64, ((String) r.getAs("nhs_number")).length());
        }
        exercised.add("HNA_RESIDENCE_BOROUGH_KNOWN");
    }

    @Test
    void comorbidity() {
        check("comorbidity");
        Contract c = contracts.get("comorbidity");
        Map<String, String> base = VALID.get("comorbidity");
        List<Row> rows = validate(
                        c,
                        List.of(
                                new Case(null, base, 0),
                                new Case(
                                        null,
                                        with(with(base, "condition_code", "COPD"), "cancer_register_count", "101"),
                                        0),
                                new Case(null, with(with(base, "age_band", "70-79"), "with_condition_count", "*"), 0)))
                .orderBy(BronzeSchema.ROW_NUMBER)
                .collectAsList();
        for (int i = 0; i < 2; i++) {
            Row f = rows.get(i)
                    .<Row>getList(rows.get(i).fieldIndex(ValidatedRows.FAILURES))
                    .get(0);
            assertEquals("COMORB_DENOMINATOR_MISMATCH", f.getString(0), "both rows of the disagreeing cell");
        }
        assertEquals(
                0,
                rows.get(2)
                        .getList(rows.get(2).fieldIndex(ValidatedRows.FAILURES))
                        .size(),
                "another cell is untouched");
        assertEquals(Boolean.TRUE, rows.get(2).getAs("with_condition_count_suppressed"));
        assertNull(rows.get(2).getAs("with_condition_count"));
        exercised.add("COMORB_DENOMINATOR_MISMATCH");
    }

    @Test
    void providerCodeIsAnOdsCodeInEverySourceThatCarriesOne() {
        int sources = 0;
        for (Contract c : contracts.values()) {
            var code = c.column("provider_code");
            if (code.isPresent()) {
                sources++;
                assertEquals("^[A-Z0-9]{3,6}$", code.get().pattern(), c.name());
                Row r = validate(c, List.of(new Case(null, with(VALID.get(c.name()), "provider_code", "R$1"), 0)))
                        .first();
                assertEquals(
                        c.derivedRuleId("provider_code", "PATTERN"),
                        r.<Row>getList(r.fieldIndex(ValidatedRows.FAILURES))
                                .get(0)
                                .getString(0),
                        c.name());
            }
        }
        assertEquals(3, sources, "provider returns, workforce survey and HNA carry a provider_code");
    }

    @Test
    void everyContractRuleHasACase() {
        providerReturns();
        workforceSurvey();
        hnaConcerns();
        comorbidity();
        Set<String> all = new HashSet<>();
        for (Contract c : contracts.values()) {
            all.addAll(c.allRuleIds());
        }
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(exercised);
        assertEquals(Set.of(), missing, "rules without a test case");
    }
}
