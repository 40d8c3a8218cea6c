/** System tests: real nodes started by the launcher, spoken to over HTTP. */
package io.sigil.system;
