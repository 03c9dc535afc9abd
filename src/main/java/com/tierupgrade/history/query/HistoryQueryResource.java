package com.tierupgrade.history.query;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.rules.engine.ActiveRuleSet;

/**
 * The history of every customer, filtered: who moved to which value, when, under which rules and why. Oldest first,
 * page by page; {@code Accept: text/csv} exports every matching entry at once. Parameters: docs/history.md.
 */
@Tag(name = "History")
@Path("/history")
public class HistoryQueryResource {

    public static final String CSV = "text/csv";

    private final HistorySearch search;
    private final ActiveRuleSet rules;

    HistoryQueryResource(HistorySearch search, ActiveRuleSet rules) {
        this.search = search;
        this.rules = rules;
    }

    /**
     * JSON unless the client asks for CSV before JSON in its Accept header ({@code *}{@code /*} gets JSON, as does
     * no Accept header).
     */
    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8" })
    @Operation(operationId = "queryHistory")
    @APIResponse(responseCode = "200", description = "One page (JSON), or every matching entry (CSV)",
            headers = @Header(name = "Link", description = "<the next page>; rel=\"next\" (JSON, unless the last page)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)),
                @Content(mediaType = CSV + ";charset=UTF-8", schema = @Schema(type = SchemaType.STRING)) })
    public Response history(@Context UriInfo uri, @Context HttpHeaders headers) {
        HistoryQuery query = parse(uri);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (!accepted.isWildcardType() && accepted.isCompatible(MediaType.valueOf(CSV))) {
                return export(query);
            }
        }
        return page(query, uri);
    }

    /** One page; {@code next} (and the {@code Link} header) give the next page with the same filters. */
    private Response page(HistoryQuery query, UriInfo uri) {
        HistoryPage page = search.page(query);
        if (page.after() == null) {
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
        }
        UriBuilder next = UriBuilder.fromPath("/history");
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("after")) {
                next.queryParam(name, values.toArray());
            }
        });
        String link = next.queryParam("after", page.after()).build().toString();
        return Response.ok(new HistoryPage(page.entries(), page.after(), link), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"").build();
    }

    /** Every matching entry after {@code after} (not one page: {@code limit} does not apply), streamed as CSV. */
    private Response export(HistoryQuery query) {
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            HistoryCsv csv = HistoryCsv.start(writer);
            search.forEach(query, csv::row);
            writer.flush();
        };
        return Response.ok(body, CSV + ";charset=UTF-8").header("Content-Disposition", "attachment; filename=\"history.csv\"").build();
    }

    private HistoryQuery parse(UriInfo uri) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        return HistoryQueryParser.parse(parameters, rules.current().ladders());
    }
}
