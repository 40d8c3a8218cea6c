package io.sigil.api.node;

import io.sigil.api.model.NodeInfo;

import io.sigil.peer.NodeDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("api/v1/node")
@ApplicationScoped
public class NodeResource {

    @Inject
    NodeDescription description;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public NodeInfo node() {
        return description.describe();
    }
}
