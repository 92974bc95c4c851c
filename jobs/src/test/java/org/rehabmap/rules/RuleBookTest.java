package org.rehabmap.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.Contracts;
import org.rehabmap.contracts.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A contract's rules as one book: the order failures come in, and contracts the rules cannot enforce. */
class RuleBookTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    Path dir;

    static final String HEAD = """
            apiVersion: v3.1.0
            kind: DataContract
            id: t
            name: t
            version: 1.0.0
            status: active
            customProperties:
              - {property: rulePrefix, value: T}
            schema:
              - name: t
                logicalType: object
                properties:
                  - name: day
                    logicalType: date
                    required: true
                    quality:
                      - {id: T_DAY_NOT_FUTURE, type: custom, engine: rehabmap, implementation: notAfterAsOf}
                  - name: kind
                    logicalType: string
                    required: true
                    quality:
                      - id: T_KIND_VALID
                        type: library
                        metric: invalidValues
                        arguments: {validValues: [a, b]}
                        mustBe: 0
                  - name: n
                    logicalType: integer
                    logicalTypeOptions: {minimum: 0, maximum: 10}
            """;

    Contract contract(String objectQuality) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/t.odcs.yaml"), HEAD + objectQuality);
        return Contracts.load(dir).source("t");
    }

    static List<String> ids(CheckedRow r) {
        List<String> ids = new ArrayList<>();
        r.failures().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    static TextRow row(String... cells) {
        return new TextRow(cells, new IdentifierStatus[cells.length], cells.length, cells.length);
    }

    @Test
    void failuresComeInContractOrderColumnRulesBeforeRowRules() throws IOException {
        RuleBook book = RuleBook.of(contract("""
                            quality:
                              - id: T_N_WHEN_B
                                type: custom
                                engine: rehabmap
                                implementation: requiredWhen
                                description: n is required when kind = b
                                customProperties:
                                  - {property: column, value: n}
                                  - {property: whenColumn, value: kind}
                                  - {property: equals, value: b}
                        """), new ReferenceData(dir), AS_OF);
        // the future date is declared on the first column but, reading the run's date, comes after every column's own
        // rules
        CheckedRow r = book.check(new TextRow(new String[] {"2025-07-01", "x", "11"}, null, 4, 3));
        assertEquals(List.of("T_ROW_SHAPE", "T_KIND_VALID", "T_N_RANGE", "T_DAY_NOT_FUTURE"), ids(r));
        CheckedRow b = book.check(row("2025-01-01", "B", ""));
        assertEquals(List.of("T_N_WHEN_B"), ids(b));
        assertEquals("n is required when kind = b", b.failures().get(0).reason());
        assertTrue(book.check(row("01/01/2025", "a", "3")).passes());
    }

    @Test
    void aKindTheJobsDoNotKnowStopsWhenTheRulesAreBuilt() throws IOException {
        Contract c = contract("""
                    quality:
                      - {id: T_MAGIC, type: custom, engine: rehabmap, implementation: looksRight}
                """);
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBook.of(c, new ReferenceData(dir), AS_OF));
        assertTrue(e.getMessage().contains("T_MAGIC") && e.getMessage().contains("looksRight"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aSparkSqlRuleStopsWhenTheContractIsRead() {
        ConfigError e = assertThrows(ConfigError.class, () -> contract("""
                    quality:
                      - id: T_OLD
                        type: custom
                        engine: spark-sql
                        implementation: "n <= 5"
                """));
        assertTrue(e.getMessage().contains("T_OLD") && e.getMessage().contains("spark-sql"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aRuleOnAColumnTheContractLacksStops() throws IOException {
        Contract c = contract("""
                    quality:
                      - id: T_LE
                        type: custom
                        engine: rehabmap
                        implementation: notGreaterThan
                        customProperties:
                          - {property: column, value: n}
                          - {property: limitColumn, value: m}
                """);
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBook.of(c, new ReferenceData(dir), AS_OF));
        assertTrue(e.getMessage().contains("unknown column m"), e.getMessage());
    }

    @Test
    void everyLandingContractBuildsAndDeclaresOnlyKnownKinds() {
        Contracts all = Contracts.load(Settings.home().resolve("data-contracts"));
        ReferenceData reference = new ReferenceData(Settings.home().resolve("data/reference"));
        for (Contract c : all.sources().values()) {
            RuleBook.of(c, reference, AS_OF);
            c.customRules().forEach(r -> assertTrue(RuleKinds.declaredKinds().contains(r.implementation())));
        }
    }
}
