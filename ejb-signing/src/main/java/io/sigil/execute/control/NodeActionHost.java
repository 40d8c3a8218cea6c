package io.sigil.execute.control;

import io.sigil.action.ActionStore;
import io.sigil.api.model.SignedShare;
import io.sigil.decrypt.boundary.Decryption;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionHost;
import io.sigil.engine.api.HostContext;
import io.sigil.engine.api.HostRefusal;
import io.sigil.node.NodeIndex;
import io.sigil.pkp.boundary.Pkps;
import io.sigil.problem.SigilException;
import io.sigil.signing.boundary.SigningCaller;
import io.sigil.signing.boundary.ThresholdSigner;
import io.sigil.signing.control.SigningRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What one execution of one action may ask of this node (the engine's {@link ActionHost}); one instance per
 * request, shared with the request's child actions, collecting this node's signature shares ({@link #signedData}).
 *
 * <p>Signing is strict: the first signing call that fails (not permitted, statement mismatch, a participant missing,
 * a malformed key or name) is recorded and ends the request with that problem once the action returns
 * ({@link #failure}), even if the script caught the rejection. Every participant's action makes the same calls, so
 * every participant then fails alike, and a half-signed request never looks like a success.
 */
public final class NodeActionHost implements ActionHost {
    /** Longer runOnce / broadcastAndCollect names are refused (the name is hashed into a session id). */
    static final int MAX_NAME_BYTES = 256;

    private final byte[] requestId;
    private final List<Integer> participants;
    private final EthAddress authSigAddress;
    private final NodeIndex self;
    private final ThresholdSigner signer;
    private final Pkps pkps;
    private final ActionStore actions;
    private final ActionEngine engine;
    private final CoordinationProtocol coordination;
    private final Decryption decryption;

    private final Map<String, SignedShare> signedData = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> sigNames = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, Integer> occurrences = new HashMap<>();
    /** runOnce calls asked about but not yet shared, per name: the session each will use. */
    private final Map<String, Queue<io.sigil.transport.SessionId>> pendingRunOnce = new HashMap<>();
    private volatile SigilException failure;

    /**
     * @param requestId      the request's 16 bytes, the same on every participant
     * @param participants   the request's participants (this node among them), the same on every participant
     * @param authSigAddress the verified authSig's address, or null without one
     */
    public NodeActionHost(byte[] requestId, List<Integer> participants, EthAddress authSigAddress, NodeIndex self,
                          ThresholdSigner signer, Pkps pkps, ActionStore actions, ActionEngine engine,
                          CoordinationProtocol coordination, Decryption decryption) {
        this.requestId = requestId.clone();
        this.participants = List.copyOf(new TreeSet<>(participants));
        this.authSigAddress = authSigAddress;
        this.self = self;
        this.signer = signer;
        this.pkps = pkps;
        this.actions = actions;
        this.engine = engine;
        this.coordination = coordination;
        this.decryption = decryption;
    }

    /** This node's signature shares by sigName, in the order the action made them. */
    public Map<String, SignedShare> signedData() {
        synchronized (signedData) {
            return new LinkedHashMap<>(signedData);
        }
    }

    /** The first signing call that failed: the request must end with it. */
    public Optional<SigilException> failure() {
        return Optional.ofNullable(failure);
    }

    // --- signing ---------------------------------------------------------------------------------------------

    @Override
    public void signEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        SignedShare share = strictly(() -> signer.sign(signingRequest(toSign, publicKey, sigName), caller(ctx),
                ctx.remaining()));
        signedData.put(sigName, share);
    }

    /** Resolves to Lit's {@code {"r","s","v"}}: r and s as 64 hex digits without {@code 0x}, v the recovery id. */
    @Override
    public String signAndCombineEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        EcdsaSignature sig = strictly(() -> signer.signAndCombine(signingRequest(toSign, publicKey, sigName),
                caller(ctx), ctx.remaining()));
        return "{\"r\":\"" + Hex.encodeBare(Secp256k1.toBytes32(sig.r())) + "\",\"s\":\""
                + Hex.encodeBare(Secp256k1.toBytes32(sig.s())) + "\",\"v\":" + sig.recid() + "}";
    }

    /** The running action (a child's own CID inside a child) and the authSig's address: whom the PKP must permit. */
    private SigningCaller caller(HostContext ctx) {
        return new SigningCaller(ctx.cid().toString(), authSigAddress);
    }

    private SigningRequest signingRequest(byte[] toSign, String publicKey, String sigName) {
        TokenId tokenId;
        try {
            tokenId = TokenId.of(Secp256k1.decodePoint(Hex.decode(publicKey)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SigilException.malformed("publicKey", "must be a secp256k1 public key in 0x hex");
        }
        SigningRequest request = new SigningRequest(requestId, tokenId, sigName, toSign, participants);
        if (!sigNames.add(sigName)) {
            // each name is its own signing session; a second one would meet the first one's closed session
            throw SigilException.malformed("sigName", "\"" + sigName + "\" is already used in this request");
        }
        return request;
    }

    /** Runs a signing call; its failure is recorded (the first one ends the request) and shown to the script. */
    private <T> T strictly(Supplier<T> call) {
        SigilException earlier = failure;
        if (earlier != null) {
            throw new HostRefusal("an earlier signing call of this request failed: " + earlier.detail());
        }
        try {
            return call.get();
        } catch (SigilException e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
            throw new HostRefusal(e.detail());
        }
    }

    // --- coordination ----------------------------------------------------------------------------------------

    @Override
    public boolean isRunOnceLeader(HostContext ctx, String name) {
        checkName("runOnce", name);
        io.sigil.transport.SessionId session;
        synchronized (this) {
            session = CoordinationProtocol.sessionId(requestId, CoordinationProtocol.Kind.RUN_ONCE, name,
                    next("runOnce/" + name));
            pendingRunOnce.computeIfAbsent(name, k -> new ArrayDeque<>()).add(session);
        }
        return isLeader(name);
    }

    @Override
    public String shareRunOnceResult(HostContext ctx, String name, String leaderResult) {
        checkName("runOnce", name);
        io.sigil.transport.SessionId session;
        synchronized (this) {
            Queue<io.sigil.transport.SessionId> q = pendingRunOnce.get(name);
            session = q == null ? null : q.poll();
        }
        if (session == null) {
            throw new HostRefusal("runOnce: no runOnce named " + name + " is waiting for a result");
        }
        if (isLeader(name)) {
            String result = leaderResult == null ? "" : leaderResult;
            CoordinationProtocol.checkSize("runOnce", result);
            coordination.announce(session, followers(), result, ctx.remaining());
            return result;
        }
        return coordination.await(session, leader(name), ctx.remaining());
    }

    @Override
    public List<String> broadcastAndCollect(HostContext ctx, String name, String value) {
        checkName("broadcastAndCollect", name);
        String v = value == null ? "" : value;
        CoordinationProtocol.checkSize("broadcastAndCollect", v);
        int occurrence;
        synchronized (this) {
            occurrence = next("broadcast/" + name);
        }
        return coordination.exchange(CoordinationProtocol.sessionId(requestId, CoordinationProtocol.Kind.BROADCAST,
                name, occurrence), participants, v, ctx.remaining());
    }

    /**
     * Called once the execution is over, whatever its outcome: for each runOnce this node leads whose function never
     * produced a result, tells the followers so (they fail at once instead of waiting out their time).
     */
    public void close() {
        List<io.sigil.transport.SessionId> unanswered = new ArrayList<>();
        synchronized (this) {
            pendingRunOnce.forEach((name, q) -> {
                if (isLeader(name)) {
                    unanswered.addAll(q);
                }
                q.clear();
            });
        }
        for (io.sigil.transport.SessionId session : unanswered) {
            coordination.announce(session, followers(), null, java.time.Duration.ofSeconds(5));
        }
    }

    private NodeIndex leader(String name) {
        return CoordinationProtocol.leader(requestId, name, participants);
    }

    private boolean isLeader(String name) {
        return leader(name).equals(self);
    }

    private List<NodeIndex> followers() {
        List<NodeIndex> out = new ArrayList<>();
        participants.forEach(i -> out.add(NodeIndex.of(i)));
        out.remove(self);
        return out;
    }

    private int next(String key) {
        return occurrences.merge(key, 1, Integer::sum);
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new HostRefusal(what + ": name must be 1 to " + MAX_NAME_BYTES + " bytes");
        }
    }

    // --- PKP look-ups ----------------------------------------------------------------------------------------

    @Override
    public boolean isPermittedAction(HostContext ctx, String tokenId, String ipfsId) {
        return readable(() -> pkps.isPermittedAction(tokenId, ipfsId));
    }

    @Override
    public List<String> getPermittedActions(HostContext ctx, String tokenId) {
        return readable(() -> pkps.permittedActions(tokenId));
    }

    /**
     * Look-ups and decryption fail softly: the script reads why (unknown PKP, malformed id, conditions not met, too
     * few shares) and the request goes on.
     */
    private static <T> T readable(Supplier<T> call) {
        try {
            return call.get();
        } catch (SigilException e) {
            throw new HostRefusal(e.detail());
        }
    }

    // --- child actions ---------------------------------------------------------------------------------------

    /**
     * Runs the child action inline (the engine keeps it on the parent's worker and enforces the call depth) with this
     * same host, so its signatures land in this request's {@link #signedData} and its signing calls are checked
     * against its own CID.
     */
    @Override
    public String call(HostContext ctx, String ipfsId, String paramsJson) {
        Cid cid;
        try {
            cid = Cid.parse(ipfsId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HostRefusal("call: ipfsId is not an IPFS CIDv0 (Qm...)");
        }
        byte[] code = readable(() -> ActionCode.load(actions, cid))
                .orElseThrow(() -> new HostRefusal("call: action " + cid + " is not known to any node"));
        return engine.execute(ctx.request().child(new String(code, StandardCharsets.UTF_8), cid, paramsJson))
                .response();
    }

    // --- conditions and decryption (io.sigil.decrypt) ---------------------------------------------------------

    @Override
    public boolean checkConditions(HostContext ctx, String conditionsJson, String authSigJson, String chain) {
        return readable(() -> decryption.checkConditions(conditionsJson, authSigJson));
    }

    @Override
    public String encrypt(HostContext ctx, String conditionsJson, byte[] plaintext) {
        return readable(() -> decryption.encrypt(conditionsJson, plaintext));
    }

    @Override
    public String decryptAndCombine(HostContext ctx, String requestJson) {
        return readable(() -> decryption.decryptAndCombine(requestJson));
    }
}
