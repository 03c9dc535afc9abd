package com.tierupgrade.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses, before any resource sees it, a request line that could be read as something else: a path with matrix
 * parameters ({@code /customers/victim;evil=1/facts} would otherwise reach customer {@code victim}), a
 * percent-encoding that is malformed or not UTF-8 ({@code %FF} and {@code %C0%AF} would both become U+FFFD and
 * collide), and control characters (NUL, line breaks) in the path or in a query parameter. Each is a 400 naming
 * the part of the request.
 */
public class RequestLine {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(HttpServerRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? "" : uri.substring(question + 1);
        return problem(path, query).map(RequestLine::refuse);
    }

    static Optional<FieldProblem> problem(String path, String query) {
        if (path.indexOf(';') >= 0) {
            return Optional.of(new FieldProblem("path", "must not contain ';' (matrix parameters are not accepted)"));
        }
        Optional<String> pathProblem = decodedProblem(path);
        if (pathProblem.isPresent()) {
            return Optional.of(new FieldProblem("path", pathProblem.get()));
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> nameProblem = decodedProblem(name);
            if (nameProblem.isPresent()) {
                return Optional.of(new FieldProblem("query", "parameter names " + nameProblem.get()
                        .replace("must", "must each")));
            }
            if (equals >= 0) {
                Optional<String> valueProblem = decodedProblem(pair.substring(equals + 1));
                if (valueProblem.isPresent()) {
                    return Optional.of(new FieldProblem(decode(name).orElse("query"), valueProblem.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The problem with a raw path or query part, once percent-decoded, or empty. */
    private static Optional<String> decodedProblem(String raw) {
        Optional<String> decoded = decode(raw);
        if (decoded.isEmpty()) {
            return Optional.of("must be percent-encoded UTF-8 (a '%' must start %XX, and the bytes be UTF-8)");
        }
        if (Text.hasControlCharacter(decoded.get())) {
            return Optional.of("must not contain control characters (NUL, tab, line breaks)");
        }
        return Optional.empty();
    }

    /** Strict percent-decoding ({@code +} is left as it is): empty when malformed or not UTF-8. */
    static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Response refuse(FieldProblem problem) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(400, "Bad Request", "The request line is not valid", List.of(problem)))
                .build();
    }
}
