package com.tierupgrade.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tierupgrade.testing.Endpoints;

/**
 * A reproducible corpus of malformed requests (the same seed gives the same requests): for every endpoint of the
 * service, request lines the service must refuse (matrix parameters, malformed or non-UTF-8 percent-encodings,
 * control characters in the path or a query parameter), hostile path parameters, and for the endpoints that take a
 * body, a valid body broken in one way (cut short, garbage after it, NUL or a lone surrogate in a text, a time
 * PostgreSQL cannot store, a number no sum survives, nesting thousands deep, the wrong JSON type). Every request is
 * invalid by construction: the service must answer 4xx and store nothing.
 */
final class HostileRequests {

    /** One request, exactly as sent. */
    record Request(Endpoints.Endpoint endpoint, String method, String target, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + shown;
        }
    }

    /** Text that breaks a request line, each refused wherever it appears in a path or a query value. */
    private static final List<String> BAD_ENCODINGS = List.of(";x=1", ";", "%00", "%0A", "%0D%0A", "%09", "%7F",
            "%FF", "%C0%AF", "%ED%A0%80", "%E5%8C", "%", "%G1", "%1", "a%00b", "%00%00%00");
    /** The same without the semicolons, which are refused in a path only (in a query they separate nothing). */
    private static final List<String> BAD_QUERY_ENCODINGS = BAD_ENCODINGS.stream().filter(bad -> !bad.contains(";"))
            .toList();
    /** Customer ids outside the alphabet (refused by the id check, not the request line). */
    private static final List<String> BAD_CUSTOMER_IDS = List.of("a%20b", "%E5%8C%97%E4%BA%AC", "a+b", "a,b",
            "a'b", "%22", "%3Cscript%3E", "a%2Bb", "x".repeat(201), "%3D1%2B1", "a%5Cb", "%EF%BF%BD", "~");
    /** Values of known query parameters that are out of range or the wrong type for GET /history. */
    private static final List<String> BAD_HISTORY_QUERIES = List.of("since=-999999999-01-01T00:00:00Z",
            "until=+999999999-12-31T23:59:59Z", "since=0000-01-01", "until=1899-12-31T23:59:59Z", "kind=NOPE",
            "cause=%00", "limit=0", "limit=100000", "after=-1", "after=9999999999999999999999", "nope=1",
            "since=2026-02-30", "dimension=%00", "from=%FF", "customer=a%0Ab", "limit=1&limit=2");
    private static final List<String> FAR_TIMES = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z");
    private static final List<String> HUGE_NUMBERS = List.of("1e308", "-1e308", "1e400", "9".repeat(400),
            "1e16", "-1e16", "123456789012345678901234567890");

    private static final String FACTS = """
            {"attributes": {"region": "北京", "inGroup": true, "balance": 12.5},
             "events": [{"id": "o1", "type": "PURCHASE", "at": "2026-11-01T10:00:00Z", "amount": 300, "brand": "b"},
                        {"id": "r1", "type": "REVIEW", "at": "2026-11-02T10:00:00Z", "rating": 5},
                        {"id": "i1", "type": "INTERACTION", "at": "2026-11-03T10:00:00Z", "kind": "LIKE"}],
             "asOf": "2026-11-20T00:00:00Z"}""";
    private static final String PREVIEW = """
            {"criteria": [{"attribute": "region", "equals": "北京"},
                          {"event": "PURCHASE", "atLeast": 1, "withinDays": 90, "where": {"brand": "b"}}],
             "asOf": "2026-11-20T00:00:00Z", "limit": 10, "after": "c-1"}""";
    private static final String AUDIENCE = """
            {"name": "fuzz", "criteria": [{"event": "PURCHASE", "atLeast": 1, "totalAmountAtLeast": 100,
             "where": {"brand": "b"}}, {"dimension": "tier", "in": ["FOLLOWER"]}]}""";
    /** A file name with a slash is refused before anything compiles, so no draft here reaches the compiler. */
    private static final String DRAFT = """
            {"files": {"a/b.drl": "rule \\"x\\" when then end"}, "version": "abc", "asOf": "2026-11-20T00:00:00Z"}""";
    /** Too short to be accepted whatever happens to it: the tester's password never changes. */
    private static final String PASSWORD = """
            {"password": "short"}""";

    private static final Pattern STRING_VALUE = Pattern.compile(":\\s*\"([^\"\\\\]*)\"");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s?)-?\\d+(\\.\\d+)?(?=[,}\\]])");

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** {@code perEndpoint} requests for every endpoint. */
    List<Request> generate(List<Endpoints.Endpoint> endpoints, int perEndpoint) {
        List<Request> requests = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : endpoints) {
            String base = baseBody(endpoint);
            for (int i = 0; i < perEndpoint; i++) {
                requests.add(one(endpoint, base));
            }
        }
        return requests;
    }

    private Request one(Endpoints.Endpoint endpoint, String base) {
        boolean hasParameter = endpoint.template().contains("{");
        int kind = random.nextInt(base != null ? 4 : hasParameter ? 3 : 2);
        String path = fill(endpoint.template(), this::goodParameter);
        return switch (kind) {
            case 0 -> new Request(endpoint, endpoint.method(), breakPath(path), base);
            case 1 -> new Request(endpoint, endpoint.method(), path + "?" + badQuery(endpoint), base);
            case 2 -> hasParameter
                    ? new Request(endpoint, endpoint.method(), fill(endpoint.template(), this::badParameter), base)
                    : new Request(endpoint, endpoint.method(), path, mutate(base));
            default -> new Request(endpoint, endpoint.method(), path, mutate(base));
        };
    }

    /** Bodies that are valid as they stand; only endpoints that read a body have one. */
    private static String baseBody(Endpoints.Endpoint endpoint) {
        String template = endpoint.template();
        if (template.endsWith("/facts") || template.equals("/evaluations")) {
            return FACTS;
        }
        if (template.equals("/audiences/preview")) {
            return PREVIEW;
        }
        if (template.equals("/audiences") && endpoint.method().equals("POST")) {
            return AUDIENCE;
        }
        if (template.startsWith("/rulesets/") && endpoint.method().equals("POST")) {
            return DRAFT;
        }
        if (template.equals("/users/me/password")) {
            return PASSWORD;
        }
        return null;
    }

    private String goodParameter(String name) {
        return switch (name) {
            case "customerId" -> "fuzz-" + random.nextInt(1000);
            case "id", "entryId" -> String.valueOf(900_000_000 + random.nextInt(1000));
            default -> "fuzz";
        };
    }

    private String badParameter(String name) {
        if (name.equals("customerId") && random.nextBoolean()) {
            return pick(BAD_CUSTOMER_IDS);
        }
        return "a" + pick(BAD_ENCODINGS) + "b";
    }

    private String breakPath(String path) {
        String bad = pick(BAD_ENCODINGS);
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        int at = slashes.get(random.nextInt(slashes.size()));
        int end = path.indexOf('/', at + 1);
        end = end < 0 ? path.length() : end;
        return path.substring(0, end) + bad + path.substring(end);
    }

    private String badQuery(Endpoints.Endpoint endpoint) {
        if (endpoint.template().equals("/history") && random.nextBoolean()) {
            return pick(BAD_HISTORY_QUERIES);
        }
        String name = pick(List.of("after", "limit", "asOf", "since", "until", "customer", "name", "days", "zone",
                "before", "rule", "q"));
        return random.nextInt(4) == 0 ? name + pick(BAD_QUERY_ENCODINGS) + "=1"
                : name + "=x" + pick(BAD_QUERY_ENCODINGS);
    }

    /** The body broken in one way; never the valid body itself. */
    private String mutate(String body) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String broken = switch (random.nextInt(10)) {
                case 0 -> body.substring(0, 1 + random.nextInt(body.length() - 1));
                case 1 -> body + pick(List.of(" {}", " garbage", "}", "]", ",", " null", "\"", " {\"attributes\": {}}"));
                case 2 -> replaceOne(body, STRING_VALUE, m -> ": \"" + insert(m.group(1), "\\u0000") + "\"");
                case 3 -> replaceOne(body, STRING_VALUE, m -> ": \"" + insert(m.group(1), "\\ud800") + "\"");
                case 4 -> replaceOne(body, TIME, m -> pick(FAR_TIMES));
                case 5 -> replaceOne(body, NUMBER, m -> pick(HUGE_NUMBERS));
                case 6 -> pick(List.of("[", "{", "", "[]", "\"text\"", "42", "{\"a\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}", "{\"attributes\": " + "{\"a\":".repeat(3000) + "1"
                        + "}".repeat(3000) + "}"));
                case 7 -> replaceOne(body, STRING_VALUE, m -> ": \"" + "x".repeat(3000 + random.nextInt(3000)) + "\"");
                case 8 -> body.replace("\"region\":", "\"re\\u0000gion\":");
                default -> body.replace("\"", "'");
            };
            if (broken != null && !broken.equals(body) && refusable(body, broken)) {
                return broken;
            }
        }
        return body + " garbage";
    }

    /**
     * Whether the broken body is sure to be refused: a long text is refused only where the text limit of facts
     * applies.
     */
    private static boolean refusable(String body, String broken) {
        return !broken.contains("x".repeat(3000)) || body.equals(FACTS);
    }

    private String replaceOne(String body, Pattern pattern, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(body);
        List<int[]> matches = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        while (matcher.find()) {
            matches.add(new int[] { matcher.start(), matcher.end() });
            replacements.add(replacement.apply(matcher));
        }
        if (matches.isEmpty()) {
            return null;
        }
        int chosen = random.nextInt(matches.size());
        return body.substring(0, matches.get(chosen)[0]) + replacements.get(chosen) + body.substring(matches.get(chosen)[1]);
    }

    private String insert(String text, String what) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private static String fill(String template, Function<String, String> value) {
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(value.apply(parameter.group(1))));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
