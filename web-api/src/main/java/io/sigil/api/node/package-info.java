/** {@code GET /api/v1/node}: who this node is and what it knows of its network. */
package io.sigil.api.node;
