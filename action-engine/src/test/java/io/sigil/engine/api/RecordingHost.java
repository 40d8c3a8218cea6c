package io.sigil.engine.api;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A test {@link ActionHost}: one node that holds one key and plays every role itself (leader of runOnce, sole
 * participant of broadcasts). Records what the action asked for.
 */
public class RecordingHost implements ActionHost {

    public static final BigInteger KEY = new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16);
    public static final String PUBLIC_KEY = Hex.encode(Secp256k1.encode(Secp256k1.mulG(KEY)));

    public final Map<String, byte[]> signed = new ConcurrentHashMap<>();
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public volatile ActionEngine engine;
    public final Map<String, String> children = new ConcurrentHashMap<>();

    @Override
    public void signEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        requireKey(publicKey);
        calls.add("signEcdsa:" + sigName);
        signed.put(sigName, toSign.clone());
    }

    private static void requireKey(String publicKey) {
        if (!PUBLIC_KEY.equalsIgnoreCase(publicKey)) {
            throw new HostRefusal("unknown PKP public key");
        }
    }

    /** Deterministic low-s ECDSA with recovery id, as the combined threshold signature would be. */
    public static EcdsaSignature sign(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(KEY, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s = rs[1].compareTo(Secp256k1.HALF_Q) > 0 ? Secp256k1.Q.subtract(rs[1]) : rs[1];
        for (int recid = 0; recid < 4; recid++) {
            try {
                EcdsaSignature sig = new EcdsaSignature(rs[0], s, recid);
                if (sig.recover(digest).equals(Secp256k1.mulG(KEY))) {
                    return sig;
                }
            } catch (IllegalArgumentException ignored) {
                // try the next recovery id
            }
        }
        throw new IllegalStateException("no recovery id");
    }

    @Override
    public String signAndCombineEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        requireKey(publicKey);
        calls.add("signAndCombineEcdsa:" + sigName);
        EcdsaSignature sig = sign(toSign);
        return "{\"r\":\"" + Hex.encodeBare(bytes32(sig.r())) + "\",\"s\":\"" + Hex.encodeBare(bytes32(sig.s()))
                + "\",\"v\":" + sig.recid() + "}";
    }

    private static byte[] bytes32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
        return out;
    }

    @Override
    public boolean isRunOnceLeader(HostContext ctx, String name) {
        calls.add("runOnceLeader:" + name);
        return true;
    }

    @Override
    public String shareRunOnceResult(HostContext ctx, String name, String leaderResult) {
        return leaderResult;
    }

    @Override
    public List<String> broadcastAndCollect(HostContext ctx, String name, String value) {
        return List.of(value, value, value);
    }

    @Override
    public boolean isPermittedAction(HostContext ctx, String tokenId, String ipfsId) {
        return ipfsId.equals(ctx.cid().toString());
    }

    @Override
    public List<String> getPermittedActions(HostContext ctx, String tokenId) {
        return List.of(ctx.cid().toString());
    }

    @Override
    public boolean checkConditions(HostContext ctx, String conditionsJson, String authSigJson, String chain) {
        calls.add("checkConditions:" + chain + ":" + conditionsJson + ":" + authSigJson);
        return conditionsJson != null && conditionsJson.contains("\"allow\"");
    }

    @Override
    public String encrypt(HostContext ctx, String conditionsJson, byte[] plaintext) {
        return "{\"ciphertext\":\"" + java.util.Base64.getEncoder().encodeToString(plaintext)
                + "\",\"dataToEncryptHash\":\"" + io.sigil.crypto.Hex.encodeBare(io.sigil.crypto.Keccak256.hash(plaintext)) + "\"}";
    }

    @Override
    public String decryptAndCombine(HostContext ctx, String requestJson) {
        calls.add("decryptAndCombine:" + requestJson);
        int i = requestJson.indexOf("\"ciphertext\":\"") + 14;
        return new String(java.util.Base64.getDecoder().decode(requestJson.substring(i, requestJson.indexOf('"', i))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String call(HostContext ctx, String ipfsId, String paramsJson) {
        String code = children.get(ipfsId);
        if (code == null) {
            throw new HostRefusal("unknown action " + ipfsId);
        }
        return engine.execute(ctx.request().child(code, null, paramsJson)).response();
    }
}
