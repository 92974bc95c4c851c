/**
 * The rules a landing row must keep, as plain Java: one small class per kind of rule, applied to one row
 * of text cells at a time ({@link org.rehabmap.rules.Rule}), or to the rows of a group ({@link
 * org.rehabmap.rules.GroupRule}). {@link org.rehabmap.rules.RuleKinds} turns a contract's columns and
 * quality entries into rule objects, in the one place a kind is named; {@link org.rehabmap.rules.RuleBook}
 * holds one contract's rules in the order their failures are reported.
 *
 * <p>One source of truth: conform applies a rule book inside Spark tasks, and the pre-submission check
 * applies the same book to a file without starting Spark. Nothing here knows Spark, the lake or a file
 * format, so both can reach it.
 */
package org.rehabmap.rules;
