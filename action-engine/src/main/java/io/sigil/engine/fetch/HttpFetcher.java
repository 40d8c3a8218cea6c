package io.sigil.engine.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code fetch} over {@link HttpClient}: http and https only, every hop's host checked by {@link AddressPolicy}
 * (redirects are followed here, not by the client, so a redirect cannot lead to a refused address), the body read
 * up to {@code sigil.limits.fetch-body-size}, the whole exchange bounded by the caller's timeout.
 *
 * <p>DNS rebinding: the policy resolves the host just before the client connects; the JVM's positive DNS cache
 * (30 s by default, {@code networkaddress.cache.ttl}) makes the client's own look-up return the addresses checked.
 * Operators who shorten that cache weaken this guard.
 */
public final class HttpFetcher implements Fetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final AddressPolicy policy;
    private final long maxBody;

    public HttpFetcher(AddressPolicy policy, long maxBody) {
        this.policy = policy;
        this.maxBody = maxBody;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Response fetch(Request request, Duration timeout) throws FetchRefused {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new FetchRefused("fetch refused: unsupported method");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(request.url());
        byte[] body = request.body();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            policy.check(uri.getHost());
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new FetchRefused("fetch failed: timed out");
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left));
            for (Map.Entry<String, String> h : request.headers()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    try {
                        b.header(h.getKey(), h.getValue());
                    } catch (IllegalArgumentException e) {
                        throw new FetchRefused("fetch refused: invalid header");
                    }
                }
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new FetchRefused("fetch failed: timed out");
            } catch (IOException e) {
                throw new FetchRefused("fetch failed: connection error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchRefused("fetch failed: interrupted");
            }
            int status = r.statusCode();
            String location = r.headers().firstValue("location").orElse(null);
            if (status >= 300 && status < 400 && location != null && status != 304) {
                drain(r);
                uri = uri.resolve(parse(location));
                if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
                    method = "GET";
                    body = null;
                }
                continue;
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            r.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(Map.entry(k, v))));
            return new Response(status, "", uri.toString(), headers, new String(read(r), StandardCharsets.UTF_8));
        }
        throw new FetchRefused("fetch failed: too many redirects");
    }

    private byte[] read(HttpResponse<InputStream> r) throws FetchRefused {
        try (InputStream in = r.body()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBody + 1));
            if (data.length > maxBody) {
                throw new FetchRefused("fetch failed: response body larger than the limit");
            }
            return data;
        } catch (IOException e) {
            throw new FetchRefused("fetch failed: connection error");
        }
    }

    private static void drain(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.skip(Long.MAX_VALUE);
        } catch (IOException ignored) {
            // the redirect's own body does not matter
        }
    }

    private static URI parse(String url) throws FetchRefused {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() && uri.getHost() == null) {
                return uri; // relative redirect target, resolved by the caller
            }
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new FetchRefused("fetch refused: only http and https URLs");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchRefused("fetch refused: invalid URL");
        }
    }
}
