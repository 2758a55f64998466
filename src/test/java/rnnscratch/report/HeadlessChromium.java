package rnnscratch.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Opens a page in a real browser — Debian's {@code chromium} in headless mode — through the DevTools protocol over a
 * loopback WebSocket ({@link java.net.http.WebSocket}, no library), and reports what a reader would meet: the
 * console errors and uncaught exceptions, the requests the page made beyond itself, and a screenshot.
 *
 * <p>Every wait has a deadline, and the browser and its profile folder are removed at the end.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
    private static final Pattern WS_URL = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private static final Pattern REQUEST_URL = Pattern.compile("\"request\":\\{\"url\":\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"page\"");

    /** What the page did while it loaded. */
    record PageVisit(List<String> errors, List<String> requests, String figureCount, BufferedImage screenshot) {}

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    /** Every message from the browser, in order of arrival. */
    private final LinkedBlockingQueue<String> source;
    private int nextId;

    private HeadlessChromium(Process process, Path profile, WebSocket socket, LinkedBlockingQueue<String> source) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.source = source;
    }

    /** The browser to use: {@code $CHROMIUM}, else {@code /usr/bin/chromium} or {@code chromium} on the PATH. */
    static Optional<Path> find() {
        var candidates = new ArrayList<Path>();
        Optional.ofNullable(System.getenv("CHROMIUM")).ifPresent(c -> candidates.add(Path.of(c)));
        candidates.add(Path.of("/usr/bin/chromium"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser on a blank page, with a fresh profile, and connects to that page. */
    static HeadlessChromium start(Path chromium) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rnn-scratch-chromium-");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=1100,900", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!(Files.exists(portFile) && Files.readString(portFile).contains("\n"))) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new IOException("chromium did not open its DevTools port within " + DEADLINE
                            .toSeconds() + " s (exit " + (process.isAlive() ? "-" : process.exitValue()) + "); "
                            + "its log:\n" + Files.readString(profile.resolve("chromium.log")));
                }
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readString(portFile).lines().findFirst().orElseThrow().strip());
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String pageUrl = "";
            while (pageUrl.isEmpty()) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (String entry : list.split("\\}\\s*,\\s*\\{")) {
                    Matcher m = WS_URL.matcher(entry);
                    if (TYPE.matcher(entry).find() && m.find()) {
                        pageUrl = m.group(1);
                        break;
                    }
                }
                if (pageUrl.isEmpty()) {
                    if (System.nanoTime() > end) {
                        throw new IOException("chromium shows no page to connect to: " + list);
                    }
                    Thread.sleep(100);
                }
            }
            var queue = new LinkedBlockingQueue<String>();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(pageUrl), new Collector(queue)).get(30, TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, socket, queue);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw e;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw new IOException("cannot connect to chromium's DevTools WebSocket: " + e, e);
        }
    }

    /**
     * Opens {@code file}, waits for its load event and a moment more, and returns the console errors, uncaught
     * exceptions and error log entries, the URLs it requested besides itself, how many SVG figures it holds, and a
     * screenshot of the whole page.
     */
    PageVisit visit(Path file) throws IOException, InterruptedException {
        var events = new ArrayList<String>();
        call("Runtime.enable", "{}", events);
        call("Log.enable", "{}", events);
        call("Page.enable", "{}", events);
        call("Network.enable", "{}", events);
        call("Page.navigate", "{\"url\":\"" + file.toAbsolutePath().toUri() + "\"}", events);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (events.stream().noneMatch(e -> e.contains("\"method\":\"Page.loadEventFired\""))) {
            String m = source.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new IOException("the page did not finish loading within " + DEADLINE.toSeconds() + " s");
            }
            events.add(m);
        }
        Thread.sleep(300);
        source.drainTo(events);
        String figures = value(call("Runtime.evaluate", "{\"expression\":\"document.querySelectorAll('figure svg')"
                + ".length\",\"returnByValue\":true}", events));
        String shot = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true}", events);
        Matcher data = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(shot);
        if (!data.find()) {
            throw new IOException("no screenshot in chromium's answer: " + shot.substring(0, Math.min(300,
                    shot.length())));
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.group(1))));
        source.drainTo(events);
        List<String> errors = events.stream().filter(HeadlessChromium::isError).toList();
        String page = file.toAbsolutePath().toUri().toString();
        List<String> requests = events.stream().filter(e -> e.contains("\"method\":\"Network.requestWillBeSent\""))
                .map(e -> {
                    Matcher url = REQUEST_URL.matcher(e);
                    return url.find() ? url.group(1) : e;
                })
                .filter(url -> !url.equals(page) && !url.equals(page.replace("file:///", "file:/")))
                .toList();
        return new PageVisit(errors, requests, figures, image);
    }

    /** A console error or assert, an uncaught exception, or a log entry of level error (a failed fetch, …). */
    private static boolean isError(String event) {
        return event.contains("\"method\":\"Runtime.exceptionThrown\"")
                || (event.contains("\"method\":\"Runtime.consoleAPICalled\"")
                        && (event.contains("\"type\":\"error\"") || event.contains("\"type\":\"assert\"")))
                || (event.contains("\"method\":\"Log.entryAdded\"") && event.contains("\"level\":\"error\""));
    }

    private static String value(String answer) {
        Matcher m = Pattern.compile("\"value\":([^,}]+)").matcher(answer);
        return m.find() ? m.group(1) : "(no value in " + answer + ")";
    }

    /** Sends one command and waits for its answer; events that arrive meanwhile go to {@code events}. */
    private String call(String method, String params, List<String> events) throws IOException, InterruptedException {
        int id = ++nextId;
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String m = source.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new IOException("chromium did not answer " + method + " within " + DEADLINE.toSeconds() + " s");
            }
            Matcher idm = ID.matcher(m);
            if (idm.find() && Integer.parseInt(idm.group(1)) == id) {
                if (m.contains("\"error\":{")) {
                    throw new IOException(method + " failed: " + m);
                }
                return m;
            }
            events.add(m);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // The browser goes away next in any case.
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroy();
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }

    /** Collects whole text messages (the protocol may split one JSON message into several frames). */
    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> queue;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<String> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
