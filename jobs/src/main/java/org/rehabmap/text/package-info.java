/**
 * How results read on a console: aligned text tables, cell values as text, an exception as one line.
 * Low in the house so that audit, ops and the jobs print the way the commands do without reaching up
 * into the command line.
 */
package org.rehabmap.text;
