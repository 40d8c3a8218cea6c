/**
 * Node-to-node messaging: signed envelopes (optionally with a payload sealed to the recipient), the checks every
 * inbound envelope passes, and the session/round mechanism protocols (ping, DKG, signing) plug into.
 */
package io.sigil.transport;
