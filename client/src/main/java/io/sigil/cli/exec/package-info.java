/** {@code sigil exec}: run an action on the network and get its verified signatures. */
package io.sigil.cli.exec;
