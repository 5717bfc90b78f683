package dev.kelas.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the end-to-end tests: Debian's chromium (env {@code KELAS_CHROMIUM}, default
 * /usr/bin/chromium), headless, driven by Playwright for Java, which never downloads a browser of its own
 * here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}). {@link #servePage} serves an empty page on a loopback
 * port, so a test can run a page of an origin of its choosing.
 */
public final class Browser implements AutoCloseable {
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<HttpServer> servers = new java.util.ArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Starts Playwright's driver and a headless chromium. */
    public static Browser start() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            String binary = System.getenv().getOrDefault("KELAS_CHROMIUM", "/usr/bin/chromium");
            com.microsoft.playwright.Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(binary)).setHeadless(true)
                    // root in CI: chromium's own sandbox needs an unprivileged user namespace per renderer.
                    .setChromiumSandbox(false).setArgs(List.of("--disable-dev-shm-usage", "--disable-gpu")));
            return new Browser(playwright, chromium);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new page in its own browser context (no shared cache, storage or preflight cache). */
    public Page newPage() {
        return chromium.newContext().newPage();
    }

    /**
     * Serves a blank HTML page at {@code http://127.0.0.1:<port>/} until {@link #close()}; 404 elsewhere.
     *
     * @return the page's origin
     */
    public String servePage(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] page = "<!doctype html><html><head><title>Kelas frontend</title></head><body></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            boolean root = "/".equals(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(root ? 200 : 404, root ? page.length : -1);
            if (root) {
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
