package com.tierupgrade.history;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.InvalidInput;

/** The customers warned about (such as a drift toward 低频低价), oldest warning first, across all customers. */
@Tag(name = "History")
@Path("/warnings")
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    private static final int MAX_PAGE = 1000;

    private final History history;

    WarningResource(History history) {
        this.history = history;
    }

    /** Pass the last id seen as {@code after} for the next page. */
    @GET
    public List<HistoryView> warnings(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("The query parameters are not valid",
                    List.of(new FieldProblem("limit", "must be from 1 to " + MAX_PAGE)));
        }
        return history.warnings(after, limit);
    }
}
