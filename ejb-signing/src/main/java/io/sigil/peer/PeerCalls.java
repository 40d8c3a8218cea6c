package io.sigil.peer;

import io.sigil.api.model.NodeInfo;

import io.sigil.transport.Envelope;
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
 * The two HTTP calls a node makes to a peer, with MicroProfile Fault Tolerance: a timeout and a short, bounded
 * retry for transient failures. A peer that answers with a 4xx refused the call: that is final, never retried.
 * The circuit breaker is per peer and lives in {@link PeerClient}: MicroProfile's {@code @CircuitBreaker} keeps
 * one state per method, so one dead peer would cut this node off from all of them.
 */
@ApplicationScoped
public class PeerCalls {
    private Client client;

    @PostConstruct
    void init() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
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

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = PeerRefusedException.class)
    public void deliver(URI base, Envelope envelope) {
        try (Response r = client.target(base).path("internal/v1/messages").request()
                .post(Entity.entity(envelope, MediaType.APPLICATION_JSON))) {
            if (r.getStatus() != 204 && r.getStatus() != 200) {
                throw failure(r.getStatus());
            }
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

    /** A peer's decryption share ({@code POST /api/v1/decrypt}); a 4xx is its refusal (never retried). */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRefusedException.class)
    public io.sigil.api.model.DecryptionShareResponse decryptionShare(URI base, io.sigil.api.model.DecryptRequest request) {
        try (Response r = client.target(base).path("api/v1/decrypt").request(MediaType.APPLICATION_JSON)
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
