/** The {@code sigil} command line (API.md, "Command line"): picocli commands over the Java client. */
package io.sigil.cli;
