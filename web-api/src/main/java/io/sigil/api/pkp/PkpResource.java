package io.sigil.api.pkp;

import io.sigil.api.model.MintRequest;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.Pkp;
import io.sigil.api.problem.Bodies;
import io.sigil.pkp.boundary.Pkps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** API.md's PKP endpoints: mint by DKG, show, owner-signed permission changes. */
@Path("api/v1/pkps")
@ApplicationScoped
public class PkpResource {
    /** An authSig and a few hundred CIDs fit easily; anything larger is refused before parsing. */
    static final int MAX_BODY = 64 * 1024;

    @Inject
    Pkps pkps;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mint(InputStream body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Pkp pkp = pkps.mint(Bodies.readJson(body, MAX_BODY, MintRequest.class));
        return Response.created(uri.getAbsolutePathBuilder().path(pkp.tokenId()).build()).entity(pkp).build();
    }

    @GET
    @Path("{tokenId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Pkp get(@PathParam("tokenId") String tokenId) {
        return pkps.get(tokenId);
    }

    @POST
    @Path("{tokenId}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Pkp changePermissions(@PathParam("tokenId") String tokenId, InputStream body) {
        return pkps.changePermissions(tokenId, Bodies.readJson(body, MAX_BODY, PermissionChangeRequest.class));
    }
}
