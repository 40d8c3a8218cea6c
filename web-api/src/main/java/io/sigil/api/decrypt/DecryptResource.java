package io.sigil.api.decrypt;

import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.DecryptionShareResponse;
import io.sigil.api.model.NetworkDecryptResponse;
import io.sigil.api.model.NetworkEncryptionKey;
import io.sigil.api.problem.Bodies;
import io.sigil.decrypt.boundary.Decryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** API.md's decryption endpoints over the {@link Decryption} boundary. */
@Path("api/v1")
@ApplicationScoped
public class DecryptResource {
    /** A base64 ciphertext of up to 16 MiB of data plus conditions and an authSig. */
    static final int MAX_BODY = 24 * 1024 * 1024;

    @Inject
    Decryption decryption;

    @GET
    @Path("network/encryption-key")
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkEncryptionKey encryptionKey() {
        return decryption.encryptionKey();
    }

    @POST
    @Path("decrypt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DecryptionShareResponse share(InputStream body) {
        return decryption.share(Bodies.readJson(body, MAX_BODY, DecryptRequest.class));
    }

    @POST
    @Path("network/decrypt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkDecryptResponse decrypt(InputStream body) {
        return decryption.decryptAndCombine(Bodies.readJson(body, MAX_BODY, DecryptRequest.class));
    }
}
