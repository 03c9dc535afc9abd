package com.tierupgrade.history.query;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.tierupgrade.web.ApiError;

/**
 * The errors of the history queries and explanations, in the same JSON shape as {@code web.ErrorMapper} (which this
 * branch does not touch; the two methods can move there).
 */
public class QueryErrorMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQuery e) {
        return answer(new ApiError(400, "Bad Request", e.getMessage(), e.problems()));
    }

    @ServerExceptionMapper
    public Response entryNotFound(HistoryEntryNotFound e) {
        return answer(ApiError.of(404, "Not Found", e.getMessage()));
    }

    private static Response answer(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
