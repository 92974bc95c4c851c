package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsContract;
import org.rehabmap.contracts.odcs.OdcsProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a reference-table contract (data-contracts/reference) from its bound YAML. */
final class ReferenceContracts {
    private ReferenceContracts() {}

    static ReferenceContract from(Path file, OdcsContract root) {
        String where = "contract " + file.getFileName();
        String name = SourceContracts.need(root.name(), "name", where);
        Props custom = new Props(root.customProperties());
        if (!custom.has("file")) {
            throw new ConfigError(where + ": customProperties needs 'file'");
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (OdcsProperty p : root.schema().get(0).properties()) {
            String col = Columns.name(p, where);
            String type = p.logicalType() == null ? "string" : p.logicalType();
            if (!Columns.TYPES.contains(type) || "array".equals(type)) {
                throw new ConfigError(where + ", column " + col + ": unsupported logicalType '" + type + "'");
            }
            if (!p.quality().isEmpty()) {
                throw new ConfigError(where + ", column " + col + ": reference columns take no quality rules");
            }
            cols.add(Columns.base(p, where + ", column " + col, type, "none", List.of(), null, null));
        }
        String label = custom.text("labelColumn");
        if (label != null && cols.stream().noneMatch(c -> c.name().equals(label))) {
            throw new ConfigError(where + ": labelColumn names unknown column " + label);
        }
        return new ReferenceContract(
                name,
                custom.text("file"),
                List.copyOf(cols),
                Columns.key(cols, where),
                root.version() == null ? "0" : root.version(),
                Props.description(root.description()),
                file,
                label);
    }
}
