package org.rehabmap.generate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.rehabmap.ingest.ParsedTable;
import org.rehabmap.ingest.TextDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    /** The columns exactly as INPUTS.md lists them. */
    private static final Map<String, List<String>> INPUTS_MD = Map.of(
            "provider_returns",
                    List.of(
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
                            "median_wait_days"),
            "workforce_survey",
                    List.of(
                            "survey_date",
                            "provider_code",
                            "service_id",
                            "borough_codes",
                            "profession",
                            "afc_band",
                            "cancer_specialist",
                            "wte_funded",
                            "wte_in_post",
                            "cancer_caseload_pct"),
            "hna_concerns",
                    List.of(
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
                            "referred_to"),
            "comorbidity",
                    List.of(
                            "extract_date",
                            "borough_code",
                            "condition_code",
                            "sex",
                            "age_band",
                            "cancer_register_count",
                            "with_condition_count"));

    @Test
    void everyFileHasExactlyTheInputsMdHeader() {
        Landing l = Landing.sample();
        int checked = 0;
        for (String source : Headers.SOURCES) {
            assertEquals(
                    INPUTS_MD.get(source),
                    Landing.CONTRACTS.get(source).columnNames(),
                    "contract and INPUTS.md agree for " + source);
            for (Path f : l.files(source)) {
                List<String> header = Landing.read(f, source).header();
                if (f.getFileName().toString().equals(WorkforceSurveyWriter.BAD_FILE)) {
                    List<String> expected = new ArrayList<>(INPUTS_MD.get(source));
                    expected.remove("wte_in_post");
                    assertEquals(expected, header, "the bad file lacks exactly wte_in_post");
                } else {
                    assertEquals(INPUTS_MD.get(source), header, f.toString());
                }
                checked++;
            }
        }
        assertEquals(l.files().size(), checked);
    }

    @Test
    void workbooksOpenWithPoiWithTypedCellsAndTheDataOnTheMatchingSheet() throws IOException {
        Landing l = Landing.sample();
        Path workforce = l.dir.resolve("workforce_survey").resolve(WorkforceSurveyWriter.EXCEL_FILE);
        try (InputStream in = Files.newInputStream(workforce);
                Workbook wb = WorkbookFactory.create(in)) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals("Notes", wb.getSheetAt(0).getSheetName(), "a notes sheet first, as real templates have");
            Sheet data = wb.getSheetAt(1);
            Row header = data.getRow(0);
            for (int c = 0; c < Headers.WORKFORCE_COLUMNS.size(); c++) {
                assertEquals(Headers.WORKFORCE_COLUMNS.get(c), header.getCell(c).getStringCellValue());
            }
            Cell date = data.getRow(1).getCell(0);
            assertTrue(
                    date.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(date),
                    "survey_date is an Excel date");
            assertEquals(
                    "2025-03-31", date.getLocalDateTimeCellValue().toLocalDate().toString());
            int booleans = 0;
            int numbers = 0;
            for (int r = 1; r <= data.getLastRowNum(); r++) {
                Row row = data.getRow(r);
                if (row.getCell(6) != null && row.getCell(6).getCellType() == CellType.BOOLEAN) {
                    booleans++;
                }
                if (row.getCell(7) != null && row.getCell(7).getCellType() == CellType.NUMERIC) {
                    numbers++;
                }
            }
            assertTrue(
                    booleans > data.getLastRowNum() * 0.9 && numbers > data.getLastRowNum() * 0.9,
                    "booleans and WTEs are typed cells");
        }
        Path returns = l.dir.resolve("provider_returns/returns_2024_q3.xlsx");
        ParsedTable t = Landing.read(returns, Headers.PROVIDER_RETURNS); // the project's own Excel reader
        long expected = l.summary.files().stream()
                .filter(f -> f.file().endsWith("returns_2024_q3.xlsx"))
                .findFirst()
                .orElseThrow()
                .rows();
        assertEquals(expected, t.rows().size());
        assertTrue(t.rows().stream()
                .allMatch(r -> r.cells()[0].equals("2024-Q3") || !r.cells()[0].matches("2024-Q[1-4]")));
    }

    @Test
    void oneQuarterIsWindows1252WithExcelCharacters() throws Exception {
        Landing l = Landing.sample();
        byte[] bytes = Files.readAllBytes(l.dir.resolve("provider_returns/returns_2024_q4.csv"));
        assertThrows(
                CharacterCodingException.class,
                () -> StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)),
                "not valid UTF-8");
        TextDecoder.Decoded d = TextDecoder.decode(bytes);
        assertEquals("windows-1252", d.encoding());
        assertTrue(d.text().contains("’") || d.text().contains("£"), "a ’ or £ from Excel survives");
        assertTrue(d.text().contains("–"));
        String utf8 = Files.readString(l.dir.resolve("provider_returns/returns_2024_q2.csv"), StandardCharsets.UTF_8);
        assertTrue(utf8.contains("’") || utf8.contains("£"), "the same names are UTF-8 in the other quarters");
    }

    @Test
    void octoberHnaExportHasAByteOrderMarkAndTheOthersDoNot() throws IOException {
        Landing l = Landing.sample();
        for (Path f : l.files(Headers.HNA_CONCERNS)) {
            byte[] b = Files.readAllBytes(f);
            boolean bom = (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
            assertEquals(f.getFileName().toString().equals("ehna_2024_10.csv"), bom, f.toString());
        }
    }

    @Test
    void quotedCellsRoundTrip() {
        Landing l = Landing.of(3, 0.3); // 45 providers (shared with ScaleTest)
        boolean comma = false;
        boolean quote = false;
        for (String[] r : l.rows(Headers.PROVIDER_RETURNS, true)) {
            if (r.length != Headers.PROVIDER_RETURN_COLUMNS.size()) {
                continue;
            }
            comma |= r[2].contains(",");
            quote |= r[2].contains("\"");
        }
        assertTrue(comma, "some provider names hold a comma (quoted in CSV)");
        assertTrue(quote, "and some hold double quotes");
    }
}
