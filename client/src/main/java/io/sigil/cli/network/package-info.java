/** {@code sigil network}: start a local network of Payara Micro nodes in the foreground, and report on it. */
package io.sigil.cli.network;
