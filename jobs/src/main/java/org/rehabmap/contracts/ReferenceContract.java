package org.rehabmap.contracts;

import java.util.List;

/** A reference table: the CSV in data/reference it is loaded from, its typed columns and key. */
public record ReferenceContract(String name, String file, List<ColumnSpec> columns, List<String> key) {}
