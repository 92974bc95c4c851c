package org.rehabmap.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {
    @Test
    void servesTheExtractsFolderOnLoopbackAndNothingElse() throws Exception {
        Path root = Files.createTempDirectory("serve");
        Files.writeString(root.resolve("index.html"), "<p>packs</p>");
        Files.createDirectories(root.resolve("london/2025-06-30"));
        Files.writeString(root.resolve("london/2025-06-30/benchmarks.csv"), "a,b\n");
        Files.createDirectories(root.resolve("london/.2025-07-01.tmp-x"));
        Files.writeString(root.resolve("london/.2025-07-01.tmp-x/report.html"), "half");
        HttpServer server = ServeCommand.start(root, 0);
        try {
            assertTrue(server.getAddress().getAddress().isLoopbackAddress());
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> index = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertEquals("<p>packs</p>", index.body());
            assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            HttpResponse<String> csv = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/london/2025-06-30/benchmarks.csv"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            for (String bad : new String[] {
                "/../../etc/passwd",
                "/london/%2e%2e/%2e%2e/etc/passwd",
                "/london/.2025-07-01.tmp-x/report.html",
                "/nope.html"
            }) {
                assertEquals(
                        404,
                        http.send(
                                        HttpRequest.newBuilder(URI.create(base + bad))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode(),
                        bad);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aSymbolicLinkInsideExtractsDoesNotLeadOutOfIt() throws Exception {
        Path outside = Files.createTempDirectory("serve-outside");
        Files.writeString(outside.resolve("secret.html"), "not for the web");
        Path root = Files.createTempDirectory("serve");
        Files.createDirectories(root.resolve("london/2025-06-30"));
        Files.writeString(root.resolve("london/2025-06-30/report.html"), "<p>pack</p>");
        Files.createSymbolicLink(root.resolve("leak"), outside);
        Files.createSymbolicLink(root.resolve("secret.html"), outside.resolve("secret.html"));
        Files.createSymbolicLink(root.resolve("index.html"), outside.resolve("secret.html"));
        // a link that stays inside is served as what it points at
        Files.createSymbolicLink(root.resolve("latest"), root.resolve("london/2025-06-30"));
        HttpServer server = ServeCommand.start(root, 0);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpClient http = HttpClient.newHttpClient();
            for (String bad : new String[] {"/leak/secret.html", "/secret.html", "/", "/index.html"}) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + bad)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, r.statusCode(), bad + ": " + r.body());
            }
            HttpResponse<String> latest = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/latest/report.html"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, latest.statusCode());
            assertEquals("<p>pack</p>", latest.body());
        } finally {
            server.stop(0);
        }
    }
}
