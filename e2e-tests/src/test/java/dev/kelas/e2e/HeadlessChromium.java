package dev.kelas.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket from java.net.http):
 * navigate a page and evaluate JavaScript in it, awaiting promises. {@code KELAS_CHROMIUM} names the binary
 * (default /usr/bin/chromium).
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket page;

    private HeadlessChromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** Starts chromium and attaches to its first page. */
    public static HeadlessChromium start() throws Exception {
        Path profile = Files.createTempDirectory("kelas-chromium");
        String binary = System.getenv().getOrDefault("KELAS_CHROMIUM", "/usr/bin/chromium");
        Process process = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
        HeadlessChromium browser = new HeadlessChromium(process, profile);
        try {
            browser.attach(browser.devToolsUrl());
            return browser;
        } catch (Exception e) {
            browser.close();
            throw e;
        }
    }

    private String devToolsUrl() throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find()) {
                        url.complete(matcher.group(1));
                    }
                }
            } catch (Exception ignored) {
                // the browser exited
            }
            url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools address"));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return url.get(60, TimeUnit.SECONDS);
    }

    private void attach(String browserUrl) throws Exception {
        URI browser = URI.create(browserUrl);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                pageUrl = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageUrl == null) {
            throw new IllegalStateException("chromium has no page: " + targets);
        }
        page = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(15, TimeUnit.SECONDS);
    }

    /** Opens a URL in the page and waits until it has loaded. */
    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = evaluate("document.location.href + ' ' + document.readyState");
            if (state.asText().equals(url + " complete")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the page did not load " + url);
    }

    /**
     * Evaluates JavaScript in the page; a promise is awaited.
     *
     * @return its value (JSON)
     * @throws IllegalStateException if it threw or the promise was rejected
     */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        page.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = reply.get(90, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    @Override
    public void close() throws Exception {
        if (page != null) {
            page.abort();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? replies.remove(message.path("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (Exception ignored) {
                    // not for us
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
