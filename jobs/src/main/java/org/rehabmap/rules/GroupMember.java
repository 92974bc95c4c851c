package org.rehabmap.rules;

/** A row as a cross-row rule sees it, whether a {@link CheckedRow} or a row Spark brought to a group. */
public interface GroupMember {
    /** The typed value of a contract column. */
    Object value(String column);

    /** True while the row has broken no rule. */
    boolean passes();

    void fail(Failure failure);
}
