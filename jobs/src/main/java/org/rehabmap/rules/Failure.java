package org.rehabmap.rules;

import java.io.Serializable;

/** One broken rule: the id audit.quarantine records, and a reason a person can act on. */
public record Failure(String ruleId, String reason) implements Serializable {}
