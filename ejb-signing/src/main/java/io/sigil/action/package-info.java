/**
 * Action code by CID: stored once, immutable, and fetched from a peer (and checked against its CID) when a node
 * is asked to run an action it has never seen.
 */
package io.sigil.action;
