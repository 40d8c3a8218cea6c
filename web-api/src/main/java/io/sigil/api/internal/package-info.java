/** {@code POST /internal/v1/messages}: the only door for node-to-node protocol envelopes. */
package io.sigil.api.internal;
