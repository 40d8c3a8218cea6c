package io.sigil.transport;

import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.util.Map;

/** A message could not be delivered to a peer (down, refusing, or its circuit is open); names the peer. */
public class PeerUnavailableException extends SigilException {
    private final NodeIndex peer;

    public PeerUnavailableException(NodeIndex peer, String why) {
        super(ProblemType.PEER_UNAVAILABLE, "node " + peer + " " + why, Map.of("node", peer.value()));
        this.peer = peer;
    }

    public NodeIndex peer() { return peer; }
}
