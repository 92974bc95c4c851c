package org.rehabmap.curate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One row of gold.benchmarks, with exactly the columns METHODS.md lists, in its order. */
public record BenchmarkRow(
        String indicatorId,
        String period,
        String areaLevel,
        String areaCode,
        String areaName,
        Double numerator,
        Double denominator,
        Double value,
        Double lowerCi95,
        Double upperCi95,
        Double lowerCi998,
        Double upperCi998,
        Double londonValue,
        String significance,
        String significance998,
        Integer rank,
        Integer quintile,
        Double previousValue,
        String trend,
        boolean suppressed,
        String note) {

    public static final StructType SCHEMA = new StructType()
            .add("indicator_id", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("area_level", DataTypes.StringType, false)
            .add("area_code", DataTypes.StringType, false)
            .add("area_name", DataTypes.StringType, false)
            .add("numerator", DataTypes.DoubleType, true)
            .add("denominator", DataTypes.DoubleType, true)
            .add("value", DataTypes.DoubleType, true)
            .add("lower_ci95", DataTypes.DoubleType, true)
            .add("upper_ci95", DataTypes.DoubleType, true)
            .add("lower_ci998", DataTypes.DoubleType, true)
            .add("upper_ci998", DataTypes.DoubleType, true)
            .add("london_value", DataTypes.DoubleType, true)
            .add("significance", DataTypes.StringType, false)
            .add("significance_998", DataTypes.StringType, false)
            .add("rank", DataTypes.IntegerType, true)
            .add("quintile", DataTypes.IntegerType, true)
            .add("previous_value", DataTypes.DoubleType, true)
            .add("trend", DataTypes.StringType, true)
            .add("suppressed", DataTypes.BooleanType, false)
            .add("note", DataTypes.StringType, true);

    public Row toRow() {
        return RowFactory.create(
                indicatorId,
                period,
                areaLevel,
                areaCode,
                areaName,
                numerator,
                denominator,
                value,
                lowerCi95,
                upperCi95,
                lowerCi998,
                upperCi998,
                londonValue,
                significance,
                significance998,
                rank,
                quintile,
                previousValue,
                trend,
                suppressed,
                note);
    }

    public BenchmarkRow withRanking(Integer rank, Integer quintile) {
        return new BenchmarkRow(
                indicatorId,
                period,
                areaLevel,
                areaCode,
                areaName,
                numerator,
                denominator,
                value,
                lowerCi95,
                upperCi95,
                lowerCi998,
                upperCi998,
                londonValue,
                significance,
                significance998,
                rank,
                quintile,
                previousValue,
                trend,
                suppressed,
                note);
    }

    public BenchmarkRow withPrevious(Double previousValue, String trend) {
        return new BenchmarkRow(
                indicatorId,
                period,
                areaLevel,
                areaCode,
                areaName,
                numerator,
                denominator,
                value,
                lowerCi95,
                upperCi95,
                lowerCi998,
                upperCi998,
                londonValue,
                significance,
                significance998,
                rank,
                quintile,
                previousValue,
                trend,
                suppressed,
                note);
    }
}
