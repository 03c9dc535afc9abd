package com.tierupgrade.audience;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.web.CsvField;
import com.tierupgrade.web.FieldProblem;

/** Marketers compose audiences from criteria, preview them, save them, and export their customer ids. */
@Tag(name = "Audiences")
@Path("/audiences")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final AudienceSearch search;
    private final SavedAudiences saved;
    private final ActiveRuleSet rules;

    AudienceResource(AudienceSearch search, SavedAudiences saved, ActiveRuleSet rules) {
        this.search = search;
        this.saved = saved;
        this.rules = rules;
    }

    /** How many customers match the criteria now (or at {@code asOf}), and the first page of their ids. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "PreviewRequest")))
    public Preview preview(JsonNode body) {
        return search.preview(CriteriaParser.preview(body, Instant.now(), rules.current().events()));
    }

    /** Saves an audience for later exports. Saved audiences never change: save a new one for a change. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(schema = @Schema(ref = "AudienceRequest")))
    @APIResponseSchema(value = AudienceView.class, responseCode = "201",
            responseDescription = "Saved; Location names it")
    public Response save(JsonNode body) {
        AudienceView audience = saved.save(CriteriaParser.save(body, Instant.now(), rules.current().events()));
        return Response.created(URI.create("/audiences/" + audience.id())).entity(audience).build();
    }

    /** Saved audiences, oldest first; pass the last id seen as {@code after} for the next page. */
    @GET
    public List<AudienceView> list(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        requirePageSize(limit);
        return saved.list(after, limit);
    }

    @GET
    @Path("/{id}")
    public AudienceView audience(@RestPath long id) {
        return find(id);
    }

    /** A page of the saved audience's customers at {@code asOf} (now when absent), with the count. */
    @GET
    @Path("/{id}/customers")
    public Preview customers(@RestPath long id, @QueryParam("asOf") String asOf, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        requirePageSize(limit);
        AudienceQuery query = new AudienceQuery(CriteriaParser.stored(find(id).criteria(), rules.current().events()),
                CriteriaParser.asOfParameter(asOf, Instant.now()));
        return search.preview(new Preview.Request(query, limit, after));
    }

    /** Every customer id of the saved audience at {@code asOf} (now when absent), as CSV, streamed. */
    @GET
    @Path("/{id}/customers")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "customer_id, then one id a line",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response customersCsv(@RestPath long id, @QueryParam("asOf") String asOf) {
        AudienceView audience = find(id);
        AudienceQuery query = new AudienceQuery(CriteriaParser.stored(audience.criteria(), rules.current().events()),
                CriteriaParser.asOfParameter(asOf, Instant.now()));
        StreamingOutput csv = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            writer.write("customer_id\r\n");
            search.export(query, customerId -> {
                writer.write(CsvField.text(customerId));
                writer.write("\r\n");
            });
            writer.flush();
        };
        return Response.ok(csv, CSV)
                .header("Content-Disposition", "attachment; filename=\"audience-" + id + ".csv\"")
                .header("X-Audience-As-Of", query.asOf().toString())
                .build();
    }

    /** The same CSV under a name that says what it is, for links and browsers. */
    @GET
    @Path("/{id}/customers.csv")
    @Produces(CSV)
    @APIResponse(responseCode = "200", description = "customer_id, then one id a line",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response customersCsvFile(@RestPath long id, @QueryParam("asOf") String asOf) {
        return customersCsv(id, asOf);
    }

    private AudienceView find(long id) {
        return saved.find(id).orElseThrow(() -> new AudienceNotFound(id));
    }

    private static void requirePageSize(int limit) {
        if (limit < 1 || limit > CriteriaParser.MAX_PAGE) {
            throw new InvalidAudience(List.of(new FieldProblem("limit", "must be from 1 to " + CriteriaParser.MAX_PAGE)));
        }
    }

}
