/**
 * The JSON shapes of the node's HTTP API (API.md) as records, shared by the nodes and the Java client so both
 * sides read and write the same fields.
 */
package io.sigil.api.model;
