package com.tierupgrade.users;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.tierupgrade.web.ApiError;
import com.tierupgrade.web.FieldProblem;

import io.quarkus.security.identity.SecurityIdentity;

/** Any user changes their own password, e.g. to replace a try-out default. */
@Tag(name = "Users")
@Path("/users/me/password")
public class PasswordResource {

    static final int MIN_LENGTH = 12;

    public record NewPassword(String password) {
    }

    private final UserStore users;
    private final SecurityIdentity identity;

    PasswordResource(UserStore users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Changed; the old password no longer works")
    public Response change(NewPassword body) {
        String username = identity.getPrincipal().getName();
        String password = body == null ? null : body.password();
        if (password == null || password.length() < MIN_LENGTH || password.equals(username)) {
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new ApiError(400, "Bad Request",
                    "The new password is not accepted", List.of(new FieldProblem("password",
                            "must have at least " + MIN_LENGTH + " characters and differ from the user name"))))
                    .build();
        }
        users.changePassword(username, password);
        return Response.noContent().build();
    }
}
