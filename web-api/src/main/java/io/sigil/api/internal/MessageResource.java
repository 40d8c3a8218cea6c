package io.sigil.api.internal;

import io.sigil.api.problem.Bodies;
import io.sigil.transport.Envelope;
import io.sigil.transport.Transport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Takes one signed envelope; {@link Transport#receive} decides whether it is authentic before anything happens. */
@Path("internal/v1/messages")
@RequestScoped
public class MessageResource {
    /** Protocol messages are small; anything larger is refused before it is parsed. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    @Inject
    Transport transport;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void receive(InputStream body) {
        transport.receive(Bodies.readJson(body, MAX_BODY, Envelope.class));
    }
}
