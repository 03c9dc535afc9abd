package com.tierupgrade.audience;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.tierupgrade.web.ApiError;

/**
 * The audience errors as JSON, in the shape of web.ErrorMapper. Kept here so that the audiences branch touches no
 * existing file; these two methods can move into ErrorMapper as they are.
 */
public class AudienceErrors {

    @ServerExceptionMapper
    public Response invalidAudience(InvalidAudience e) {
        return answer(new ApiError(400, "Bad Request", "The audience is not valid", e.problems()));
    }

    @ServerExceptionMapper
    public Response audienceNotFound(AudienceNotFound e) {
        return answer(ApiError.of(404, "Not Found", e.getMessage()));
    }

    private static Response answer(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
