package com.tierupgrade.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks for tests: it answers 204 and records what it accepted, and on command fails
 * (503), fails the next N requests, or hangs (answers nothing for a while), then recovers.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the body and the headers that matter. */
    public record Received(String body, Map<String, String> headers, boolean accepted) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private enum Mode { ACCEPT, FAIL, HANG }

    private final HttpServer server;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile long hangMillis;
    private volatile long delayMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void accept() {
        mode = Mode.ACCEPT;
    }

    public void fail() {
        mode = Mode.FAIL;
    }

    /** Answers 503 to the next {@code count} requests, then accepts again. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** Accepts, but only after {@code millis}: deliveries stay in flight for a while. */
    public void delay(long millis) {
        delayMillis = millis;
    }

    public void hang(long millis) {
        hangMillis = millis;
        mode = Mode.HANG;
    }

    /** Every request so far, accepted or not, in arrival order. */
    public List<Received> requests() {
        return List.copyOf(requests);
    }

    public List<Received> accepted() {
        List<Received> accepted = new ArrayList<>();
        for (Received received : requests) {
            if (received.accepted()) {
                accepted.add(received);
            }
        }
        return accepted;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Mode now = mode;
        long wait = now == Mode.HANG ? hangMillis : delayMillis;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean fail = now == Mode.FAIL || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        requests.add(new Received(body, headers, !fail && now != Mode.HANG));
        if (fail || now == Mode.HANG) {
            byte[] answer = "receiver unavailable".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, answer.length);
            exchange.getResponseBody().write(answer);
        } else {
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
