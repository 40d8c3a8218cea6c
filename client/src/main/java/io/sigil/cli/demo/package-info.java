/** {@code sigil demo}: the whole idea in one command, on a local network. */
package io.sigil.cli.demo;
