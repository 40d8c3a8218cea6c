package io.sigil.transport;

import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Some participants did not send their message for a round before the session's deadline; names them. */
public class SessionTimeoutException extends SigilException {
    private final Set<NodeIndex> missing;

    public SessionTimeoutException(String protocol, int round, Set<NodeIndex> missing) {
        super(ProblemType.PEER_UNAVAILABLE, protocol + " round " + round + ": no message from node(s) " + missing,
                Map.of("missingNodes", missing.stream().map(NodeIndex::value).toList()));
        this.missing = Set.copyOf(missing);
    }

    public Set<NodeIndex> missing() { return missing; }

    List<Integer> missingIndices() { return missing.stream().map(NodeIndex::value).sorted().toList(); }
}
