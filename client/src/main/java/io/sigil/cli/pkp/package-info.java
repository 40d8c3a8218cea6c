/** {@code sigil pkp}: mint programmable key pairs and look at them. */
package io.sigil.cli.pkp;
