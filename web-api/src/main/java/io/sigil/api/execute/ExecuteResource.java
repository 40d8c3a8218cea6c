package io.sigil.api.execute;

import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.problem.Bodies;
import io.sigil.execute.boundary.NodeExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** API.md's per-node {@code POST /api/v1/execute}: this node's part of a request (Lit's per-node call). */
@Path("api/v1/execute")
@ApplicationScoped
public class ExecuteResource {

    @Inject
    NodeExecutor executor;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExecuteResponse execute(InputStream body) {
        return executor.execute(Bodies.readJson(body, executor.maxRequestBytes(), ExecuteRequest.class, "jsParams"));
    }
}
