package io.sigil.api.execute;

import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.problem.Bodies;
import io.sigil.execute.boundary.NetworkExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** API.md's gateway {@code POST /api/v1/network/execute}: the whole request, signatures combined and verified. */
@Path("api/v1/network/execute")
@ApplicationScoped
public class NetworkExecuteResource {

    @Inject
    NetworkExecutor gateway;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkExecuteResponse execute(InputStream body) {
        return gateway.execute(Bodies.readJson(body, gateway.maxRequestBytes(), NetworkExecuteRequest.class,
                "jsParams"));
    }
}
