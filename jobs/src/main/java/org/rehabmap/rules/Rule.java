package org.rehabmap.rules;

import java.io.Serializable;

/**
 * A rule on one row. It reads the row's cells as the contract reads them (trimmed, cased, typed) and
 * adds a {@link Failure} when the row breaks it. Rules run in the order their failures are reported, so
 * the first a row breaks is what audit.quarantine records as its {@code rule_id}. Serializable: conform
 * ships the rules to Spark's executors.
 */
public interface Rule extends Serializable {
    void check(CheckedRow row);
}
