package org.rehabmap.contracts;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds one row of a gold table by column name, in the contract's column order, so adding a
 * column to a table is a change to its contract and to the code that computes the value, never a
 * renumbering of positional arguments. A name the contract does not have is an error at once.
 */
public final class RowBuilder {
    private final GoldContract contract;
    private final Map<String, Integer> index = new HashMap<>();
    private final Object[] values;

    RowBuilder(GoldContract contract) {
        this.contract = contract;
        for (int i = 0; i < contract.columns().size(); i++) {
            index.put(contract.columns().get(i).name(), i);
        }
        this.values = new Object[contract.columns().size()];
    }

    public RowBuilder set(String column, Object value) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException(contract.table() + " has no column " + column + " ("
                    + contract.file().getFileName() + ")");
        }
        values[i] = value;
        return this;
    }

    public Object get(String column) {
        Integer i = index.get(column);
        return i == null ? null : values[i];
    }

    public Row toRow() {
        return RowFactory.create(values.clone());
    }
}
