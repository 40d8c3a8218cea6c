/** {@code sigil encrypt} and {@code sigil decrypt}: threshold encryption with access-control conditions. */
package io.sigil.cli.decrypt;
