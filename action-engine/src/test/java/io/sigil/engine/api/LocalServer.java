package io.sigil.engine.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A local HTTP server on 127.0.0.1 for fetch tests (engines under test set sigil.fetch.allow-private=true). */
public final class LocalServer implements AutoCloseable {

    private final HttpServer server;

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/weather", ex -> send(ex, 200, "application/json",
                "{\"properties\":{\"periods\":[{\"temperature\":42,\"name\":\"Today\"},{\"temperature\":71,\"name\":\"Tomorrow\"}]}}"));
        server.createContext("/price", ex -> send(ex, 200, "application/json",
                "{\"ethereum\":{\"usd\":" + (ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("b") ? "2000" : "1000") + "}}"));
        server.createContext("/text", ex -> send(ex, 200, "text/plain", "plain text ✓"));
        server.createContext("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String header = ex.getRequestHeaders().getFirst("X-Test");
            send(ex, 201, "application/json", "{\"method\":\"" + ex.getRequestMethod() + "\",\"header\":\"" + header
                    + "\",\"body\":" + (body.isEmpty() ? "null" : "\"" + body.replace("\"", "\\\"") + "\"") + "}");
        });
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/weather");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/redirect-out", ex -> {
            ex.getResponseHeaders().add("Location", "http://10.255.255.1/internal");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/missing", ex -> send(ex, 404, "text/plain", "not here"));
        server.createContext("/big", ex -> send(ex, 200, "text/plain", "b".repeat(20_000)));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/plain", "late");
        });
        server.start();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
