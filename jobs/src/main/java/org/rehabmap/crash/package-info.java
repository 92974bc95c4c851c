/**
 * Named crash and pause points for the crash-recovery tests and drills, and the Delta log store that
 * places them around every commit. Below the lake and the step runner, which both call them.
 */
package org.rehabmap.crash;
