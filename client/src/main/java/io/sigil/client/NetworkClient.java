package io.sigil.client;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.verdict.ParticipantAnswer;
import io.sigil.api.verdict.Verdict;
import io.sigil.crypto.Hex;
import jakarta.json.bind.JsonbException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A whole network, as a client that trusts no single node: it learns the members from any node, runs an action on
 * 2t+1 participants itself (the per-node {@code /api/v1/execute} of each) and judges their answers exactly as the
 * gateway does ({@link Verdict}: they agree, every signature combines from their shares and verifies against the
 * PKP). If nodes fail as nodes (down, or a share that does not combine) and the network has more than 2t+1 nodes, it
 * retries with another participant set, in the spirit of MicroProfile Fault Tolerance's bounded retry (at most
 * {@link #MAX_ATTEMPTS} sets).
 */
public final class NetworkClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Participant sets tried before giving up (only networks with more than 2t+1 nodes have others to try). */
    static final int MAX_ATTEMPTS = 4;
    private final NodeConnection entry;
    private final Duration timeout;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sigil-client");
        t.setDaemon(true);
        return t;
    });

    public NetworkClient(URI anyNode, Duration timeout) {
        this.entry = new NodeConnection(anyNode, timeout);
        this.timeout = timeout;
    }

    /** The node this client was pointed at. */
    public NodeConnection entry() { return entry; }

    /**
     * Runs an action (its {@code code}, or stored code by {@code ipfsId}) on 2t+1 nodes and returns the agreed
     * response with every signature combined and verified.
     *
     * @throws SigilClientException with the action's own problem if the action failed or was refused, else the
     *         judgement's: 502 if the participants disagree or misbehave, 503 naming the nodes if too few answered
     */
    public NetworkExecuteResponse execute(String code, String ipfsId, Map<String, Object> jsParams, AuthSig authSig) {
        NodeInfo info = entry.node();
        int signers = Math.min(info.network().signers(), info.network().n());
        List<NodeInfo.Member> candidates = new ArrayList<>(info.network().nodes());
        candidates.sort(Comparator.comparing((NodeInfo.Member m) -> !m.reachable()).thenComparingInt(NodeInfo.Member::index));
        Set<Integer> suspects = new LinkedHashSet<>();
        Set<Set<Integer>> tried = new LinkedHashSet<>();
        SigilClientException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<NodeInfo.Member> participants = nextSet(candidates, signers, suspects, tried);
            if (participants == null) {
                break;
            }
            tried.add(participants.stream().map(NodeInfo.Member::index).collect(Collectors.toSet()));
            Verdict verdict = run(participants, code, ipfsId, jsParams, authSig);
            if (verdict instanceof Verdict.Agreed agreed) {
                return agreed.response();
            }
            Verdict.Failed failed = (Verdict.Failed) verdict;
            last = SigilClientException.of(failed.problem());
            if (!failed.retryable()) {
                throw last;
            }
            suspects.addAll(failed.suspects());
        }
        throw last != null ? last : new SigilClientException("fewer than " + signers + " nodes can take part", 503);
    }

    /**
     * The first participant set (in the candidates' order: reachable nodes first) not tried yet and without a node
     * a judgement suspected. A set whose shares did not combine is not retried as a whole; since a bad share cannot
     * be traced to its node (THRESHOLD.md: detect-only), the next sets swap members one at a time.
     */
    static <M> List<M> nextSet(List<M> candidates, int size, Set<Integer> suspects, Set<Set<Integer>> tried) {
        int n = candidates.size();
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = i;
        }
        while (size <= n) {
            List<M> set = new ArrayList<>();
            Set<Integer> indices = new java.util.HashSet<>();
            for (int p : pick) {
                set.add(candidates.get(p));
                indices.add(indexOf(candidates.get(p)));
            }
            if (!tried.contains(indices) && java.util.Collections.disjoint(indices, suspects)) {
                return set;
            }
            int i = size - 1;
            while (i >= 0 && pick[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return null;
            }
            pick[i]++;
            for (int j = i + 1; j < size; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
        return null;
    }

    private static int indexOf(Object member) {
        return member instanceof NodeInfo.Member m ? m.index() : (Integer) member;
    }

    /** One attempt: a fresh request id, every participant called in parallel, their answers judged. */
    private Verdict run(List<NodeInfo.Member> participants, String code, String ipfsId, Map<String, Object> jsParams,
                        AuthSig authSig) {
        byte[] requestId = new byte[16];
        RANDOM.nextBytes(requestId);
        List<Integer> indices = participants.stream().map(NodeInfo.Member::index).toList();
        ExecuteRequest request = new ExecuteRequest(Hex.encode(requestId), indices, code, ipfsId, jsParams, authSig);
        List<CompletableFuture<ParticipantAnswer>> calls = new ArrayList<>();
        for (NodeInfo.Member m : participants) {
            NodeConnection node = new NodeConnection(URI.create(m.url()), timeout);
            calls.add(CompletableFuture.supplyAsync(() -> call(m.index(), node, request), pool));
        }
        return Verdict.of(requestId, calls.stream().map(CompletableFuture::join).toList());
    }

    /** One participant's part; whatever it answers (or not) is its answer, read as the gateway reads its peers'. */
    private static ParticipantAnswer call(int index, NodeConnection node, ExecuteRequest request) {
        long start = System.nanoTime();
        try {
            return ParticipantAnswer.success(index, ms(start), node.execute(request));
        } catch (SigilClientException e) {
            return e.status() == 0
                    ? ParticipantAnswer.unreachable(index, ms(start), "node " + index + ": " + e.getMessage())
                    : ParticipantAnswer.problem(index, ms(start), e.status(), e.problem());
        } catch (JsonbException e) {
            return ParticipantAnswer.malformed(index, ms(start), 200);
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
