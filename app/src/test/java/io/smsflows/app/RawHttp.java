package io.smsflows.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Raw HTTP for tests that send what a client library would not: broken JSON, wrong types, chunked bodies. */
final class RawHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String contentType, String body) {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String authorization, String contentType, String body) {
        return send(method, path, authorization, contentType, body, false);
    }

    /** {@code chunked}: no Content-Length, the body streams (as an upload of unknown size does). */
    Response send(String method, String path, String authorization, String contentType, String body,
                  boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header(authorization.startsWith("smsf_") ? "X-API-Key" : "Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        request.method(method, publisher);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
