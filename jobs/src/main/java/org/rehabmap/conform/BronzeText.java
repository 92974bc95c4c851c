package org.rehabmap.conform;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.rehabmap.bronze.BronzeSchema;
import org.rehabmap.bronze.NhsNumber;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.rules.IdentifierStatus;
import org.rehabmap.rules.TextRow;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A bronze row as the rules read it: each contract column's text, what ingest's check of an identifier
 * found, and the row's and header's cell counts. Conform reads bronze rows from the lake with it; the
 * pre-submission check reads the rows ingest's row builder makes of a file, so both hand the rules the same.
 */
public final class BronzeText implements Serializable {
    private final int[] cells;
    private final int[] checks;
    private final int cellCount;
    private final int headerCount;

    private BronzeText(int[] cells, int[] checks, int cellCount, int headerCount) {
        this.cells = cells;
        this.checks = checks;
        this.cellCount = cellCount;
        this.headerCount = headerCount;
    }

    /** For rows of the given bronze schema; a contract column bronze lacks reads as empty. */
    public static BronzeText of(Contract contract, StructType bronze) {
        List<String> fields = Arrays.asList(bronze.fieldNames());
        List<ColumnSpec> columns = contract.columns();
        int[] cells = new int[columns.size()];
        int[] checks = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            cells[i] = fields.indexOf(c.name());
            checks[i] = c.isIdentifier() ? fields.indexOf(BronzeSchema.checkColumn(c.name())) : -1;
        }
        return new BronzeText(
                cells, checks, fields.indexOf(BronzeSchema.CELL_COUNT), fields.indexOf(BronzeSchema.HEADER_COUNT));
    }

    public TextRow read(Row bronze) {
        String[] text = new String[cells.length];
        IdentifierStatus[] identifiers = new IdentifierStatus[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] < 0 ? null : bronze.getString(cells[i]);
            if (checks[i] >= 0) {
                identifiers[i] = status(bronze.getString(checks[i]));
            }
        }
        return new TextRow(text, identifiers, bronze.getInt(cellCount), bronze.getInt(headerCount));
    }

    /** Ingest's words for what it found, as the rules name them; one it did not record is no failure. */
    static IdentifierStatus status(String check) {
        if (check == null) {
            return null;
        }
        return switch (check) {
            case NhsNumber.OK -> IdentifierStatus.VALID;
            case NhsNumber.MISSING -> IdentifierStatus.MISSING;
            case NhsNumber.BAD_FORMAT -> IdentifierStatus.BAD_FORMAT;
            case NhsNumber.BAD_CHECK_DIGIT -> IdentifierStatus.BAD_CHECK_DIGIT;
            default -> null;
        };
    }
}
