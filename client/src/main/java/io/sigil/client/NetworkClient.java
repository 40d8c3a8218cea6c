package io.sigil.client;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NetworkExecuteResponse.NodeOutcome;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.SignedShare;
import io.sigil.api.model.SignedShares;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hex;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A whole network, as a client that trusts no single node: it learns the members from any node, runs an action on
 * 2t+1 participants itself (the per-node {@code /api/v1/execute} of each), checks they agree, combines every
 * signature from their shares and verifies it against the PKP. If a node fails (down, or a share that does not
 * combine) and the network has more than 2t+1 nodes, it retries with another participant set, in the spirit of
 * MicroProfile Fault Tolerance's bounded retry (at most {@link #MAX_ATTEMPTS} sets).
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
     * @throws SigilClientException with the action's own problem if the action failed or was refused, or a 503-like
     *         failure naming the nodes if too few participants answered
     */
    public NetworkExecuteResponse execute(String code, String ipfsId, Map<String, Object> jsParams, AuthSig authSig) {
        NodeInfo info = entry.node();
        int signers = Math.min(info.network().signers(), info.network().n());
        List<NodeInfo.Member> candidates = new ArrayList<>(info.network().nodes());
        candidates.sort(Comparator.comparing((NodeInfo.Member m) -> !m.reachable()).thenComparingInt(NodeInfo.Member::index));
        Set<Integer> down = new LinkedHashSet<>();
        Set<Set<Integer>> tried = new LinkedHashSet<>();
        SigilClientException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<NodeInfo.Member> participants = nextSet(candidates, signers, down, tried);
            if (participants == null) {
                break;
            }
            tried.add(participants.stream().map(NodeInfo.Member::index).collect(java.util.stream.Collectors.toSet()));
            Attempt result = run(participants, code, ipfsId, jsParams, authSig);
            if (result.response != null) {
                return result.response;
            }
            last = result.failure;
            if (result.actionFailure) {
                throw result.failure;
            }
            down.addAll(result.suspects);
        }
        throw last != null ? last : new SigilClientException("fewer than " + signers + " nodes can take part", 503);
    }

    /**
     * The first participant set (in the candidates' order: reachable nodes first) not tried yet and without a node
     * that failed. A set whose shares did not combine is not retried as a whole; since a bad share cannot be traced
     * to its node (THRESHOLD.md: detect-only), the next sets swap members one at a time.
     */
    static <M> List<M> nextSet(List<M> candidates, int size, Set<Integer> down, Set<Set<Integer>> tried) {
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
            if (!tried.contains(indices) && java.util.Collections.disjoint(indices, down)) {
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

    private record Attempt(NetworkExecuteResponse response, SigilClientException failure, boolean actionFailure,
                           Set<Integer> suspects) { }

    private Attempt run(List<NodeInfo.Member> participants, String code, String ipfsId, Map<String, Object> jsParams,
                        AuthSig authSig) {
        byte[] requestId = new byte[16];
        RANDOM.nextBytes(requestId);
        List<Integer> indices = participants.stream().map(NodeInfo.Member::index).toList();
        ExecuteRequest request = new ExecuteRequest(Hex.encode(requestId), indices, code, ipfsId, jsParams, authSig);
        Map<Integer, CompletableFuture<ExecuteResponse>> calls = new TreeMap<>();
        Map<Integer, Long> started = new TreeMap<>();
        Map<Integer, Long> ms = new TreeMap<>();
        for (NodeInfo.Member m : participants) {
            NodeConnection node = new NodeConnection(URI.create(m.url()), timeout);
            started.put(m.index(), System.nanoTime());
            calls.put(m.index(), CompletableFuture.supplyAsync(() -> node.execute(request), pool)
                    .whenComplete((r, e) -> ms.put(m.index(), (System.nanoTime() - started.get(m.index())) / 1_000_000)));
        }
        Map<Integer, ExecuteResponse> answers = new TreeMap<>();
        Map<Integer, SigilClientException> failures = new TreeMap<>();
        calls.forEach((index, call) -> {
            try {
                answers.put(index, call.join());
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failures.put(index, cause instanceof SigilClientException s ? s
                        : new SigilClientException("node " + index + " failed", cause));
            }
        });
        List<NodeOutcome> outcomes = new ArrayList<>();
        calls.keySet().forEach(i -> outcomes.add(new NodeOutcome(i, answers.containsKey(i), ms.getOrDefault(i, 0L))));
        if (!failures.isEmpty()) {
            SigilClientException first = failures.values().iterator().next();
            boolean actionOutcome = failures.values().stream().allMatch(SigilClientException::isActionOutcome);
            return new Attempt(null, first, actionOutcome, actionOutcome ? Set.of() : failures.keySet());
        }
        Set<String> responses = new LinkedHashSet<>();
        answers.values().forEach(a -> responses.add(a.response()));
        if (responses.size() != 1) {
            return new Attempt(null, new SigilClientException("the participants disagree on the response", 502),
                    true, Set.of());
        }
        ExecuteResponse any = answers.values().iterator().next();
        Map<String, CombinedSignature> signatures = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        answers.values().forEach(a -> names.addAll(a.signedData() == null ? Set.of() : a.signedData().keySet()));
        for (String name : names) {
            List<SignedShare> shares = new ArrayList<>();
            for (Map.Entry<Integer, ExecuteResponse> a : answers.entrySet()) {
                SignedShare share = a.getValue().signedData() == null ? null : a.getValue().signedData().get(name);
                if (share == null) {
                    return new Attempt(null, new SigilClientException("node " + a.getKey() + " gave no share for "
                            + name, 502), false, Set.of(a.getKey()));
                }
                shares.add(share);
            }
            try {
                signatures.put(name, SignedShares.combine(requestId, shares));
            } catch (CryptoException | IllegalArgumentException e) {
                // detect-only (THRESHOLD.md): a bad share cannot be traced to its node; try other participants
                return new Attempt(null, new SigilClientException("the signature shares for " + name
                        + " do not combine into a valid signature", 502), false, Set.of());
            }
        }
        return new Attempt(new NetworkExecuteResponse(any.response(), any.logs(), signatures, outcomes), null, false, Set.of());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
