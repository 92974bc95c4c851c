/**
 * Pure statistical functions behind the published indicators (METHODS.md, "Confidence intervals"
 * and "Comparison with London"): no Spark, no I/O, so they can be checked against
 * PHEindicatormethods' published numbers and called from any job or UDF.
 */
package org.rehabmap.stats;
