package io.sigil.peer;

import io.sigil.api.model.ExecuteRequest;
import io.sigil.node.Durations;
import io.sigil.transport.Envelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calls on the hot path of every signature, on one shared asynchronous {@link HttpClient} with kept-alive
 * connections: protocol envelopes to {@code POST /internal/v1/messages} of a peer (a threshold signature is about a
 * dozen of them per node) and the gateway's {@code POST /api/v1/execute} to each participant. Being asynchronous, a
 * broadcast or a fan-out holds no thread per recipient. The JAX-RS client with MicroProfile Fault Tolerance
 * ({@link PeerCalls}) cost several times the CPU per call (client filters, the interceptor chain, a timeout thread
 * and managed-executor context capture per call), measured with the {@code SigningLoad} benchmark.
 *
 * <p>Envelopes keep the same policy: a connect and a per-attempt timeout, at most {@link #RETRIES} retries after a
 * short jittered delay for transport failures and 5xx, never for a 4xx (the peer refused: final,
 * {@link PeerRefusedException}). Execute is never retried (see {@link #execute}).
 */
@ApplicationScoped
public class PeerMessages {
    static final int RETRIES = 2;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final long RETRY_DELAY_MS = 100;
    /** A participant's answer to execute: response, logs and shares, each capped well below this by the engine. */
    static final int MAX_EXECUTE_ANSWER = 4 * 1024 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * How long the gateway waits for a participant's answer to execute: over the default wall time (30 s) plus
     * slack; raise it with {@code sigil.limits.wall-time}.
     */
    @Inject @ConfigProperty(name = "sigil.gateway.participant-timeout", defaultValue = "120s")
    String participantTimeout;

    private HttpClient http;
    private Duration executeTimeout;

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
        executeTimeout = Durations.parse(participantTimeout);
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

    /**
     * {@code POST /api/v1/execute} on a participant (the gateway's fan-out): completes with any HTTP answer as it is
     * (problems included, the body capped at {@link #MAX_EXECUTE_ANSWER}), or exceptionally with the transport
     * failure. Never retried: a second delivery would run the action again under the same request id, whose signing
     * sessions the first run may already have used; the gateway retries a whole request instead, with a new id.
     */
    public CompletableFuture<PeerAnswer> execute(URI base, ExecuteRequest request) {
        HttpRequest post = HttpRequest.newBuilder(base.resolve("api/v1/execute"))
                .timeout(executeTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(request)))
                .build();
        return http.sendAsync(post, info -> new CappedBody(MAX_EXECUTE_ANSWER))
                .thenApply(r -> new PeerAnswer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8)));
    }

    /** Collects a body up to {@code cap} bytes; a longer one is cancelled and fails the call. */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final List<ByteBuffer> parts = new ArrayList<>();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private int size;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                size += b.remaining();
                parts.add(b);
            }
            if (size > cap) {
                parts.clear();
                subscription.cancel();
                body.completeExceptionally(new AnswerTooLarge(cap));
            }
        }

        /** The peer sent more than the cap (PeerClient describes it in words). */
        static final class AnswerTooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            AnswerTooLarge(int cap) {
                super("the answer exceeds " + cap + " bytes");
            }
        }

        @Override
        public void onError(Throwable failure) {
            parts.clear();
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) {
                return;
            }
            byte[] all = new byte[size];
            int at = 0;
            for (ByteBuffer b : parts) {
                int n = b.remaining();
                b.get(all, at, n);
                at += n;
            }
            parts.clear();
            body.complete(all);
        }
    }
}
