package org.rehabmap.supplier;

import org.apache.spark.sql.Column;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * How often a source is returned, and so what a row's period is. Periods are numbered (an index) so
 * that the expected ones can be counted out between two of them: a quarter is year × 4 + quarter − 1
 * and is written {@code 2024-Q3} (calendar quarters, as return_period is); a year is the financial year
 * (April to March) that starts in it, written {@code 2024-25}, as silver's financial_year is.
 */
public enum Frequency {
    QUARTERLY,
    ANNUAL;

    public static Frequency parse(String s, String where) {
        return switch (s) {
            case "quarterly" -> QUARTERLY;
            case "annual" -> ANNUAL;
            default ->
                throw new org.rehabmap.config.ConfigError(
                        "configuration error: " + where + " must be quarterly or annual, got '" + s + "'");
        };
    }

    public int index(LocalDate d) {
        return this == QUARTERLY
                ? d.getYear() * 4 + (d.getMonthValue() - 1) / 3
                : d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
    }

    /** The last day of the period. */
    public LocalDate end(int index) {
        if (this == QUARTERLY) {
            return LocalDate.of(Math.floorDiv(index, 4), Math.floorMod(index, 4) * 3 + 3, 1)
                    .with(TemporalAdjusters.lastDayOfMonth());
        }
        return LocalDate.of(index + 1, 3, 31);
    }

    public String label(int index) {
        return this == QUARTERLY
                ? Math.floorDiv(index, 4) + "-Q" + (Math.floorMod(index, 4) + 1)
                : index + "-" + String.format("%02d", (index + 1) % 100);
    }

    /** The latest period whose return is due on or before {@code asOf}. */
    public int lastDue(LocalDate asOf, int dueDays) {
        int i = index(asOf);
        while (end(i).plusDays(dueDays).isAfter(asOf)) {
            i--;
        }
        return i;
    }

    /**
     * A row's period index from its value as text: a period label ({@code 2024-Q3} / {@code 2024-25}) or
     * a date (YYYY-MM-DD or DD/MM/YYYY); null when it is neither (a quarantined row's bad value).
     */
    public Column indexOf(Column value) {
        Column s = trim(value.cast("string"));
        Column d = coalesce(
                when(s.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), to_date(s, "yyyy-MM-dd")),
                when(s.rlike("^[0-9]{2}/[0-9]{2}/[0-9]{4}$"), to_date(s, "dd/MM/yyyy")));
        Column year = substring(s, 1, 4).cast("int");
        if (this == QUARTERLY) {
            return when(
                            s.rlike("^[0-9]{4}-Q[1-4]$"),
                            year.multiply(4)
                                    .plus(substring(s, 7, 1).cast("int"))
                                    .minus(1))
                    .otherwise(year(d).multiply(4).plus(quarter(d)).minus(1));
        }
        return when(s.rlike("^[0-9]{4}-[0-9]{2}$"), year)
                .otherwise(when(month(d).geq(4), year(d)).otherwise(year(d).minus(1)));
    }

    public Column labelOf(Column index) {
        if (this == QUARTERLY) {
            return concat(
                    floor(index.divide(4)).cast("int").cast("string"),
                    lit("-Q"),
                    pmod(index, lit(4)).plus(1).cast("string"));
        }
        return concat(
                index.cast("string"),
                lit("-"),
                lpad(pmod(index.plus(1), lit(100)).cast("string"), 2, "0"));
    }

    public Column endOf(Column index) {
        if (this == QUARTERLY) {
            return last_day(make_date(
                    floor(index.divide(4)).cast("int"),
                    pmod(index, lit(4)).multiply(3).plus(3),
                    lit(1)));
        }
        return make_date(index.plus(1), lit(3), lit(31));
    }
}
