package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.rehabmap.contracts.GoldContract;
import org.rehabmap.contracts.RowBuilder;

/**
 * One row of gold.benchmarks while it is assembled, set column by column by name against
 * data-contracts/gold/benchmarks.odcs.yaml. The accessors are the columns the assembly reads back
 * (ranking, trend, order, peer values); a column nothing reads back needs none.
 */
public final class BenchmarkRow {
    private final RowBuilder row;

    /** A row of the table with every column null: set the ones it has. */
    public BenchmarkRow(GoldContract benchmarks) {
        this.row = benchmarks.newRow();
    }

    public BenchmarkRow set(String column, Object value) {
        row.set(column, value);
        return this;
    }

    public Row toRow() {
        return row.toRow();
    }

    public String indicatorId() {
        return (String) row.get("indicator_id");
    }

    public String period() {
        return (String) row.get("period");
    }

    public String areaLevel() {
        return (String) row.get("area_level");
    }

    public String areaCode() {
        return (String) row.get("area_code");
    }

    public Double numerator() {
        return (Double) row.get("numerator");
    }

    public Double denominator() {
        return (Double) row.get("denominator");
    }

    public Double value() {
        return (Double) row.get("value");
    }

    public Double lowerCi95() {
        return (Double) row.get("lower_ci95");
    }

    public Double upperCi95() {
        return (Double) row.get("upper_ci95");
    }

    public Double lowerCi998() {
        return (Double) row.get("lower_ci998");
    }

    public Double upperCi998() {
        return (Double) row.get("upper_ci998");
    }

    public Double londonValue() {
        return (Double) row.get("london_value");
    }

    public String significance() {
        return (String) row.get("significance");
    }

    public String significance998() {
        return (String) row.get("significance_998");
    }

    public Integer rank() {
        return (Integer) row.get("rank");
    }

    public Integer quintile() {
        return (Integer) row.get("quintile");
    }

    public Double previousValue() {
        return (Double) row.get("previous_value");
    }

    public String trend() {
        return (String) row.get("trend");
    }

    public boolean suppressed() {
        return Boolean.TRUE.equals(row.get("suppressed"));
    }

    public String note() {
        return (String) row.get("note");
    }
}
