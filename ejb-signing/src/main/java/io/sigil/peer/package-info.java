/**
 * The other nodes: how to reach them (HTTP with MicroProfile Fault Tolerance and a circuit per peer) and their
 * identity keys, learnt on first contact from the peer's configured URL and pinned in the database.
 */
package io.sigil.peer;
