package org.rehabmap.rules;

import java.io.Serializable;
import java.util.List;

/**
 * A rule across rows: the rows that share the values of {@link #groupBy()} are checked together, after
 * every row has been checked on its own. Conform hands it each group of the rows it validates in one run
 * (Spark brings a group's rows together); the pre-submission check hands it the groups of one file.
 */
public interface GroupRule extends Serializable {
    /** The columns whose (typed) values make a group; rows with nulls there group together. */
    List<String> groupBy();

    /** Checks the rows of one group: every row whose values match, whether it passed its own rules or not. */
    void check(List<? extends GroupMember> group);
}
