package com.tierupgrade.integration.kafka;

import java.time.Instant;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.facts.CustomerIds;
import com.tierupgrade.facts.EventTypes;
import com.tierupgrade.facts.FactLimits;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.InvalidFacts;
import com.tierupgrade.facts.ValidFacts;

/** Reads one facts message: the key is the customer id, the value the JSON body of POST /customers/{id}/facts. */
final class FactsMessage {

    /** A message the service cannot accept, whatever it retries; it goes to the dead-letter topic. */
    static final class Unacceptable extends Exception {

        Unacceptable(String reason) {
            super(reason);
        }
    }

    private FactsMessage() {
    }

    static ValidFacts read(ObjectMapper json, String customerId, String value, Instant now, FactLimits limits,
            EventTypes types)
            throws Unacceptable {
        if (customerId == null) {
            throw new Unacceptable("The message has no key: the key must be the customer id");
        }
        var badId = CustomerIds.problem(customerId);
        if (badId.isPresent()) {
            throw new Unacceptable("The key is not a valid customer id: " + badId.get());
        }
        if (value == null) {
            throw new Unacceptable("The message has no value: it must be the facts as JSON");
        }
        FactsRequest request;
        try {
            request = json.readValue(value, FactsRequest.class);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new Unacceptable("Malformed JSON" + (location == null ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new Unacceptable("The value must be a JSON object");
        }
        try {
            return FactsValidator.validate(request, now, limits, types);
        } catch (InvalidFacts e) {
            throw new Unacceptable("The facts are not valid: " + e.problems().stream()
                    .map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
        }
    }
}
