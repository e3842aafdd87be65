/**
 * The {@code nb201} command-line application: one picocli command class per subcommand, all
 * registered in {@link org.nb201.cli.Nb201}. User mistakes end in one line on stderr and exit code 2.
 */
package org.nb201.cli;
