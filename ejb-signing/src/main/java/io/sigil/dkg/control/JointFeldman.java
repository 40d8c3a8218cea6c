package io.sigil.dkg.control;

import io.sigil.crypto.dkg.DkgAbortedException;
import io.sigil.crypto.dkg.DkgParameters;
import io.sigil.crypto.dkg.DkgRound1;
import io.sigil.crypto.dkg.DkgRound1Share;
import io.sigil.crypto.dkg.DkgRound2;
import io.sigil.crypto.dkg.DkgSession;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.node.NodeIndex;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.InboundMessage;
import io.sigil.transport.Session;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * THRESHOLD.md "Key generation" steps 1-3 (Joint-Feldman deal and echo) over a transport session, shared by every
 * protocol that makes a distributed key: PKP mints ({@link DkgProtocol}) and the network encryption key
 * ({@code io.sigil.netkey}). Nothing is stored and nothing secret outlives the call except the returned share.
 */
public final class JointFeldman {
    private JointFeldman() { }

    /**
     * Runs the deal round as {@code dealRound} and the echo as {@code echoRound} of {@code s}; throws
     * {@code protocol-aborted} naming a misbehaving node, {@code peer-unavailable} if one does not answer.
     */
    public static KeyShare generate(Session s, DkgParameters params, int self, Set<NodeIndex> others, int dealRound,
                                    int echoRound, SecureRandom random) {
        DkgSession dkg = new DkgSession(params, self, random);
        try {
            DkgSession.Round1Output out = dkg.round1();
            byte[] broadcast = out.broadcast().toBytes();
            for (NodeIndex peer : others) {
                DkgRound1Share share = out.shares().get(peer.value());
                try {
                    s.send(peer, dealRound, broadcast, share.toBytes());
                } finally {
                    share.destroy();
                }
            }
            for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(dealRound, others).entrySet()) {
                NodeIndex from = e.getKey();
                DkgRound1 commitments = parse(from, () -> DkgRound1.fromBytes(e.getValue().payload()));
                DkgRound1Share share = parse(from, () -> DkgRound1Share.fromBytes(e.getValue().secret()));
                try {
                    if (commitments.from() != from.value() || share.from() != from.value()) {
                        throw DkgProtocol.aborted(from, "sent a DKG message in another node's name");
                    }
                    dkg.receive(commitments);
                    dkg.receive(share);
                } catch (IllegalArgumentException wrongRun) {
                    throw DkgProtocol.aborted(from, "sent a DKG message that belongs to another run");
                } finally {
                    share.destroy();
                }
            }
            s.broadcast(others, echoRound, dkg.round2().toBytes());
            for (Map.Entry<NodeIndex, InboundMessage> e : s.collect(echoRound, others).entrySet()) {
                NodeIndex from = e.getKey();
                DkgRound2 echo = parse(from, () -> DkgRound2.fromBytes(e.getValue().payload()));
                if (echo.from() != from.value()) {
                    throw DkgProtocol.aborted(from, "sent a DKG message in another node's name");
                }
                try {
                    dkg.receive(echo);
                } catch (IllegalArgumentException wrongRun) {
                    throw DkgProtocol.aborted(from, "sent a DKG message that belongs to another run");
                }
            }
            return dkg.finish();
        } catch (DkgAbortedException e) {
            throw e.culprit() > 0 ? DkgProtocol.aborted(NodeIndex.of(e.culprit()), e.getMessage())
                    : new SigilException(ProblemType.PROTOCOL_ABORTED, e.getMessage());
        } finally {
            dkg.destroy();
        }
    }

    private static <T> T parse(NodeIndex from, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DkgProtocol.aborted(from, "sent a malformed DKG message");
        }
    }
}
