package org.rehabmap.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.rehabmap.config.ConfigError;
import org.rehabmap.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(
        name = "serve",
        description = "Serve the extracts folder (packs and their index page) on 127.0.0.1 until stopped.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "port on 127.0.0.1 (default 8000)")
    int port;

    @Mixin
    CommonOptions common;

    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "csv",
            "text/csv; charset=utf-8",
            "json",
            "application/json",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "png",
            "image/png",
            "svg",
            "image/svg+xml");

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ConfigError("--port must be 0–65535, got " + port);
        }
        Settings s = common.settings();
        Path root = Path.of(s.location("paths.extracts"));
        if (!Files.isDirectory(root)) {
            throw new ConfigError("no extracts yet in " + root + " (run: scripts/rehabmap run publish)");
        }
        HttpServer server = start(root, port);
        System.out.println("serving " + root + " on http://127.0.0.1:"
                + server.getAddress().getPort() + "/ (Ctrl-C stops)");
        new CountDownLatch(1).await();
        return Main.OK;
    }

    /** Starts a read-only static file server for {@code root} on loopback (port 0 = any free port). */
    public static HttpServer start(Path root, int port) throws IOException {
        Path base = root.toRealPath();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", ex -> {
            try (ex) {
                handle(base, ex);
            }
        });
        server.start();
        return server;
    }

    private static void handle(Path base, HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            send(ex, 405, "text/plain", "method not allowed\n".getBytes());
            return;
        }
        String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
        Path f = base.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!servable(base, f)) {
            send(ex, 404, "text/plain", "not found\n".getBytes());
            return;
        }
        if (Files.isDirectory(f)) {
            f = f.resolve("index.html");
        }
        if (!Files.isRegularFile(f)) {
            send(ex, 404, "text/plain", "not found\n".getBytes());
            return;
        }
        // normalize() reads only the name: a symbolic link inside extracts/ may still lead out of it
        Path real = f.toRealPath();
        if (!servable(base, real)) {
            send(ex, 404, "text/plain", "not found\n".getBytes());
            return;
        }
        String name = f.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(real));
    }

    /** Nothing outside the extracts folder, and no hidden half-written packs. */
    private static boolean servable(Path base, Path f) {
        return f.startsWith(base) && !base.relativize(f).toString().matches("(^|.*/)\\..*");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
