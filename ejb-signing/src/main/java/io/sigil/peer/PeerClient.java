package io.sigil.peer;

import io.sigil.api.model.NodeInfo;

import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.transport.Envelope;
import io.sigil.transport.PeerUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Calls to peers by node index: resolves the peer's URL, guards each peer with its own {@link PeerCircuit}, and
 * turns every failure into a {@link PeerUnavailableException} that names the peer. Logs when a peer's circuit
 * opens (the peer failed repeatedly) and when it recovers.
 */
@ApplicationScoped
public class PeerClient {
    private static final Logger LOG = Logger.getLogger(PeerClient.class.getName());

    @Inject NodeConfig config;
    @Inject PeerCalls calls;
    @Inject PeerMessages messages;

    private final Map<NodeIndex, PeerCircuit> circuits = new ConcurrentHashMap<>();

    /** Delivers a signed envelope to the peer it is addressed to, waiting until it is accepted. */
    public void deliver(NodeIndex to, Envelope envelope) {
        await(deliverAsync(to, envelope));
    }

    /**
     * Delivers a signed envelope without holding a thread while it travels; the future fails with a
     * {@link PeerUnavailableException} naming the peer.
     */
    public CompletableFuture<Void> deliverAsync(NodeIndex to, Envelope envelope) {
        return callAsync(to, "did not accept a " + envelope.protocol() + " message",
                url -> messages.deliver(url, envelope));
    }

    /** Asks a peer to describe itself ({@code GET /api/v1/node}). */
    public NodeInfo nodeInfo(NodeIndex peer) {
        return call(peer, "did not describe itself", calls::nodeInfo);
    }

    /**
     * Runs an action on a participant ({@code POST /api/v1/execute}) without holding a thread while it runs; every
     * HTTP answer, problems included, is an answer (the circuit counts it as the peer being up), only a transport
     * failure fails the future, with a {@link PeerUnavailableException}.
     */
    public CompletableFuture<PeerAnswer> executeAsync(NodeIndex peer, io.sigil.api.model.ExecuteRequest request) {
        return callAsync(peer, "did not answer the execute request", url -> messages.execute(url, request));
    }

    /** Asks a peer for its decryption share; {@link PeerUnavailableException} if it is down or refuses. */
    public io.sigil.api.model.DecryptionShareResponse decryptionShare(NodeIndex peer,
                                                                       io.sigil.api.model.DecryptRequest request) {
        return call(peer, "gave no decryption share", url -> calls.decryptionShare(url, request));
    }

    private <T> CompletableFuture<T> callAsync(NodeIndex peer, String what, Function<URI, CompletableFuture<T>> call) {
        URI url;
        PeerCircuit circuit;
        long now = System.currentTimeMillis();
        try {
            url = config.network().member(peer).url();
            circuit = open(peer, now);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.apply(url).handle((result, failure) -> {
            if (failure == null) {
                recovered(peer, url, circuit);
                return result;
            }
            throw failed(peer, url, circuit, what, now,
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
        });
    }

    /** A blocking call under the same circuit and failure words as {@link #callAsync}; it runs on this thread. */
    private <T> T call(NodeIndex peer, String what, Function<URI, T> call) {
        return await(callAsync(peer, what, url -> {
            try {
                return CompletableFuture.completedFuture(call.apply(url));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }));
    }

    private static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The peer's circuit, if it lets a call through now. */
    private PeerCircuit open(NodeIndex peer, long now) {
        PeerCircuit circuit = circuits.computeIfAbsent(peer, k -> new PeerCircuit());
        if (!circuit.allows(now)) {
            throw new PeerUnavailableException(peer, "is unavailable (it failed repeatedly; retrying shortly)");
        }
        return circuit;
    }

    private static void recovered(NodeIndex peer, URI url, PeerCircuit circuit) {
        if (circuit.succeeded()) {
            LOG.info(() -> "node " + peer + " (" + url + ") answers again");
        }
    }

    /** Records a failed call and says why, naming the peer; a refusal (4xx) shows that the peer is up. */
    private static PeerUnavailableException failed(NodeIndex peer, URI url, PeerCircuit circuit, String what,
                                                   long now, Throwable e) {
        if (e instanceof PeerRefusedException refused) {
            circuit.succeeded();
            LOG.warning(() -> "node " + peer + " (" + url + ") " + what + ": HTTP " + refused.status());
            return new PeerUnavailableException(peer, what + " (HTTP " + refused.status() + ")");
        }
        String why = describe(e);
        if (circuit.failed(now)) {
            LOG.warning(() -> "node " + peer + " (" + url + ") " + what + ": " + why
                    + "; treating it as down for " + PeerCircuit.OPEN_MS + " ms");
        } else {
            LOG.fine(() -> "node " + peer + " (" + url + ") " + what + ": " + why);
        }
        return new PeerUnavailableException(peer, what + " (" + why + ")");
    }

    /** A short cause for logs and problem details: exception types and transport messages, never payloads. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        return switch (name) {
            case "ConnectException" -> "connection refused";
            // java.net.http's words for a peer that went away mid-call
            case "ClosedChannelException", "EOFException" -> "connection closed";
            case "SocketTimeoutException", "TimeoutException", "HttpTimeoutException", "HttpConnectTimeoutException" ->
                    "timed out";
            case "UnknownHostException" -> "unknown host";
            case "AnswerTooLarge" -> "answered more than " + PeerMessages.MAX_EXECUTE_ANSWER / (1024 * 1024) + " MiB";
            default -> {
                // a short cause, never a Java type name: answers must not show internals
                String cause = name.replace("Exception", "").replace("Error", "");
                yield cause.isEmpty() ? "failed" : "failed: " + cause;
            }
        };
    }
}
