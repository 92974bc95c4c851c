package org.rehabmap.rules;

import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.ColumnSpec;
import org.rehabmap.contracts.Contract;
import org.rehabmap.contracts.CustomRule;
import org.rehabmap.contracts.ReferenceData;
import org.rehabmap.contracts.ValueRule;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a rule kind needs while one contract's rules are built: the contract's columns, reference values and
 * the run's as-of date, and one way of wording a complaint about the contract (always a one-line ConfigError).
 */
record RuleScope(Contract contract, ReferenceData reference, LocalDate asOf) {

    String where(CustomRule r) {
        return "contract " + file() + ": rule " + r.id();
    }

    String where(ColumnSpec c) {
        return "contract " + file() + ", column " + c.name();
    }

    private String file() {
        return contract.file() == null
                ? contract.name()
                : contract.file().getFileName().toString();
    }

    String derived(ColumnSpec c, String check) {
        return contract.derivedRuleId(c.name(), check);
    }

    String reason(CustomRule r) {
        return r.description() != null ? r.description() : "rule " + r.id() + " does not hold";
    }

    String option(CustomRule r, String name) {
        String v = r.text(name);
        if (v == null || v.isBlank()) {
            throw new ConfigError(where(r) + ": needs customProperties." + name);
        }
        return v;
    }

    /** The column a rule's option names, which must exist (and be of one of the types, when given). */
    int column(CustomRule r, String option, String... types) {
        return index(option(r, option), r.id() + " " + option, types);
    }

    int index(String column, String what, String... types) {
        List<String> names = contract.columnNames();
        int i = names.indexOf(column);
        if (i < 0) {
            throw new ConfigError("contract " + file() + ": " + what + " names unknown column " + column);
        }
        String type = contract.columns().get(i).logicalType();
        if (types != null && types.length > 0 && !List.of(types).contains(type)) {
            throw new ConfigError("contract " + file() + ": " + what + " needs a " + String.join(" or ", types)
                    + " column, and " + column + " is " + type);
        }
        return i;
    }

    Pattern pattern(ColumnSpec c) {
        try {
            return Pattern.compile(c.pattern());
        } catch (PatternSyntaxException e) {
            throw new ConfigError(where(c) + ": pattern " + c.pattern() + " is not a regular expression");
        }
    }

    Set<String> allowed(ValueRule r) {
        Set<String> s = new LinkedHashSet<>(r.validValues());
        if (r.validValuesReference() != null) {
            s.addAll(reference.values(r.validValuesReference()));
        }
        return s;
    }
}
