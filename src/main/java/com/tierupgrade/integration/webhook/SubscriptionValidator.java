package com.tierupgrade.integration.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tierupgrade.history.Kind;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.web.FieldProblem;

/** Checks a subscription request against the dimensions and values of the active rules before anything is stored. */
final class SubscriptionValidator {

    static final int MIN_SECRET = 16;
    private static final int MAX_TEXT = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubscriptionValidator() {
    }

    /** The request as it will be stored (lists never null, secret generated when absent), or InvalidSubscription. */
    static SubscriptionRequest validate(SubscriptionRequest request, Ladders ladders) {
        if (request == null) {
            throw new InvalidSubscription(List.of(new FieldProblem("body", "must be a JSON object with a url")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkUrl(request.url(), problems);
        String secret = request.secret();
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_TEXT)) {
            problems.add(new FieldProblem("secret", "must be " + MIN_SECRET + " to " + MAX_TEXT + " characters"));
        }
        if (request.description() != null && request.description().length() > MAX_TEXT) {
            problems.add(new FieldProblem("description", "must be at most " + MAX_TEXT + " characters"));
        }
        List<String> dimensions = orEmpty(request.dimensions());
        Set<String> known = ladders.all().stream().map(Ladder::dimension).collect(Collectors.toSet());
        for (int i = 0; i < dimensions.size(); i++) {
            if (!known.contains(dimensions.get(i))) {
                problems.add(new FieldProblem("dimensions[" + i + "]", "must be one of " + known.stream().sorted().toList()));
            }
        }
        List<String> kinds = orEmpty(request.kinds());
        List<String> kindNames = Arrays.stream(Kind.values()).map(Kind::name).toList();
        for (int i = 0; i < kinds.size(); i++) {
            if (!kindNames.contains(kinds.get(i))) {
                problems.add(new FieldProblem("kinds[" + i + "]", "must be one of " + kindNames));
            }
        }
        List<String> values = orEmpty(request.values());
        List<Ladder> searched = ladders.all().stream()
                .filter(ladder -> dimensions.isEmpty() || dimensions.contains(ladder.dimension())).toList();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || searched.stream().noneMatch(ladder -> ladder.contains(value))) {
                problems.add(new FieldProblem("values[" + i + "]", "must be a value code of "
                        + (dimensions.isEmpty() ? "a dimension" : "the dimensions " + dimensions) + " in ladders.yaml"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubscription(problems);
        }
        return new SubscriptionRequest(request.url(), secret == null ? newSecret() : secret, request.description(),
                dimensions, kinds, values);
    }

    private static void checkUrl(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "is required"));
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || url.length() > MAX_TEXT) {
                problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
