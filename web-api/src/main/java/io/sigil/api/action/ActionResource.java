package io.sigil.api.action;

import io.sigil.action.ActionStore;
import io.sigil.api.model.ActionStored;
import io.sigil.api.problem.Bodies;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.problem.SigilException;
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
import java.io.InputStream;
import java.net.URI;

@Path("api/v1/actions")
@ApplicationScoped
public class ActionResource {
    static final String JAVASCRIPT = "text/javascript";

    @Inject
    ActionStore store;

    /** Stores code (any text body); 201 with {@code {ipfsId, size}}, or 200 if it was stored already. */
    @POST
    @Consumes({JAVASCRIPT, "application/javascript", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(InputStream body) {
        ActionStore.Stored stored = store.store(Bodies.read(body, (int) Math.min(Integer.MAX_VALUE - 8, store.maxCodeSize())));
        ActionStored answer = new ActionStored(stored.cid().toString(), stored.size());
        return stored.created()
                ? Response.created(URI.create("/api/v1/actions/" + answer.ipfsId())).entity(answer).build()
                : Response.ok(answer).build();
    }

    @GET
    @Path("{ipfsId}")
    @Produces(JAVASCRIPT + ";charset=utf-8")
    public byte[] code(@PathParam("ipfsId") String ipfsId) {
        Cid cid;
        try {
            cid = Cid.parse(ipfsId);
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("ipfsId", "is not an IPFS CIDv0 (Qm...)");
        }
        return store.local(cid).orElseThrow(() -> SigilException.notFound("action " + cid));
    }
}
