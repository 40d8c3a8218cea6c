package io.sigil.transport;

import io.sigil.node.NodeIndex;

/**
 * A verified message handed to a protocol: who sent it, where it belongs, its public payload and its opened
 * private payload ({@code secret}, may be null), which never appears in {@code toString()}.
 */
public record InboundMessage(NodeIndex from, String protocol, SessionId sessionId, int round,
                             byte[] payload, byte[] secret) {
    @Override
    public String toString() {
        return "InboundMessage[" + protocol + " session " + sessionId + " round " + round + " from " + from
                + ", " + payload.length + " public bytes" + (secret == null ? "" : ", secret <redacted>") + "]";
    }
}
