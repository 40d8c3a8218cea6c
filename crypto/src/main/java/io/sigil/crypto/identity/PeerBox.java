package io.sigil.crypto.identity;

import io.sigil.crypto.AesGcm;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hkdf;
import io.sigil.crypto.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Private payloads between two identity keys that know each other (THRESHOLD.md "Setting": ECDH + HKDF-SHA256 +
 * AES-256-GCM), as nodes send them to their peers. The ECDH secret of the two static identity keys is agreed once
 * per peer and kept; each box gets its own AES key from HKDF over a fresh random 16-byte salt, with both public keys
 * in the order sender, recipient in the info, so a box opens only in its direction.
 *
 * <p>Against a fresh ephemeral key per box (what Sigil did first) this saves two scalar multiplications per
 * message, which a threshold signature pays about a dozen times per node. What it gives up: a box no longer stays
 * closed to someone who later steals the <em>sender's</em> identity key (with an ephemeral key only the recipient's
 * key opened it). Neither has forward secrecy against the recipient's key, and a node's dealt shares are erased
 * after their session either way.
 *
 * <p>Format: {@code salt(16) || nonce(12) || ciphertext || tag(16)}; the caller's {@code aad} binds the context.
 */
public final class PeerBox implements Destroyable {

    /** HKDF info prefix: names the scheme and version, so its keys are never those of another scheme. */
    static final byte[] INFO = "sigil/peer-box/v1".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 16;

    private final byte[] shared;
    private final byte[] outbound;
    private final byte[] inbound;
    private volatile boolean destroyed;

    private PeerBox(byte[] shared, byte[] selfPub, byte[] peerPub) {
        this.shared = shared;
        this.outbound = info(selfPub, peerPub);
        this.inbound = info(peerPub, selfPub);
    }

    /** Agrees the box between {@code self} and {@code peer}: one scalar multiplication, then kept. */
    public static PeerBox agree(IdentityKey self, ECPoint peer) {
        byte[] selfPub = Secp256k1.encode(self.publicKey());
        byte[] peerPub = Secp256k1.encode(peer);
        if (Arrays.equals(selfPub, peerPub)) {
            throw new IllegalArgumentException("a key has no peer box with itself");
        }
        return new PeerBox(self.ecdh(peer), selfPub, peerPub);
    }

    /** Encrypts {@code plaintext} from this key to the peer. */
    public byte[] seal(byte[] plaintext, byte[] aad, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] key = key(salt, outbound);
        try {
            byte[] box = AesGcm.encrypt(key, plaintext, aad, random);
            byte[] out = new byte[SALT_LENGTH + box.length];
            System.arraycopy(salt, 0, out, 0, SALT_LENGTH);
            System.arraycopy(box, 0, out, SALT_LENGTH, box.length);
            return out;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a box the peer sealed to this key.
     *
     * @throws CryptoException if it is malformed, altered, from another key or for another, or {@code aad} differs
     */
    public byte[] open(byte[] box, byte[] aad) {
        if (box == null || box.length < SALT_LENGTH + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw new CryptoException("sealed box is malformed");
        }
        byte[] key = key(Arrays.copyOfRange(box, 0, SALT_LENGTH), inbound);
        try {
            return AesGcm.decrypt(key, Arrays.copyOfRange(box, SALT_LENGTH, box.length), aad);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] key(byte[] salt, byte[] info) {
        if (destroyed) {
            throw new IllegalStateException("the peer box was destroyed");
        }
        return Hkdf.sha256(shared, salt, info, 32);
    }

    private static byte[] info(byte[] senderPub, byte[] recipientPub) {
        byte[] info = new byte[INFO.length + senderPub.length + recipientPub.length];
        System.arraycopy(INFO, 0, info, 0, INFO.length);
        System.arraycopy(senderPub, 0, info, INFO.length, senderPub.length);
        System.arraycopy(recipientPub, 0, info, INFO.length + senderPub.length, recipientPub.length);
        return info;
    }

    /** Zeroes the agreed secret; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(shared, (byte) 0);
    }

    @Override
    public boolean isDestroyed() { return destroyed; }

    @Override
    public String toString() { return "PeerBox[<redacted>]"; }
}
