package io.sigil.client;

import io.sigil.api.model.ActionStored;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.MintRequest;
import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.Pkp;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One node's HTTP API (API.md), call by call. Problem answers become {@link SigilClientException}s carrying the
 * problem's status, type and detail. {@link NetworkClient} builds on it to talk to a whole network.
 */
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

    /** {@code POST /api/v1/actions}: stores action code; the answer names its CID. */
    public ActionStored uploadAction(String code) {
        return send(request("api/v1/actions").header("Content-Type", "text/javascript")
                .POST(HttpRequest.BodyPublishers.ofString(code)).build(), ActionStored.class);
    }

    /** {@code POST /api/v1/pkps}: mints a PKP by DKG over all nodes. */
    public Pkp mintPkp(MintRequest mint) {
        return post("api/v1/pkps", mint, Pkp.class);
    }

    /** {@code GET /api/v1/pkps/{tokenId}}. */
    public Pkp pkp(String tokenId) {
        return get("api/v1/pkps/" + tokenId, Pkp.class);
    }

    /** {@code POST /api/v1/pkps/{tokenId}/permissions}: an owner-signed change. */
    public Pkp changePermissions(String tokenId, PermissionChangeRequest change) {
        return post("api/v1/pkps/" + tokenId + "/permissions", change, Pkp.class);
    }

    /** {@code POST /api/v1/execute}: runs an action on this node only, as one participant. */
    public ExecuteResponse execute(ExecuteRequest request) {
        return post("api/v1/execute", request, ExecuteResponse.class);
    }

    /** {@code POST /api/v1/network/execute}: lets this node act as the gateway (trusting it to combine). */
    public NetworkExecuteResponse executeThroughGateway(NetworkExecuteRequest request) {
        return post("api/v1/network/execute", request, NetworkExecuteResponse.class);
    }

    /** {@code GET /api/v1/network/encryption-key}: this node's view of the network key (503 until made). */
    public io.sigil.api.model.NetworkEncryptionKey encryptionKey() {
        return get("api/v1/network/encryption-key", io.sigil.api.model.NetworkEncryptionKey.class);
    }

    /** {@code POST /api/v1/decrypt}: this node's decryption share, if the conditions admit the authSig's address. */
    public io.sigil.api.model.DecryptionShareResponse decryptionShare(io.sigil.api.model.DecryptRequest request) {
        return post("api/v1/decrypt", request, io.sigil.api.model.DecryptionShareResponse.class);
    }

    /** {@code POST /api/v1/network/decrypt}: lets this node combine (trusting it with the plaintext's integrity). */
    public io.sigil.api.model.NetworkDecryptResponse decryptThroughGateway(io.sigil.api.model.DecryptRequest request) {
        return post("api/v1/network/decrypt", request, io.sigil.api.model.NetworkDecryptResponse.class);
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

    <T> T post(String path, Object body, Class<T> type) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONB.toJson(body))).build(), type);
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
            throw problem(r);
        }
        return JSONB.fromJson(r.body(), type);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    @SuppressWarnings("unchecked")
    private SigilClientException problem(HttpResponse<String> r) {
        try {
            Map<String, Object> problem = JSONB.fromJson(r.body(), Map.class);
            Object detail = problem.get("detail");
            String type = String.valueOf(problem.get("type"));
            return new SigilClientException(base + ": " + (detail != null ? detail : problem.get("title"))
                    + " (HTTP " + r.statusCode() + ")", r.statusCode(), type, problem);
        } catch (RuntimeException e) {
            return new SigilClientException(base + ": HTTP " + r.statusCode(), r.statusCode());
        }
    }
}
