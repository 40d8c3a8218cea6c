package io.sigil.crypto.dkg;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.shamir.FeldmanCommitment;
import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A node's share of a distributed key (THRESHOLD.md "Key generation" step 3): its secret {@code x_j}, the public key
 * {@code Y = A_0} and the summed commitments {@code A_k}, from which anyone computes the public share
 * {@code X_i = sum_k i^k A_k} of any node.
 *
 * <p>Wire form ({@link Wire}), for storage encrypted under the node's storage key only: tag 0x14, version,
 * index(u16), n(u16), t(u16), x(32), commitments (u16 count + 33-byte points).
 */
public final class KeyShare implements Destroyable {

    static final int TAG = 0x14;

    private final int index;
    private final int n;
    private final int t;
    private final byte[] secret;
    private final FeldmanCommitment commitments;
    private volatile boolean destroyed;

    /**
     * @throws IllegalArgumentException unless {@code x*G == X_index}, the commitments have degree t and the
     *         indices are consistent: a share that does not match its public data is never accepted
     */
    public KeyShare(int index, int n, int t, BigInteger x, FeldmanCommitment commitments) {
        this(index, n, t, x, commitments, true);
    }

    private KeyShare(int index, int n, int t, BigInteger x, FeldmanCommitment commitments, boolean check) {
        if (t < 1 || 2 * t + 1 > n || n > 0xffff || index < 1 || index > n) {
            throw new IllegalArgumentException("key share parameters out of range");
        }
        if (commitments == null || commitments.degree() != t) {
            throw new IllegalArgumentException("key share commitments have the wrong degree");
        }
        if (x == null || x.signum() <= 0 || x.compareTo(Secp256k1.Q) >= 0
                || check && !commitments.verify(index, x)) {
            throw new IllegalArgumentException("key share does not match its commitments");
        }
        this.index = index;
        this.n = n;
        this.t = t;
        this.secret = Secp256k1.toBytes32(x);
        this.commitments = commitments;
    }

    public int index() {
        return index;
    }

    public int n() {
        return n;
    }

    public int t() {
        return t;
    }

    /** {@code x_j}. Secret: use it, do not keep or print it. */
    public BigInteger secretShare() {
        if (destroyed) {
            throw new IllegalStateException("key share was destroyed");
        }
        return new BigInteger(1, secret);
    }

    /** The distributed public key {@code Y}. */
    public ECPoint publicKey() {
        return commitments.constantTerm();
    }

    /** {@code A_0..A_t}. */
    public FeldmanCommitment commitments() {
        return commitments;
    }

    /** {@code X_j = x_j*G} of any node {@code j}, computed from the commitments. */
    public ECPoint publicShare(int j) {
        if (j < 1 || j > n) {
            throw new IllegalArgumentException("node index out of range");
        }
        return commitments.evaluate(j);
    }

    /** The PKP token id of {@code Y}. */
    public TokenId tokenId() {
        return TokenId.of(publicKey());
    }

    /** The 32-byte key id used in signing session ids: the token id bytes. */
    public byte[] keyId() {
        return tokenId().bytes();
    }

    public EthAddress address() {
        return EthAddress.of(publicKey());
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u16(index).u16(n).u16(t).scalar(secretShare());
        commitments.writeTo(w);
        return w.toBytes();
    }

    /** Reads a share from anywhere, checking it against its commitments as the constructor does. */
    public static KeyShare fromBytes(byte[] bytes) {
        return read(bytes, true);
    }

    /**
     * Reads a share that this node accepted (checked {@code x*G == X_index}) and then sealed into its own storage
     * with authenticated encryption: the seal proves these are the bytes that passed, so the check, a full
     * multiplication and the commitments' evaluation on every signature, is not repeated. Shape, ranges and the
     * commitments' points are still checked. Anything else must use {@link #fromBytes}.
     */
    public static KeyShare restore(byte[] bytesOpenedFromOwnStorage) {
        return read(bytesOpenedFromOwnStorage, false);
    }

    private static KeyShare read(byte[] bytes, boolean check) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "key share");
        int index = r.u16();
        int n = r.u16();
        int t = r.u16();
        BigInteger x = r.scalar();
        FeldmanCommitment a = FeldmanCommitment.read(r);
        r.end();
        return new KeyShare(index, n, t, x, a, check);
    }

    @Override
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KeyShare[index=" + index + ", n=" + n + ", t=" + t + ", publicKey="
                + Hex.encode(Secp256k1.encode(publicKey())) + ", x=<redacted>]";
    }
}
