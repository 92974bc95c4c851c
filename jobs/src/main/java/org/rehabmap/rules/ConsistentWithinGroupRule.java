package org.rehabmap.rules;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.CustomRule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows of one group (a borough × sex × age-band cell of an extract) that should carry one value of a
 * column but do not (kind {@code consistentWithinGroup}): every row of the group fails, since which one
 * is right cannot be known. Only rows that pass their own rules take part, and a missing value is no
 * disagreement.
 */
final class ConsistentWithinGroupRule implements GroupRule {
    private final List<String> groupBy;
    private final String column;
    private final String id;
    private final String reason;

    ConsistentWithinGroupRule(List<String> groupBy, String column, String id, String reason) {
        this.groupBy = List.copyOf(groupBy);
        this.column = column;
        this.id = id;
        this.reason = reason;
    }

    /** Options: {@code groupBy} (columns) and {@code column}. */
    static ConsistentWithinGroupRule of(CustomRule r, RuleScope s) {
        List<String> groupBy = r.strings("groupBy");
        if (groupBy.isEmpty()) {
            throw new ConfigError(s.where(r) + ": needs customProperties.groupBy");
        }
        for (String g : groupBy) {
            s.index(g, r.id() + " groupBy");
        }
        String column = s.contract().columns().get(s.column(r, "column")).name();
        return new ConsistentWithinGroupRule(
                groupBy,
                column,
                r.id(),
                r.description() != null ? r.description() : column + " differs within its group");
    }

    @Override
    public List<String> groupBy() {
        return groupBy;
    }

    @Override
    public void check(List<? extends GroupMember> group) {
        Set<Object> values = new HashSet<>();
        for (GroupMember m : group) {
            Object v = m.passes() ? m.value(column) : null;
            if (v != null) {
                values.add(v instanceof Double d && d == 0.0 ? 0.0 : v); // -0.0 and 0.0 are one value
            }
        }
        if (values.size() > 1) {
            for (GroupMember m : group) {
                if (m.passes()) {
                    m.fail(new Failure(id, reason));
                }
            }
        }
    }
}
