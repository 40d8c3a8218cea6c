package io.sigil.api.model;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.crypto.tdh2.Tdh2Ciphertext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TDH2 between its JSON shapes and the crypto module, shared by nodes (gateway) and the Java client so both encrypt,
 * check shares and combine the same way: the label of the conditions, encrypting to a {@link NetworkEncryptionKey},
 * a share's JSON form, and combining t+1 shares whose proofs verify.
 */
public final class Tdh2Json {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tdh2Json() { }

    /** SHA-256 of the conditions' canonical JSON ({@link CanonicalJson}). */
    public static byte[] label(List<Object> accessControlConditions) {
        return Tdh2.label(CanonicalJson.write(accessControlConditions).getBytes(StandardCharsets.UTF_8));
    }

    /** The API form of a network key from its commitments {@code A_0..A_t}. */
    public static NetworkEncryptionKey key(int n, FeldmanCommitment commitments) {
        List<String> cs = new ArrayList<>();
        commitments.points().forEach(p -> cs.add(Hex.encode(Secp256k1.encode(p))));
        Map<String, String> shares = new LinkedHashMap<>();
        for (int j = 1; j <= n; j++) {
            shares.put(Integer.toString(j), Hex.encode(Secp256k1.encode(commitments.evaluate(j))));
        }
        return new NetworkEncryptionKey(cs.get(0), Hex.encode(Secp256k1.encode(Tdh2.H)), commitments.degree(), n, cs,
                shares);
    }

    /**
     * The commitments of a key as served, checked for consistency: {@code publicKey == A_0} and every listed public
     * share equals the one the commitments give (a client recomputes them rather than trusting the list).
     */
    public static FeldmanCommitment commitments(NetworkEncryptionKey key) {
        Objects.requireNonNull(key, "key");
        List<org.bouncycastle.math.ec.ECPoint> ps = new ArrayList<>();
        key.commitments().forEach(c -> ps.add(Secp256k1.decodePoint(c)));
        FeldmanCommitment fc = new FeldmanCommitment(ps);
        if (fc.degree() != key.t() || !fc.constantTerm().equals(Secp256k1.decodePoint(key.publicKey()))
                || !Tdh2.H.equals(Secp256k1.decodePoint(key.H()))) {
            throw new IllegalArgumentException("inconsistent network encryption key");
        }
        return fc;
    }

    /** Encrypts {@code data} to the network key under the conditions (Lit's {@code encrypt} result). */
    public static EncryptedData encrypt(NetworkEncryptionKey key, byte[] data, List<Object> conditions) {
        FeldmanCommitment fc = commitments(key);
        Tdh2Ciphertext ct = Tdh2.encrypt(fc.constantTerm(), data, label(conditions), RANDOM);
        String chain = conditions.stream().filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("chain"))
                .filter(String.class::isInstance).map(String.class::cast).findFirst().orElse(null);
        return new EncryptedData(Base64.getEncoder().encodeToString(ct.toBytes()), dataToEncryptHash(data),
                conditions, chain, key.publicKey());
    }

    /** Lit's {@code dataToEncryptHash}: hex SHA-256 of the plaintext, no {@code 0x}. */
    public static String dataToEncryptHash(byte[] data) {
        return Hex.encodeBare(Sha256.hash(data));
    }

    /** Reads a base64 ciphertext; {@link IllegalArgumentException} if malformed. */
    public static Tdh2Ciphertext ciphertext(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("no ciphertext");
        }
        return Tdh2Ciphertext.fromBytes(Base64.getDecoder().decode(base64));
    }

    public static DecryptionShareResponse toJson(DecryptionShare s) {
        return new DecryptionShareResponse(s.index(), Hex.encode(s.toBytes()),
                Hex.encode(Secp256k1.encodeCompressed(s.ui())), scalar(s.e()), scalar(s.f()));
    }

    /** Reads a share's wire form, checks it claims the index it was asked for; {@link IllegalArgumentException}. */
    public static DecryptionShare share(DecryptionShareResponse r, int expectedIndex) {
        DecryptionShare s = DecryptionShare.fromBytes(Hex.decode(r.share()));
        if (s.index() != expectedIndex || r.shareIndex() != expectedIndex) {
            throw new IllegalArgumentException("share of another node");
        }
        return s;
    }

    /** Whether a share's DLEQ proof verifies against its node's public share. */
    public static boolean verify(Tdh2Ciphertext ct, DecryptionShare s, FeldmanCommitment commitments) {
        return Tdh2.verifyShare(ct, s, commitments.evaluate(s.index()));
    }

    private static String scalar(java.math.BigInteger v) {
        return String.format("0x%064x", v);
    }
}
