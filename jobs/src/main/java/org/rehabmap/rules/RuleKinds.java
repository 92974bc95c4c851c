package org.rehabmap.rules;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.CustomRule;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.contracts.ValueRule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The one place a contract's rules become rule objects, and so the one place a kind of rule is named.
 * Rules derived from a column's definition (required, type, pattern, range, minimum items, valid values)
 * are built from the column; a {@code custom} quality entry names its kind by {@code implementation}, and
 * {@link #DECLARED} maps each name to the class that enforces it and to where it runs. A new kind of
 * rule is one class and one line there. See data-contracts/README.md for what each kind reads.
 */
public final class RuleKinds {
    /** Where a declared rule runs, which fixes where its failure comes in a row's list. */
    private enum Placement {
        /** With its column's own rules (it reads only that column, as ingest found it). */
        WITH_COLUMN,
        /** After every column's own rules (it reads typed values, perhaps of several columns, or the as-of date). */
        AFTER_COLUMNS,
        /** Over groups of rows, after every row was checked on its own. */
        ACROSS_ROWS
    }

    private record Kind(Placement placement, BiFunction<CustomRule, RuleScope, Object> make) {}

    private static final Map<String, Kind> DECLARED = declared();

    private RuleKinds() {}

    private static Map<String, Kind> declared() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("nhsNumberModulus11", new Kind(Placement.WITH_COLUMN, IdentifierCheckRule::of));
        k.put("notAfterAsOf", new Kind(Placement.AFTER_COLUMNS, NotAfterAsOfRule::of));
        k.put("notGreaterThan", new Kind(Placement.AFTER_COLUMNS, NotGreaterThanRule::of));
        k.put("requiredWhen", new Kind(Placement.AFTER_COLUMNS, RequiredWhenRule::of));
        k.put("consistentWithinGroup", new Kind(Placement.ACROSS_ROWS, ConsistentWithinGroupRule::of));
        return k;
    }

    /** The kinds a contract may name in {@code implementation}. */
    public static Set<String> declaredKinds() {
        return new TreeSet<>(DECLARED.keySet());
    }

    static RuleBook book(Contract contract, ReferenceData reference, LocalDate asOf) {
        RuleScope scope = new RuleScope(contract, reference, asOf);
        Map<Integer, List<Rule>> withColumn = new LinkedHashMap<>();
        List<Rule> afterColumns = new ArrayList<>();
        List<GroupRule> acrossRows = new ArrayList<>();
        for (CustomRule r : contract.customRules()) {
            Kind kind = DECLARED.get(r.implementation());
            if (kind == null) {
                throw new ConfigError(scope.where(r) + ": '" + r.implementation()
                        + "' is not a kind of rule the jobs know (" + String.join(", ", declaredKinds()) + ")");
            }
            Object rule = kind.make().apply(r, scope);
            switch (kind.placement()) {
                case WITH_COLUMN ->
                    withColumn
                            .computeIfAbsent(scope.column(r, "column"), i -> new ArrayList<>())
                            .add((Rule) rule);
                case AFTER_COLUMNS -> afterColumns.add((Rule) rule);
                case ACROSS_ROWS -> acrossRows.add((GroupRule) rule);
            }
        }
        List<ColumnReader> readers = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        rules.add(new RowShapeRule(contract.rowShapeRuleId()));
        List<ColumnSpec> columns = contract.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            readers.add(reader(c, i, scope));
            rules.addAll(columnRules(c, i, scope));
            rules.addAll(withColumn.getOrDefault(i, List.of()));
        }
        rules.addAll(afterColumns);
        String fy = contract.financialYearFrom();
        return new RuleBook(
                contract.name(),
                contract.columnNames(),
                readers,
                rules,
                acrossRows,
                fy == null ? -1 : scope.index(fy, "financialYearFrom", "date"));
    }

    private static ColumnReader reader(ColumnSpec c, int i, RuleScope s) {
        if (!c.isList() && !Typing.known(c.logicalType())) {
            throw new ConfigError(
                    s.where(c) + ": logicalType " + c.logicalType() + " is not one a landing column can have");
        }
        return new ColumnReader(
                i,
                c.logicalType(),
                c.normalise() == null ? "none" : c.normalise(),
                new HashSet<>(c.suppressionMarkers()),
                c.isList(),
                c.isIdentifier());
    }

    /** The rules a column's definition implies, in the order their failures are reported. */
    private static List<Rule> columnRules(ColumnSpec c, int i, RuleScope s) {
        List<Rule> out = new ArrayList<>();
        String name = c.name();
        if (c.isIdentifier()) {
            if (c.pattern() != null
                    || c.minimum() != null
                    || c.maximum() != null
                    || !c.valueRules().isEmpty()) {
                throw new ConfigError(s.where(c) + ": an identifier is checked at ingest by its identifier check only"
                        + " (no pattern, range or valid values)");
            }
            if (c.required()) {
                out.add(new RequiredRule(i, s.derived(c, "REQUIRED"), name, RequiredRule.Kind.IDENTIFIER));
            }
            return out;
        }
        if (c.isList()) {
            if (c.required()) {
                out.add(new RequiredRule(i, s.derived(c, "REQUIRED"), name, RequiredRule.Kind.LIST));
            }
            if (c.minItems() != null && c.minItems() > 0 && !c.required()) {
                out.add(new MinItemsRule(i, s.derived(c, "MIN_ITEMS"), name, c.minItems()));
            }
            for (ValueRule r : c.valueRules()) {
                out.add(new ValidValuesRule(i, r.id(), name, s.allowed(r), true, null));
            }
            return out;
        }
        if (c.required()) {
            out.add(new RequiredRule(i, s.derived(c, "REQUIRED"), name, RequiredRule.Kind.VALUE));
        }
        if (!"string".equals(c.logicalType())) {
            out.add(new TypeRule(i, s.derived(c, "TYPE"), name, c.logicalType()));
        }
        if (c.pattern() != null) {
            out.add(new PatternRule(i, s.derived(c, "PATTERN"), name, s.pattern(c)));
        }
        if (c.minimum() != null || c.maximum() != null) {
            if (!"integer".equals(c.logicalType()) && !"number".equals(c.logicalType())) {
                throw new ConfigError(s.where(c) + ": a minimum or maximum needs an integer or number column");
            }
            out.add(new RangeRule(i, s.derived(c, "RANGE"), name, c.minimum(), c.maximum()));
        }
        for (ValueRule r : c.valueRules()) {
            if (!"string".equals(c.logicalType())) {
                throw new ConfigError(s.where(c) + ": valid values need a string or array column");
            }
            out.add(new ValidValuesRule(i, r.id(), name, s.allowed(r), false, c.unknownValue()));
        }
        return out;
    }
}
