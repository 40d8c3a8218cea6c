package io.sigil.peer;

import io.sigil.transport.Envelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Posts protocol envelopes to {@code POST /internal/v1/messages} of a peer: the hot path of every protocol (a
 * threshold signature is about a dozen of them per node). It runs on one shared {@link HttpClient} with kept-alive
 * connections and is asynchronous, so a broadcast needs no thread per recipient. The JAX-RS client with
 * MicroProfile Fault Tolerance ({@link PeerCalls}) cost several times the CPU per message (client filters, the
 * interceptor chain, a timeout thread and managed-executor context capture per call), measured with the
 * {@code SigningLoad} benchmark; the policy is the same: a connect and a per-attempt timeout, at most
 * {@link #RETRIES} retries after a short jittered delay for transport failures and 5xx, never for a 4xx (the peer
 * refused: final, {@link PeerRefusedException}).
 */
@ApplicationScoped
public class PeerMessages {
    static final int RETRIES = 2;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final long RETRY_DELAY_MS = 100;
    private static final Jsonb JSON = JsonbBuilder.create();

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                // completions run on the client's selector thread: they only wake the sender or retry, and a hand-off
                // to a worker pool per message cost more CPU than the work itself
                .executor(Runnable::run)
                .build();
    }

    /**
     * Delivers {@code envelope} to the node at {@code base}; completes when the peer accepted it, or exceptionally
     * with {@link PeerRefusedException} (4xx) or the last transport failure.
     */
    public CompletableFuture<Void> deliver(URI base, Envelope envelope) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("internal/v1/messages"))
                .timeout(ATTEMPT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(envelope)))
                .build();
        return attempt(request, 0);
    }

    private CompletableFuture<Void> attempt(HttpRequest request, int retry) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> {
                    int status = response.statusCode();
                    if (status == 200 || status == 204) {
                        return (Void) null;
                    }
                    throw status >= 400 && status < 500
                            ? new PeerRefusedException(status)
                            : new CompletionException(new IOException("HTTP " + status));
                })
                .handle((ok, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof PeerRefusedException || retry >= RETRIES) {
                        return CompletableFuture.<Void>failedFuture(cause);
                    }
                    long delay = RETRY_DELAY_MS + ThreadLocalRandom.current().nextLong(RETRY_DELAY_MS / 2);
                    return CompletableFuture.supplyAsync(() -> request,
                                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(r -> attempt(r, retry + 1));
                })
                .thenCompose(f -> f);
    }
}
