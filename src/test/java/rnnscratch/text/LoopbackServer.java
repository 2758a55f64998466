package rnnscratch.text;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on 127.0.0.1 (a free port) standing in for d2l's download server, so that download tests never
 * touch the network. It answers every request with fixed bytes, with an HTTP error, or not at all (until closed).
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackServer(int status, byte[] body, boolean answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                if (!answer) {
                    closed.await(30, TimeUnit.SECONDS);
                    return;
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** Answers every request with HTTP 200 and these bytes. */
    public static LoopbackServer serving(byte[] body) throws IOException {
        return new LoopbackServer(200, body, true);
    }

    /** Answers every request with this HTTP status and no body. */
    public static LoopbackServer failingWith(int status) throws IOException {
        return new LoopbackServer(status, new byte[0], true);
    }

    /** Accepts connections but never answers. */
    public static LoopbackServer silent() throws IOException {
        return new LoopbackServer(200, new byte[0], false);
    }

    /** A URL on a loopback port where nothing listens: connecting is refused. */
    public static URI refusing() throws IOException {
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/timemachine.txt");
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/timemachine.txt");
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
