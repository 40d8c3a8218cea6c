package io.sigil.execute.boundary;

import io.sigil.action.ActionStore;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.verdict.ParticipantAnswer;
import io.sigil.api.verdict.Verdict;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.engine.api.ActionFailure;
import io.sigil.execute.control.ActionCode;
import io.sigil.execute.control.Problems;
import io.sigil.execute.control.RequestId;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerAnswer;
import io.sigil.peer.PeerClient;
import io.sigil.peer.PeerMonitor;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.transport.PeerUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/network/execute}, the gateway: draws a request id and 2t+1 participants (reachable ones first,
 * or the request's own), sends each the per-node request in parallel, and judges their answers ({@link Verdict}):
 * the agreed response with every signature combined and verified, the action's own problem, or why not. A failure
 * of nodes (not of the action) is retried once on another participant set with a new request id when the network
 * has more than 2t+1 nodes and the client did not choose the participants.
 *
 * <p>This node takes part like any other but through a direct call of {@link NodeExecutor}, not over HTTP: its own
 * public URL need not be reachable from itself (a proxy, a NAT), no second request thread is held for it, and its
 * answer is judged exactly like the others' (turned into the same {@link ParticipantAnswer}).
 */
@ApplicationScoped
public class NetworkExecutor {
    private static final Logger LOG = Logger.getLogger(NetworkExecutor.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Type PROBLEM_MAP = new HashMap<String, Object>() { }.getClass().getGenericSuperclass();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject NodeConfig config;
    @Inject NodeExecutor local;
    @Inject PeerClient peers;
    @Inject PeerMonitor monitor;
    @Inject ActionStore actions;
    @Inject AuthSigVerifier authSigs;

    /** The largest request body worth reading (as for the per-node call). */
    public int maxRequestBytes() {
        return local.maxRequestBytes();
    }

    public NetworkExecuteResponse execute(NetworkExecuteRequest request) {
        if (request == null) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        check(request);
        List<Integer> given = request.participants() == null ? null : local.participantsOf(request.participants());
        int size = Math.min(config.network().n(), config.network().signers());
        List<Integer> participants = given != null ? given : choose(size, Set.of());
        Verdict verdict = attempt(request, participants);
        if (verdict instanceof Verdict.Failed f && f.retryable() && given == null && config.network().n() > size) {
            List<Integer> other = choose(size, f.suspects());
            LOG.info(() -> "execute on " + participants + " failed as nodes (" + f.problem().detail()
                    + "); retrying on " + other);
            verdict = attempt(request, other);
        }
        if (verdict instanceof Verdict.Agreed a) {
            return a.response();
        }
        throw Problems.revive(((Verdict.Failed) verdict).problem());
    }

    /** What the gateway can refuse without asking anyone: shape, code size, unknown ipfsId, a bad authSig. */
    private void check(NetworkExecuteRequest request) {
        if ((request.code() == null) == (request.ipfsId() == null)) {
            throw SigilException.malformed("code", "give exactly one of code and ipfsId");
        }
        if (request.code() != null) {
            local.code(request.code(), null);
        } else {
            ActionCode.load(actions, NodeExecutor.cid(request.ipfsId()))
                    .orElseThrow(() -> SigilException.notFound("action " + request.ipfsId()));
        }
        if (request.authSig() != null) {
            authSigs.verify(request.authSig(), "authSig");
        }
    }

    /** {@code size} members: reachable ones first, then the others, each group in random order; suspects last. */
    List<Integer> choose(int size, Set<Integer> suspects) {
        List<Integer> reachable = new ArrayList<>();
        List<Integer> unreachable = new ArrayList<>();
        List<Integer> suspected = new ArrayList<>();
        for (var m : config.network().members()) {
            int i = m.index().value();
            (suspects.contains(i) ? suspected : monitor.isReachable(m.index()) ? reachable : unreachable).add(i);
        }
        Collections.shuffle(reachable, RANDOM);
        Collections.shuffle(unreachable, RANDOM);
        Collections.shuffle(suspected, RANDOM);
        List<Integer> order = new ArrayList<>(reachable);
        order.addAll(unreachable);
        order.addAll(suspected);
        return new ArrayList<>(new TreeSet<>(order.subList(0, size)));
    }

    /**
     * One attempt: a fresh request id, every participant called at once. The peers' calls travel asynchronously
     * while this thread runs this node's own part; their answers are read here once they have all arrived.
     */
    private Verdict attempt(NetworkExecuteRequest request, List<Integer> participants) {
        RequestId requestId = RequestId.random();
        ExecuteRequest perNode = new ExecuteRequest(requestId.hex(), participants, request.code(), request.ipfsId(),
                request.jsParams(), request.authSig());
        long start = System.nanoTime();
        Map<Integer, CompletableFuture<Arrival>> remote = new TreeMap<>();
        for (int index : participants) {
            if (index != config.self().value()) {
                remote.put(index, peers.executeAsync(NodeIndex.of(index), perNode)
                        .handle((answer, failure) -> new Arrival(answer, failure, ms(start))));
            }
        }
        List<ParticipantAnswer> answers = new ArrayList<>();
        if (participants.contains(config.self().value())) {
            answers.add(own(perNode, start));
        }
        remote.forEach((index, call) -> answers.add(remote(index, call.join())));
        answers.sort(Comparator.comparingInt(ParticipantAnswer::index));
        return Verdict.of(requestId.bytes(), answers);
    }

    /** This node's own part: its exceptions are its answer (a PeerUnavailableException here names another node). */
    private ParticipantAnswer own(ExecuteRequest request, long start) {
        int index = config.self().value();
        try {
            return ParticipantAnswer.success(index, ms(start), local.execute(request));
        } catch (SigilException e) {
            return ParticipantAnswer.failure(index, ms(start), Problems.of(e));
        } catch (ActionFailure e) {
            return ParticipantAnswer.failure(index, ms(start), Problems.of(e));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "executing as participant " + index + " failed", e);
            return ParticipantAnswer.failure(index, ms(start), Problems.of(new SigilException(ProblemType.INTERNAL,
                    "node " + index + " failed to handle the request")));
        }
    }

    /** A peer's answer or transport failure, and when it came (ms since the attempt began). */
    private record Arrival(PeerAnswer answer, Throwable failure, long ms) { }

    private static ParticipantAnswer remote(int index, Arrival arrival) {
        if (arrival.failure() == null) {
            return remote(index, arrival.answer(), arrival.ms());
        }
        Throwable cause = arrival.failure() instanceof CompletionException && arrival.failure().getCause() != null
                ? arrival.failure().getCause() : arrival.failure();
        if (cause instanceof PeerUnavailableException down) {
            return ParticipantAnswer.unreachable(index, arrival.ms(), down.detail());
        }
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    /** A peer's HTTP answer as a participant answer; anything that is neither a response nor a problem is a 502. */
    private static ParticipantAnswer remote(int index, PeerAnswer answer, long ms) {
        try {
            if (answer.status() == 200) {
                return ParticipantAnswer.success(index, ms, JSON.fromJson(answer.body(), ExecuteResponse.class));
            }
            return ParticipantAnswer.problem(index, ms, answer.status(), JSON.fromJson(answer.body(), PROBLEM_MAP));
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            return ParticipantAnswer.malformed(index, ms, answer.status());
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
