package org.rehabmap.rules;

import java.io.Serializable;

/**
 * One delivered row as the rules read it.
 *
 * @param cells the text of each contract column, in the contract's order, as bronze keeps it (null when
 *     the file lacked the column or the row was short); an identifier column holds its pseudonym
 * @param identifiers for each identifier column, what ingest's check of the raw value found (null for
 *     the other columns)
 * @param cellCount how many cells the row had
 * @param headerCount how many cells the header had
 */
public record TextRow(String[] cells, IdentifierStatus[] identifiers, int cellCount, int headerCount)
        implements Serializable {}
