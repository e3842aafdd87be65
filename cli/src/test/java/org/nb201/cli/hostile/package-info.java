/**
 * The hostile-input suite: every command walked with the bad inputs of its kind (bad values, inputs
 * that would exhaust memory or time, damaged files), each refused with one line naming the problem,
 * exit code 2, and nothing written or lost.
 */
package org.nb201.cli.hostile;
