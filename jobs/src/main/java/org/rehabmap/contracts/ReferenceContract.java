package org.rehabmap.contracts;

import java.nio.file.Path;
import java.util.List;

/**
 * A reference table: the CSV in data/reference it is loaded from, its typed columns and key.
 *
 * @param name the silver table, e.g. borough for silver.borough
 * @param file the CSV file name in data/reference
 * @param contractFile the YAML it was read from, for messages
 * @param labelColumn the column naming each code for people (customProperties labelColumn, e.g. la_name
 *     beside la_code), shown next to the codes in supplier templates; null when the table has none
 */
public record ReferenceContract(
        String name,
        String file,
        List<ColumnSpec> columns,
        List<String> key,
        String version,
        String description,
        Path contractFile,
        String labelColumn) {}
