package io.sigil.client;

import io.sigil.api.model.NodeInfo;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One node's HTTP API. Problem answers become {@link SigilClientException}s carrying the problem's detail. */
public final class NodeConnection {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;
    private final Duration timeout;

    public NodeConnection(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.timeout = timeout;
    }

    public URI base() { return base; }

    /** {@code GET /api/v1/node}. */
    public NodeInfo node() {
        return get("api/v1/node", NodeInfo.class);
    }

    /** Whether {@code /health/ready} says UP; false if the node does not answer. */
    public boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(request("health/ready").GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path).GET().build(), type);
    }

    <T> T send(HttpRequest request, Class<T> type) {
        HttpResponse<String> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SigilClientException(base + " did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigilClientException("interrupted", e);
        }
        if (r.statusCode() >= 400) {
            throw new SigilClientException(problemDetail(r), r.statusCode());
        }
        return JSONB.fromJson(r.body(), type);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    @SuppressWarnings("unchecked")
    private String problemDetail(HttpResponse<String> r) {
        try {
            Map<String, Object> problem = JSONB.fromJson(r.body(), Map.class);
            Object detail = problem.get("detail");
            return "HTTP " + r.statusCode() + ": " + (detail != null ? detail : problem.get("title"));
        } catch (RuntimeException e) {
            return "HTTP " + r.statusCode();
        }
    }
}
