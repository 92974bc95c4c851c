package org.rehabmap.contracts;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsContract;
import org.rehabmap.contracts.odcs.OdcsProperty;
import org.rehabmap.contracts.odcs.OdcsQuality;
import org.rehabmap.contracts.odcs.OdcsSchemaObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads an output (gold) contract from its bound YAML. */
final class GoldContracts {
    private GoldContracts() {}

    static GoldContract from(Path file, OdcsContract root) {
        String where = "contract " + file.getFileName();
        OdcsSchemaObject obj = root.schema().get(0);
        // the file declares the table: data-contracts/gold/<table>.odcs.yaml is gold.<table>
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".odcs.yaml".length());
        Props custom = new Props(root.customProperties()).with(obj.customProperties());
        String prefix = custom.text("rulePrefix", "GOLD_" + name.toUpperCase());
        if (custom.has("table") && !custom.text("table").equals("gold." + name)) {
            throw new ConfigError(where + ": customProperties table is " + custom.text("table")
                    + " but the file declares gold." + name);
        }
        Set<String> ids = new HashSet<>();
        List<ColumnSpec> cols = new ArrayList<>();
        for (OdcsProperty p : obj.properties()) {
            String col = Columns.name(p, where);
            String pw = where + ", column " + col;
            if (p.physicalType() == null || p.physicalType().isBlank()) {
                throw new ConfigError(pw + ": missing physicalType");
            }
            try {
                org.apache.spark.sql.types.DataType.fromDDL(p.physicalType());
            } catch (RuntimeException e) {
                throw new ConfigError(pw + ": physicalType '" + p.physicalType() + "' is not a Spark type");
            }
            List<ValueRule> rules = new ArrayList<>();
            for (OdcsQuality q : p.quality()) {
                if (q.id() == null || q.id().isBlank() || !ids.add(q.id())) {
                    throw new ConfigError(pw + ": quality rule without a unique id");
                }
                if (!Columns.isValidValues(q)) {
                    throw new ConfigError(pw + ": rule " + q.id() + " is not a check the curate job enforces");
                }
                rules.add(Columns.validValues(q, col));
            }
            Props cp = new Props(p.customProperties());
            cols.add(Columns.base(
                    p,
                    pw,
                    Columns.logicalType(p, pw),
                    "none",
                    rules,
                    cp.text("disclosure"),
                    cp.strings("disclosureBasis")));
        }
        if (cols.isEmpty()) {
            throw new ConfigError(where + ": no properties");
        }
        List<TableRule> rules = new ArrayList<>();
        for (OdcsQuality q : obj.quality()) {
            if (q.id() == null || q.id().isBlank() || !ids.add(q.id())) {
                throw new ConfigError(where + ": table quality rule without a unique id");
            }
            if ("custom".equals(q.type()) && "spark-sql".equals(q.engine())) {
                rules.add(new TableRule(q.id(), TableRule.SQL, q.implementation(), List.of(), q.description()));
            } else if ("library".equals(q.type()) && "duplicateValues".equals(q.metric())) {
                List<String> props = Props.strings(q.arguments().get("properties"));
                if (props.isEmpty()) {
                    throw new ConfigError(where + ": rule " + q.id() + " needs arguments.properties");
                }
                rules.add(new TableRule(q.id(), TableRule.UNIQUE, null, props, q.description()));
            } else {
                throw new ConfigError(
                        where + ": rule " + q.id() + " is not a check the curate job enforces (" + q.type() + ")");
            }
        }
        List<String> names = cols.stream().map(ColumnSpec::name).toList();
        List<String> inputs = custom.strings("inputs");
        for (String i : inputs) {
            // audit tables too: a table about the deliveries themselves (gold.data_quality) reads the ledger
            if (!i.matches("(silver|audit)\\.[a-z0-9_]+")) {
                throw new ConfigError(
                        where + ": inputs must name silver or audit tables (silver.x, audit.x), got '" + i + "'");
            }
        }
        List<String> partitionBy = custom.strings("partitionBy");
        for (String c : partitionBy) {
            if (!names.contains(c)) {
                throw new ConfigError(where + ": partitionBy names unknown column " + c);
            }
        }
        String step = custom.text("step", GoldContract.CURATE);
        if (!step.matches("[a-z]+(-[a-z]+)*")) {
            throw new ConfigError(
                    where + ": step must name a step (curate, model, curate-data-quality), got '" + step + "'");
        }
        String title = obj.businessName();
        String description = Props.description(root.description());
        if (description == null) {
            description = Props.description(obj.description());
        }
        return new GoldContract(
                name,
                "gold." + name,
                file,
                root.version() == null ? "0" : root.version(),
                title,
                description,
                prefix,
                List.copyOf(cols),
                Columns.key(cols, where),
                List.copyOf(rules),
                DisclosureSpec.from(where, custom, cols),
                inputs,
                custom.bool("readsAsOf"),
                partitionBy,
                step);
    }
}
