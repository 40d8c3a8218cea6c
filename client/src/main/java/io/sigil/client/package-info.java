/** The Java client library: speaks a node's HTTP API (API.md) and, later, verifies what the network returns itself. */
package io.sigil.client;
