package org.rehabmap.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The fixed year the generator writes (no wall-clock time): financial year 2024-25. */
final class ReportingYear {
    static final LocalDate START = LocalDate.of(2024, 4, 1);
    static final LocalDate END = LocalDate.of(2025, 3, 31);
    /** Workforce survey_date and comorbidity extract_date. */
    static final LocalDate SNAPSHOT = END;
    /** Provider return periods, in delivery order. */
    static final List<String> QUARTERS = List.of("2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1");
    /** HNA export months, in delivery order. */
    static final List<YearMonth> MONTHS = List.of(
            YearMonth.of(2024, 4),
            YearMonth.of(2024, 5),
            YearMonth.of(2024, 6),
            YearMonth.of(2024, 7),
            YearMonth.of(2024, 8),
            YearMonth.of(2024, 9),
            YearMonth.of(2024, 10),
            YearMonth.of(2024, 11),
            YearMonth.of(2024, 12),
            YearMonth.of(2025, 1),
            YearMonth.of(2025, 2),
            YearMonth.of(2025, 3));

    private ReportingYear() {}

    static int days() {
        return (int) (END.toEpochDay() - START.toEpochDay() + 1);
    }
}
