package io.sigil.peer;

import io.sigil.api.model.NodeInfo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The HTTP calls a node makes to a peer, with MicroProfile Fault Tolerance: a timeout and a short, bounded
 * retry for transient failures. A peer that answers with a 4xx refused the call: that is final, never retried.
 * The circuit breaker is per peer and lives in {@link PeerClient}: MicroProfile's {@code @CircuitBreaker} keeps
 * one state per method, so one dead peer would cut this node off from all of them.
 */
@ApplicationScoped
public class PeerCalls {
    /** How long a decryption share may take: it may wait for an action condition, over the default wall time. */
    static final int SHARE_TIMEOUT_S = 120;

    private Client client;
    /** For decryption shares: the other calls' 10 s read timeout would cut off an action condition. */
    private Client shareClient;

    @PostConstruct
    void init() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build();
        // one knob for both: the Fault Tolerance override of decryptionShare's timeout also lengthens the socket's
        long shareTimeout = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(PeerCalls.class.getName() + "/decryptionShare/Timeout/value", Long.class)
                .orElse((long) SHARE_TIMEOUT_S);
        shareClient = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(shareTimeout + 5, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
        shareClient.close();
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRefusedException.class)
    public NodeInfo nodeInfo(URI base) {
        try (Response r = client.target(base).path("api/v1/node").request(MediaType.APPLICATION_JSON).get()) {
            if (r.getStatus() != 200) {
                throw failure(r.getStatus());
            }
            return r.readEntity(NodeInfo.class);
        }
    }

    /** A peer's copy of an action's code, or null if it has none; the caller checks it against the CID. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRefusedException.class)
    public byte[] action(URI base, String cid, long maxBytes) {
        try (Response r = client.target(base).path("api/v1/actions").path(cid).request().get()) {
            if (r.getStatus() == 404) {
                return null;
            }
            if (r.getStatus() != 200) {
                throw failure(r.getStatus());
            }
            if (r.getLength() > maxBytes) {
                return null;
            }
            try (java.io.InputStream in = r.readEntity(java.io.InputStream.class)) {
                byte[] code = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return code.length > maxBytes ? null : code;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("reading the action failed", e);
            }
        }
    }

    /**
     * A peer's decryption share ({@code POST /api/v1/decrypt}); a 4xx is its refusal (never retried). On the long
     * client: a share may wait for an action condition, which runs as long as an action may. With a
     * {@code sigil.limits.wall-time} over 2 minutes, raise {@code io.sigil.peer.PeerCalls/decryptionShare/Timeout/value}
     * (seconds) by MicroProfile Config.
     */
    @Timeout(value = SHARE_TIMEOUT_S, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRefusedException.class)
    public io.sigil.api.model.DecryptionShareResponse decryptionShare(URI base,
                                                                       io.sigil.api.model.DecryptRequest request) {
        try (Response r = shareClient.target(base).path("api/v1/decrypt").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(request, MediaType.APPLICATION_JSON))) {
            if (r.getStatus() != 200) {
                throw failure(r.getStatus());
            }
            return r.readEntity(io.sigil.api.model.DecryptionShareResponse.class);
        }
    }

    private static RuntimeException failure(int status) {
        return status >= 400 && status < 500
                ? new PeerRefusedException(status)
                : new IllegalStateException("HTTP " + status);
    }
}
