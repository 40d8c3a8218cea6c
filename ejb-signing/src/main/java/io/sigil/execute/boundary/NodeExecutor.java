package io.sigil.execute.boundary;

import io.sigil.action.ActionStore;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.decrypt.boundary.Decryption;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.auth.VerifiedAuthSig;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.api.ExecutionRequest;
import io.sigil.engine.api.ExecutionResult;
import io.sigil.execute.control.ActionCode;
import io.sigil.execute.control.CoordinationProtocol;
import io.sigil.execute.control.NodeActionHost;
import io.sigil.execute.control.RequestId;
import io.sigil.node.NodeConfig;
import io.sigil.pkp.boundary.Pkps;
import io.sigil.problem.SigilException;
import io.sigil.signing.boundary.ThresholdSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code POST /api/v1/execute}: runs an action on this node as one participant of a request (Lit's per-node call).
 * Checks the request, verifies the authSig, loads the code, runs it with a {@link NodeActionHost} and answers this
 * node's response, logs and signature shares. The engine's failures ({@link ActionFailure}) and Sigil's own
 * ({@link SigilException}) propagate to the web layer's one mapper.
 */
@ApplicationScoped
public class NodeExecutor {
    /** JSON overhead allowed around the largest code a request may carry. */
    static final int BODY_OVERHEAD = 1024 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject NodeConfig config;
    @Inject ActionEngine engine;
    @Inject ActionStore actions;
    @Inject AuthSigVerifier authSigs;
    @Inject ThresholdSigner signer;
    @Inject Pkps pkps;
    @Inject CoordinationProtocol coordination;
    @Inject Decryption decryption;

    public NodeExecutor() { }

    /** For tests outside a container. */
    public NodeExecutor(NodeConfig config, ActionEngine engine, ActionStore actions, AuthSigVerifier authSigs,
                        ThresholdSigner signer, Pkps pkps, CoordinationProtocol coordination, Decryption decryption) {
        this.config = config;
        this.engine = engine;
        this.actions = actions;
        this.authSigs = authSigs;
        this.signer = signer;
        this.pkps = pkps;
        this.coordination = coordination;
        this.decryption = decryption;
    }

    /**
     * The largest request body worth reading: code of {@code sigil.limits.code-size} escaped as a JSON string (a
     * typical script grows by a few percent; twice the limit leaves room for heavy escaping) plus parameters.
     */
    public int maxRequestBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8, 2 * actions.maxCodeSize() + BODY_OVERHEAD);
    }

    /**
     * Runs the request's action here.
     *
     * @throws SigilException 400 (the field named), 401 authSig, 403/409/502/503 from signing, 404 unknown ipfsId
     * @throws ActionFailure  the action failed (422 and the limit's type, 413 code size, 503 engines busy)
     */
    public ExecuteResponse execute(ExecuteRequest request) {
        if (request == null) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        RequestId requestId = RequestId.parse(request.requestId());
        List<Integer> participants = participants(request.participants());
        VerifiedAuthSig authSig = request.authSig() == null ? null : authSigs.verify(request.authSig(), "authSig");
        Code code = code(request.code(), request.ipfsId());
        NodeActionHost host = new NodeActionHost(requestId.bytes(), participants,
                authSig == null ? null : authSig.address(), config.self(), signer, pkps, actions, engine, coordination,
                decryption);
        try {
            ExecutionResult result;
            try {
                result = engine.execute(new ExecutionRequest(code.text(), code.cid(),
                        request.jsParams() == null ? null : JSON.toJson(request.jsParams()),
                        request.authSig() == null ? null : JSON.toJson(request.authSig()), requestId.hex(),
                        participants.stream().map(String::valueOf).toList(), host, 0));
            } catch (ActionFailure f) {
                // a failed signing call ends the request with its own problem, whatever the script made of it
                if (host.failure().isPresent()) {
                    throw withLogs(host.failure().get(), f.logs());
                }
                throw f;
            }
            if (host.failure().isPresent()) {
                throw withLogs(host.failure().get(), result.logs());
            }
            return new ExecuteResponse(true, result.response(), result.logs(), host.signedData(), Map.of(), Map.of());
        } finally {
            host.close();
        }
    }

    /** Distinct members of this network, this node among them. */
    List<Integer> participants(List<Integer> given) {
        List<Integer> distinct = participantsOf(given);
        if (!distinct.contains(config.self().value())) {
            throw SigilException.malformed("participants", "must include this node (" + config.self() + ")");
        }
        return distinct;
    }

    /** Distinct members of this network, sorted (400 naming {@code participants} otherwise). */
    List<Integer> participantsOf(List<Integer> given) {
        if (given == null || given.isEmpty()) {
            throw SigilException.malformed("participants", "must list the node indices taking part");
        }
        TreeSet<Integer> distinct = new TreeSet<>();
        for (Integer i : given) {
            if (i == null || !config.network().isMember(i)) {
                throw SigilException.malformed("participants", "must be node indices 1.." + config.network().n());
            }
            if (!distinct.add(i)) {
                throw SigilException.malformed("participants", "must be distinct");
            }
        }
        return new ArrayList<>(distinct);
    }

    /** The code to run: given inline (413 over the code-size limit) or stored under its CID here or at a peer. */
    Code code(String inline, String ipfsId) {
        if ((inline == null) == (ipfsId == null)) {
            throw SigilException.malformed("code", "give exactly one of code and ipfsId");
        }
        if (inline != null) {
            if (inline.isBlank()) {
                throw SigilException.malformed("code", "is empty");
            }
            byte[] bytes = inline.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > actions.maxCodeSize()) {
                throw new ActionFailure.CodeSizeExceeded("");
            }
            return new Code(inline, Cid.of(bytes));
        }
        Cid cid = cid(ipfsId);
        byte[] stored = ActionCode.load(actions, cid).orElseThrow(() -> SigilException.notFound("action " + cid));
        return new Code(new String(stored, StandardCharsets.UTF_8), cid);
    }

    static Cid cid(String ipfsId) {
        try {
            return Cid.parse(ipfsId);
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("ipfsId", "is not an IPFS CIDv0 (Qm...)");
        }
    }

    private static SigilException withLogs(SigilException e, String logs) {
        if (logs == null || logs.isEmpty() || e.extensions().containsKey("logs")) {
            return e;
        }
        Map<String, Object> ext = new LinkedHashMap<>(e.extensions());
        ext.put("logs", logs);
        return new SigilException(e.type(), e.detail(), ext);
    }

    /** Code to run and its CID. */
    record Code(String text, Cid cid) { }
}
