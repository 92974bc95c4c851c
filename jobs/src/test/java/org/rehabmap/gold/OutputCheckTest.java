package org.rehabmap.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.contracts.OutputCheck;
import org.rehabmap.curate.CurateJob;
import org.rehabmap.model.WorkforceModelJob;
import org.rehabmap.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output-contract check on tiny frames: each kind of rule, and that a clean frame passes. */
@ExtendWith(SharedSpark.class)
class OutputCheckTest {
    static final String CONTRACT = """
            apiVersion: v3.1.0
            kind: DataContract
            id: test-gold-t
            name: t
            version: 1.0.0
            customProperties:
              - property: rulePrefix
                value: GOLD_T
            schema:
              - name: t
                physicalName: t
                logicalType: object
                properties:
                  - name: code
                    logicalType: string
                    physicalType: string
                    required: true
                    logicalTypeOptions: {pattern: '^E09[0-9]{6}$'}
                  - name: significance
                    logicalType: string
                    physicalType: string
                    required: true
                    quality:
                      - id: GOLD_T_SIGNIFICANCE_VALID
                        type: library
                        metric: invalidValues
                        arguments: {validValues: [better, similar, worse, not_compared]}
                        mustBe: 0
                  - name: pct
                    logicalType: number
                    physicalType: double
                    required: false
                    logicalTypeOptions: {minimum: 0, maximum: 100}
                  - name: lower
                    logicalType: number
                    physicalType: double
                    required: false
                quality:
                  - id: GOLD_T_KEY_UNIQUE
                    type: library
                    metric: duplicateValues
                    arguments: {properties: [code]}
                    mustBe: 0
                  - id: GOLD_T_LOWER_BELOW_VALUE
                    type: custom
                    engine: spark-sql
                    description: the lower limit is below the value
                    implementation: "lower IS NULL OR lower <= pct"
            """;

    static final StructType SCHEMA = new StructType()
            .add("code", DataTypes.StringType)
            .add("significance", DataTypes.StringType)
            .add("pct", DataTypes.DoubleType)
            .add("lower", DataTypes.DoubleType);

    static GoldContract contract() throws IOException {
        Path dir = SharedSpark.newWorkspace("contract");
        Files.createDirectories(dir.resolve("gold"));
        Files.writeString(dir.resolve("gold/t.odcs.yaml"), CONTRACT);
        return Contracts.load(dir).gold("gold.t");
    }

    static Dataset<Row> frame(Row... rows) {
        return SharedSpark.session().createDataFrame(List.of(rows), SCHEMA);
    }

    @Test
    void aFrameThatKeepsTheContractPasses() throws IOException {
        assertEquals(
                List.of(),
                OutputCheck.violations(
                        contract(),
                        frame(
                                RowFactory.create("E09000001", "better", 50.0, 40.0),
                                RowFactory.create("E09000002", "not_compared", null, null))));
    }

    @Test
    void everyBrokenRuleIsNamedWithItsRowCount() throws IOException {
        List<String> v = OutputCheck.violations(
                contract(),
                frame(
                        RowFactory.create("E09000001", "great", 150.0, 40.0), // enumeration, range
                        RowFactory.create("E09000001", null, -1.0, 5.0), // required, range, row rule, duplicate key
                        RowFactory.create("X1", "similar", 10.0, 1.0))); // pattern
        String all = String.join("\n", v);
        assertTrue(all.contains("GOLD_T_SIGNIFICANCE_VALID: 1 row(s)"), all);
        assertTrue(all.contains("GOLD_T_SIGNIFICANCE_REQUIRED: 1 row(s)"), all);
        assertTrue(all.contains("GOLD_T_PCT_RANGE: 1 row(s): pct > 100.0"), all);
        assertTrue(all.contains("GOLD_T_PCT_RANGE: 1 row(s): pct < 0.0"), all);
        assertTrue(all.contains("GOLD_T_CODE_PATTERN: 1 row(s)"), all);
        assertTrue(all.contains("GOLD_T_LOWER_BELOW_VALUE: 1 row(s)"), all);
        assertTrue(all.contains("GOLD_T_KEY_UNIQUE: 1 row(s): surplus row(s) repeat a key"), all);
        assertEquals(7, v.size(), all);
    }

    @Test
    void theCheckCountsTheRowsInTheSamePass() throws IOException {
        OutputCheck.Checked c = OutputCheck.check(
                contract(),
                frame(
                        RowFactory.create("E09000001", "better", 50.0, 40.0),
                        RowFactory.create("E09000002", "not_compared", null, null),
                        RowFactory.create("E09000003", "similar", 10.0, 1.0)));
        assertEquals(List.of(), c.violations());
        assertEquals(3L, c.rows());
        assertEquals(0L, OutputCheck.check(contract(), frame()).rows());
    }

    @Test
    void aKeyThreeTimesIsTwoSurplusRowsAndNullKeyPartsCount() throws IOException {
        List<String> v = OutputCheck.violations(
                contract(),
                frame(
                        RowFactory.create("E09000001", "better", 50.0, 40.0),
                        RowFactory.create("E09000001", "better", 50.0, 40.0),
                        RowFactory.create("E09000001", "better", 50.0, 40.0),
                        RowFactory.create("E09000002", "better", 50.0, 40.0)));
        assertEquals(List.of("GOLD_T_KEY_UNIQUE: 2 row(s): surplus row(s) repeat a key [code]"), v);
    }

    @Test
    void columnsMustMatchInNameTypeAndOrder() throws IOException {
        Dataset<Row> swapped = frame(RowFactory.create("E09000001", "better", 50.0, 40.0))
                .select("significance", "code", "pct", "lower");
        List<String> v = OutputCheck.violations(contract(), swapped);
        assertEquals(1, v.size());
        assertTrue(v.get(0).startsWith("GOLD_T_SCHEMA"), v.get(0));
        Dataset<Row> retyped = frame(RowFactory.create("E09000001", "better", 50.0, 40.0))
                .withColumn("pct", org.apache.spark.sql.functions.lit(1));
        assertTrue(OutputCheck.violations(contract(), retyped).get(0).contains("pct int"));
    }

    @Test
    void aRuleTheJobCannotEnforceIsAConfigurationError() {
        String bad = CONTRACT.replace("metric: invalidValues", "metric: nullValues");
        Path dir = SharedSpark.newWorkspace("badcontract");
        assertThrows(ConfigError.class, () -> {
            Files.createDirectories(dir.resolve("gold"));
            Files.writeString(dir.resolve("gold/t.odcs.yaml"), bad);
            Contracts.load(dir);
        });
    }

    @Test
    void theShippedGoldContractsParse() {
        Path contracts = SharedSpark.projectHome().resolve("data-contracts");
        Contracts all = Contracts.load(contracts);
        // the model step makes its two tables; every other gold table is curate's
        assertEquals(
                List.of(WorkforceModelJob.MODEL, WorkforceModelJob.SENSITIVITY),
                all.goldMadeBy("model").stream()
                        .map(org.rehabmap.contracts.GoldContract::table)
                        .toList());
        assertTrue(all.goldMadeBy("curate").size() >= 6);
        for (org.rehabmap.contracts.GoldContract c : all.gold().values()) {
            assertFalse(c.columnNames().isEmpty(), c.table());
            // curate-data-quality: gold.data_quality, written in the curate step by DataQualityGold
            assertTrue(
                    List.of("curate", "model", "curate-data-quality").contains(c.step()),
                    c.table() + " made by " + c.step());
        }
        // gold.benchmarks has exactly the columns METHODS.md lists, in its order, plus the peer-group value beside
        // London's (issue 4)
        assertEquals(
                List.of(
                        "indicator_id",
                        "period",
                        "area_level",
                        "area_code",
                        "area_name",
                        "numerator",
                        "denominator",
                        "value",
                        "lower_ci95",
                        "upper_ci95",
                        "lower_ci998",
                        "upper_ci998",
                        "london_value",
                        "peer_value",
                        "significance",
                        "significance_998",
                        "rank",
                        "quintile",
                        "previous_value",
                        "trend",
                        "suppressed",
                        "note"),
                Contracts.load(contracts).gold(CurateJob.BENCHMARKS).columnNames());
    }
}
