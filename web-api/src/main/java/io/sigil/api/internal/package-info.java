/** {@code POST /internal/v1/messages} (a servlet: the hot path): the only door for node-to-node protocol envelopes. */
package io.sigil.api.internal;
