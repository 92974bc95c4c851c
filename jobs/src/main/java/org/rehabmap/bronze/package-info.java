/**
 * The bronze layer's layout, which ingest writes and conform reads: the lineage columns, one text
 * column per contract column, and the NHS-number check status kept beside a pseudonymised
 * identifier (the raw number never leaves ingest). Shared here so neither job imports the other.
 */
package org.rehabmap.bronze;
