package io.sigil.decrypt.boundary;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.DecryptionShareResponse;
import io.sigil.api.model.EncryptedData;
import io.sigil.api.model.NetworkDecryptResponse;
import io.sigil.api.model.NetworkEncryptionKey;
import io.sigil.api.model.Tdh2Json;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.auth.VerifiedAuthSig;
import io.sigil.conditions.control.AccessControlConditions;
import io.sigil.conditions.control.ConditionEvaluator;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.crypto.tdh2.Tdh2Ciphertext;
import io.sigil.netkey.control.NetworkKey;
import io.sigil.netkey.control.NetworkKeyStore;
import io.sigil.node.NodeConfig;
import io.sigil.node.NodeIndex;
import io.sigil.peer.PeerClient;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Threshold decryption with access-control conditions (THRESHOLD.md "Decryption"). Every entry point checks its
 * input here; the cryptography is {@code crypto}'s {@link Tdh2}, the conditions {@link ConditionEvaluator}'s.
 *
 * <p>A node gives its share only if (1) the ciphertext's proof checks, (2) its label is the SHA-256 of the canonical
 * JSON of the conditions sent, and (3) the conditions hold for the requester whose authSig it verified itself.
 */
@ApplicationScoped
public class Decryption {
    private static final Logger LOG = Logger.getLogger(Decryption.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject NodeConfig config;
    @Inject NetworkKeyStore keys;
    @Inject AuthSigVerifier authSigs;
    @Inject ConditionEvaluator conditions;
    @Inject PeerClient peers;

    public Decryption() { }

    /** For tests and tools outside a container. */
    public Decryption(NodeConfig config, NetworkKeyStore keys, AuthSigVerifier authSigs, ConditionEvaluator conditions,
                      PeerClient peers) {
        this.config = config;
        this.keys = keys;
        this.authSigs = authSigs;
        this.conditions = conditions;
        this.peers = peers;
    }

    /** Peers are asked in parallel on the container's threads (a plain pool outside one, in tests). */
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;
    private static final java.util.concurrent.Executor FALLBACK = java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
                Thread t = new Thread(r, "sigil-decrypt");
                t.setDaemon(true);
                return t;
            });

    /** {@code GET /api/v1/network/encryption-key}; 503 {@code not-ready} until the DKG made it. */
    public NetworkEncryptionKey encryptionKey() {
        NetworkKey key = keys.require();
        return Tdh2Json.key(key.n(), key.commitments());
    }

    /**
     * {@code Lit.Actions.checkConditions}: whether {@code accessControlConditions} hold for {@code requester}
     * (null: no authSig, so any {@code :userAddress} condition fails). 400 if malformed or unsupported.
     */
    public boolean checkConditions(List<Object> accessControlConditions, EthAddress requester) {
        if (accessControlConditions == null) {
            throw SigilException.malformed("accessControlConditions", "is required");
        }
        return conditions.holds(accessControlConditions, requester != null ? requester : EthAddress.parse(
                "0x0000000000000000000000000000000000000000"));
    }

    /**
     * {@code Lit.Actions.checkConditions({conditions, authSig, chain})}: verifies the authSig here (401 if it does
     * not authenticate its address; null means no requester) and evaluates the conditions for its address.
     */
    public boolean checkConditions(List<Object> accessControlConditions, io.sigil.api.model.AuthSig authSig) {
        EthAddress requester = authSig == null ? null : authSigs.verify(authSig, "authSig").address();
        return checkConditions(accessControlConditions, requester);
    }

    /**
     * {@code Lit.Actions.decryptAndCombine({accessControlConditions, ciphertext, dataToEncryptHash, authSig, chain})}
     * for the engine's host: the plaintext bytes, with every check of {@link #decryptAndCombine(DecryptRequest)}.
     */
    public byte[] decryptAndCombine(List<Object> accessControlConditions, String ciphertext, String dataToEncryptHash,
                                    io.sigil.api.model.AuthSig authSig) {
        return Base64.getDecoder().decode(decryptAndCombine(new DecryptRequest(ciphertext, dataToEncryptHash,
                accessControlConditions, null, authSig)).decryptedData());
    }

    /**
     * The engine host's {@code ActionHost.checkConditions(ctx, conditionsJson, authSigJson, chain)}: the same as
     * {@link #checkConditions(List, io.sigil.api.model.AuthSig)} from JSON text ({@code authSigJson} null or
     * {@code "null"}: no requester).
     */
    public boolean checkConditions(String conditionsJson, String authSigJson) {
        return checkConditions(conditionsArray(conditionsJson), authSig(authSigJson == null ? null
                : parse(authSigJson, "authSig")));
    }

    /**
     * The engine host's {@code ActionHost.encrypt(ctx, conditionsJson, plaintext)}: JSON
     * {@code {"ciphertext":..,"dataToEncryptHash":..}} (base64 and hex, as {@code sigil encrypt}).
     */
    public String encrypt(String conditionsJson, byte[] plaintext) {
        EncryptedData e = encrypt(plaintext, conditionsArray(conditionsJson));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ciphertext", e.ciphertext());
        out.put("dataToEncryptHash", e.dataToEncryptHash());
        return CanonicalJson.write(out);
    }

    /**
     * The engine host's {@code ActionHost.decryptAndCombine(ctx, requestJson)}: requestJson is Lit's
     * {@code {accessControlConditions, ciphertext, dataToEncryptHash, authSig, chain}}; returns the plaintext as
     * UTF-8 text, after every check of {@link #decryptAndCombine(DecryptRequest)}.
     */
    public String decryptAndCombine(String requestJson) {
        if (!(parse(requestJson, "body") instanceof Map<?, ?> m)) {
            throw SigilException.malformed("body", "must be a JSON object");
        }
        Object conditions = m.get("accessControlConditions");
        if (!(conditions instanceof List<?>)) {
            throw SigilException.malformed("accessControlConditions", "must be a JSON array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) conditions;
        byte[] plain = decryptAndCombine(list, text(m, "ciphertext"), text(m, "dataToEncryptHash"),
                authSig(m.get("authSig")));
        return new String(plain, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Object parse(String json, String field) {
        try {
            return CanonicalJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed(field, "is not JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> conditionsArray(String json) {
        if (!(parse(json, "accessControlConditions") instanceof List<?> l)) {
            throw SigilException.malformed("accessControlConditions", "must be a JSON array");
        }
        return (List<Object>) l;
    }

    private static io.sigil.api.model.AuthSig authSig(Object json) {
        if (json == null || json == CanonicalJson.NULL) {
            return null;
        }
        if (!(json instanceof Map<?, ?> m)) {
            throw SigilException.malformed("authSig", "must be a JSON object");
        }
        return new io.sigil.api.model.AuthSig(text(m, "sig"), text(m, "derivedVia"), text(m, "signedMessage"),
                text(m, "address"));
    }

    private static String text(Map<?, ?> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }

    /** Encrypts to the network key on this node (the engine's {@code encrypt}; clients encrypt locally). */
    public EncryptedData encrypt(byte[] data, List<Object> accessControlConditions) {
        if (data == null || accessControlConditions == null) {
            throw SigilException.malformed(data == null ? "dataToEncrypt" : "accessControlConditions", "is required");
        }
        AccessControlConditions.parse(accessControlConditions); // 400 before encrypting
        return Tdh2Json.encrypt(encryptionKey(), data, accessControlConditions);
    }

    /**
     * {@code POST /api/v1/decrypt}: this node's share. 401 bad authSig, 400 malformed ciphertext or conditions,
     * 403 if the ciphertext is bound to other conditions or the conditions do not hold.
     */
    public DecryptionShareResponse share(DecryptRequest request) {
        Checked c = check(request);
        return Tdh2Json.toJson(ownShare(c));
    }

    /**
     * {@code POST /api/v1/network/decrypt} and the engine's {@code decryptAndCombine}: checks the request here (so a
     * request this node refuses goes nowhere), asks the other nodes in parallel for their shares, verifies each
     * share's proof, combines t+1 valid ones and checks {@code dataToEncryptHash} if given. 503 if fewer than t+1
     * valid shares came back.
     */
    public NetworkDecryptResponse decryptAndCombine(DecryptRequest request) {
        Checked c = check(request);
        NetworkKey key = keys.require();
        FeldmanCommitment commitments = key.commitments();
        Map<Integer, DecryptionShare> valid = new TreeMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        if (keys.hasShare()) {
            valid.put(config.self().value(), ownShare(c));
        }
        Map<NodeIndex, CompletableFuture<DecryptionShareResponse>> asked = new LinkedHashMap<>();
        for (var m : config.network().members()) {
            if (!m.index().equals(config.self())) {
                asked.put(m.index(), CompletableFuture.supplyAsync(() -> peers.decryptionShare(m.index(), request),
                        executor != null ? executor : FALLBACK));
            }
        }
        for (var e : asked.entrySet()) {
            if (valid.size() > key.t()) {
                e.getValue().cancel(true);
                continue;
            }
            int index = e.getKey().value();
            try {
                DecryptionShare s = Tdh2Json.share(e.getValue().join(), index);
                if (Tdh2.verifyShare(c.ciphertext, s, key.publicShare(index))) {
                    valid.put(index, s);
                } else {
                    rejected.put(Integer.toString(index), "its share's proof does not verify");
                    LOG.warning(() -> "node " + index + " gave a decryption share whose proof does not verify");
                }
            } catch (RuntimeException ex) {
                rejected.put(Integer.toString(index), ex instanceof IllegalArgumentException
                        ? "sent a malformed share" : "gave no share");
            }
        }
        if (valid.size() <= key.t()) {
            throw new SigilException(ProblemType.PEER_UNAVAILABLE, "only " + valid.size() + " of the " + (key.t() + 1)
                    + " decryption shares needed are valid", Map.of("rejected", rejected));
        }
        List<DecryptionShare> use = new ArrayList<>(valid.values()).subList(0, key.t() + 1);
        byte[] plain;
        try {
            plain = Tdh2.combine(c.ciphertext, use, commitments);
        } catch (CryptoException e) {
            throw new SigilException(ProblemType.INTERNAL, "verified shares did not decrypt");
        }
        if (request.dataToEncryptHash() != null && !request.dataToEncryptHash().isEmpty()
                && !request.dataToEncryptHash().equalsIgnoreCase(Tdh2Json.dataToEncryptHash(plain))) {
            throw SigilException.malformed("dataToEncryptHash", "does not match the decrypted data");
        }
        return new NetworkDecryptResponse(Base64.getEncoder().encodeToString(plain),
                use.stream().map(DecryptionShare::index).toList(), rejected);
    }

    private record Checked(Tdh2Ciphertext ciphertext, byte[] label) { }

    private Checked check(DecryptRequest request) {
        if (request == null) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        VerifiedAuthSig requester = authSigs.verify(request.authSig(), "authSig");
        if (request.accessControlConditions() == null) {
            throw SigilException.malformed("accessControlConditions", "is required");
        }
        AccessControlConditions.parse(request.accessControlConditions()); // malformed or unsupported: 400 first
        Tdh2Ciphertext ct;
        try {
            ct = Tdh2Json.ciphertext(request.ciphertext());
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("ciphertext", "must be the base64 of a TDH2 ciphertext");
        }
        if (!Tdh2.verifyCiphertext(ct)) {
            throw SigilException.malformed("ciphertext", "its validity proof does not check");
        }
        byte[] label = Tdh2Json.label(request.accessControlConditions());
        if (!MessageDigest.isEqual(label, ct.label())) {
            throw new SigilException(ProblemType.NOT_PERMITTED,
                    "the ciphertext is bound to other access-control conditions than those sent");
        }
        if (!conditions.holds(request.accessControlConditions(), requester.address())) {
            LOG.info(() -> "decryption share refused: conditions do not hold for " + requester.address());
            throw new SigilException(ProblemType.NOT_PERMITTED, "the access-control conditions do not hold for "
                    + requester.address());
        }
        return new Checked(ct, label);
    }

    private DecryptionShare ownShare(Checked c) {
        KeyShare share = keys.share();
        try {
            return Tdh2.decryptionShare(share, c.ciphertext, c.label, RANDOM);
        } finally {
            share.destroy();
        }
    }
}
