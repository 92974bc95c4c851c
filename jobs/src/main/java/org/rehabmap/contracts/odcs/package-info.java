/**
 * The subset of Open Data Contract Standard v3 that rehabmap's contracts use, bound by Jackson
 * exactly as written in data-contracts/*.odcs.yaml. Nothing here interprets a contract: the
 * records in {@code org.rehabmap.contracts} do, from these. An unknown field is an error (a typo
 * such as {@code requried} would otherwise silently turn a rule off).
 */
package org.rehabmap.contracts.odcs;
