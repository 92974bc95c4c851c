package org.rehabmap.contracts;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.List;

/**
 * The one declaration of a curated (gold) table: its name, columns with their Spark types, key,
 * the checks its rows must pass, its disclosure statement, what it is made from and how it is
 * partitioned. The curate job builds rows against it, checks and writes them; publish reads its
 * descriptions and disclosure rules; the data dictionary is generated from it.
 *
 * @param name the table without its layer, e.g. benchmarks
 * @param table the qualified name, e.g. gold.benchmarks
 * @param title schema[0].businessName, or null
 * @param disclosure how the table's counts of people are protected; null when the contract does not say
 * @param inputs the silver (or audit) tables its builder reads (customProperties.inputs): a change to one of them,
 *     and only that, makes the next run rebuild the table
 * @param readsAsOf whether the table also depends on the run's as-of date (customProperties.readsAsOf)
 * @param partitionBy the Delta partition columns (customProperties.partitionBy), usually none
 * @param step the step that makes the table (customProperties.step): {@link #CURATE} unless it says
 *     otherwise, so a new table needs no list of tables in the step that builds it
 */
public record GoldContract(
        String name,
        String table,
        Path file,
        String version,
        String title,
        String description,
        String rulePrefix,
        List<ColumnSpec> columns,
        List<String> key,
        List<TableRule> rules,
        DisclosureSpec disclosure,
        List<String> inputs,
        boolean readsAsOf,
        List<String> partitionBy,
        String step) {

    /** The step that makes a gold table whose contract does not name one. */
    public static final String CURATE = "curate";

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /** The column, or null. */
    public ColumnSpec column(String name) {
        for (ColumnSpec c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The Spark schema the table is written with: the contract's columns and physical types, in order. */
    public StructType sparkSchema() {
        StructType s = new StructType();
        for (ColumnSpec c : columns) {
            s = s.add(c.name(), DataType.fromDDL(c.physicalType()), !c.required());
        }
        return s;
    }

    /** A row of this table, set column by column by name. */
    public RowBuilder newRow() {
        return new RowBuilder(this);
    }
}
