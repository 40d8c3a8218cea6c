/** {@code sigil action}: store action code on the network. */
package io.sigil.cli.action;
