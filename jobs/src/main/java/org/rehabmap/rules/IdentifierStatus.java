package org.rehabmap.rules;

/**
 * What ingest found when it checked a row's identifier before pseudonymising it: the raw value never
 * gets as far as the rules, only this.
 */
public enum IdentifierStatus {
    VALID,
    MISSING,
    BAD_FORMAT,
    BAD_CHECK_DIGIT
}
