package org.rehabmap.generate;

/** How an Excel writer stores a column's values (CSV writes everything as text). */
enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    BOOLEAN
}
