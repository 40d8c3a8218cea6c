package io.sigil.crypto.tdh2;

import io.sigil.crypto.AesGcm;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hkdf;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.Wire;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.shamir.Lagrange;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/** The TDH2 operations (THRESHOLD.md "Decryption"): encrypt, check, share, verify, combine. */
public final class Tdh2 {

    /** Domain string hashed to the curve for {@link #H}. */
    public static final String H_DOMAIN = "sigil/tdh2/H/v1";

    /**
     * The second generator: the first x = SHA-256(H_DOMAIN || u32 counter), counter = 0, 1, ..., that is on the
     * curve, with even y. Nobody knows {@code log_G H}.
     */
    public static final ECPoint H = hashToCurve(H_DOMAIN.getBytes(StandardCharsets.US_ASCII));

    private static final int CIPHERTEXT_PROOF_TAG = 0x3a;
    private static final int SHARE_PROOF_TAG = 0x3b;

    private Tdh2() {
    }

    /** The label of a set of access-control conditions: SHA-256 of their canonical JSON bytes. */
    public static byte[] label(byte[] canonicalConditionsJson) {
        return Sha256.hash(canonicalConditionsJson);
    }

    /**
     * Encrypts to the network key: random {@code r, s}; {@code u = rG, u' = rH}; key = HKDF({@code r*Y_enc}, u,
     * label); {@code c} = AES-256-GCM(data, aad = label); {@code e = H(c, label, u, sG, u', sH)}, {@code f = s + r*e}.
     */
    public static Tdh2Ciphertext encrypt(ECPoint networkKey, byte[] plaintext, byte[] label, SecureRandom random) {
        if (label == null || label.length != 32) {
            throw new IllegalArgumentException("label must be 32 bytes");
        }
        if (networkKey == null || networkKey.isInfinity() || !networkKey.isValid()) {
            throw new IllegalArgumentException("network key is not a point on secp256k1");
        }
        BigInteger r = Secp256k1.randomScalar(random);
        BigInteger s = Secp256k1.randomScalar(random);
        ECPoint u = Secp256k1.mulG(r);
        ECPoint uBar = H.multiply(r).normalize();
        byte[] key = deriveKey(networkKey.multiply(r).normalize(), u, label);
        try {
            byte[] c = AesGcm.encrypt(key, plaintext, label, random);
            ECPoint w = Secp256k1.mulG(s);
            ECPoint wBar = H.multiply(s).normalize();
            BigInteger e = ciphertextChallenge(c, label, u, w, uBar, wBar);
            BigInteger f = s.add(r.multiply(e)).mod(Secp256k1.Q);
            return new Tdh2Ciphertext(c, label, u, uBar, e, f);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The validity check {@code e == H(c, label, u, fG - e*u, u', fH - e*u')}: the encryptor knew r. */
    public static boolean verifyCiphertext(Tdh2Ciphertext ct) {
        BigInteger negE = Secp256k1.Q.subtract(ct.e()).mod(Secp256k1.Q);
        ECPoint w = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, ct.f(), ct.u(), negE).normalize();
        ECPoint wBar = ECAlgorithms.sumOfTwoMultiplies(H, ct.f(), ct.uBar(), negE).normalize();
        if (w.isInfinity() || wBar.isInfinity()) {
            return false;
        }
        return ciphertextChallenge(ct.c(), ct.label(), ct.u(), w, ct.uBar(), wBar).equals(ct.e());
    }

    /**
     * A node's decryption share, given only after (1) the ciphertext proof checks and (2) its label equals
     * {@code expectedLabel}, the hash of the conditions sent with the request. Checking that the conditions hold
     * for the requester, (3), is the caller's job and must come first.
     *
     * @throws CryptoException if the label differs or the proof fails
     */
    public static DecryptionShare decryptionShare(KeyShare key, Tdh2Ciphertext ct, byte[] expectedLabel,
                                                  SecureRandom random) {
        if (expectedLabel == null || !MessageDigest.isEqual(expectedLabel, ct.label())) {
            throw new CryptoException("ciphertext label does not match the conditions");
        }
        if (!verifyCiphertext(ct)) {
            throw new CryptoException("ciphertext validity proof fails");
        }
        BigInteger x = key.secretShare();
        ECPoint ui = ct.u().multiply(x).normalize();
        BigInteger s = Secp256k1.randomScalar(random);
        ECPoint uHat = ct.u().multiply(s).normalize();
        ECPoint hHat = Secp256k1.mulG(s);
        ECPoint xi = key.publicShare(key.index());
        BigInteger e = shareChallenge(key.index(), ct.u(), xi, ui, uHat, hHat);
        BigInteger f = s.add(x.multiply(e)).mod(Secp256k1.Q);
        return new DecryptionShare(key.index(), ui, e, f);
    }

    /**
     * Checks a share's DLEQ proof against the node's public share {@code X_i}:
     * {@code e_i == H(i, u, X_i, u_i, f_i*u - e_i*u_i, f_i*G - e_i*X_i)}.
     */
    public static boolean verifyShare(Tdh2Ciphertext ct, DecryptionShare share, ECPoint publicShare) {
        BigInteger negE = Secp256k1.Q.subtract(share.e()).mod(Secp256k1.Q);
        ECPoint uHat = ECAlgorithms.sumOfTwoMultiplies(ct.u(), share.f(), share.ui(), negE).normalize();
        ECPoint hHat = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, share.f(), publicShare, negE).normalize();
        if (uHat.isInfinity() || hHat.isInfinity()) {
            return false;
        }
        return shareChallenge(share.index(), ct.u(), publicShare, share.ui(), uHat, hHat).equals(share.e());
    }

    /**
     * The client's side: checks the ciphertext, keeps the shares whose proofs verify against the public shares
     * {@code X_i} computed from the key's commitments {@code A_k}, combines t+1 of them (t = the commitments'
     * degree) into {@code r*Y_enc}, derives the key and decrypts.
     *
     * @throws CryptoException if the ciphertext is invalid, fewer than t+1 shares verify, or decryption fails
     */
    public static byte[] combine(Tdh2Ciphertext ct, Collection<DecryptionShare> shares, FeldmanCommitment commitments) {
        if (!verifyCiphertext(ct)) {
            throw new CryptoException("ciphertext validity proof fails");
        }
        int needed = commitments.degree() + 1;
        Map<Integer, ECPoint> valid = new TreeMap<>();
        for (DecryptionShare share : shares) {
            if (valid.size() == needed) {
                break;
            }
            if (!valid.containsKey(share.index()) && verifyShare(ct, share, commitments.evaluate(share.index()))) {
                valid.put(share.index(), share.ui());
            }
        }
        if (valid.size() < needed) {
            throw new CryptoException("too few valid decryption shares");
        }
        ECPoint shared = Lagrange.interpolatePointsAtZero(valid);
        if (shared.isInfinity()) {
            throw new CryptoException("decryption failed");
        }
        byte[] key = deriveKey(shared, ct.u(), ct.label());
        try {
            return AesGcm.decrypt(key, ct.c(), ct.label());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** HKDF-SHA256(ikm = compressed r*Y_enc, salt = compressed u, info = label) -> 32-byte AES key. */
    static byte[] deriveKey(ECPoint shared, ECPoint u, byte[] label) {
        byte[] ikm = Secp256k1.encodeCompressed(shared);
        try {
            return Hkdf.sha256(ikm, Secp256k1.encodeCompressed(u), label, 32);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static BigInteger ciphertextChallenge(byte[] c, byte[] label, ECPoint u, ECPoint w, ECPoint uBar,
                                                  ECPoint wBar) {
        byte[] in = new Wire.Writer(CIPHERTEXT_PROOF_TAG).bytes(c).fixed(label).point(u).point(w).point(uBar)
                .point(wBar).toBytes();
        return new BigInteger(1, Sha256.hash(in)).mod(Secp256k1.Q);
    }

    private static BigInteger shareChallenge(int index, ECPoint u, ECPoint xi, ECPoint ui, ECPoint uHat, ECPoint hHat) {
        byte[] in = new Wire.Writer(SHARE_PROOF_TAG).u16(index).point(u).point(xi).point(ui).point(uHat).point(hHat)
                .toBytes();
        return new BigInteger(1, Sha256.hash(in)).mod(Secp256k1.Q);
    }

    /** Try-and-increment: the first on-curve x = SHA-256(domain || u32 counter) (below p), even y. */
    static ECPoint hashToCurve(byte[] domain) {
        for (int counter = 0; ; counter++) {
            byte[] ctr = {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter};
            byte[] x = Sha256.hash(domain, ctr);
            if (new BigInteger(1, x).compareTo(Secp256k1.P) >= 0) {
                continue;
            }
            byte[] compressed = new byte[33];
            compressed[0] = 0x02;
            System.arraycopy(x, 0, compressed, 1, 32);
            try {
                return Secp256k1.decodePoint(compressed);
            } catch (IllegalArgumentException notOnCurve) {
                // about half of all x have no point: try the next counter
            }
        }
    }
}
