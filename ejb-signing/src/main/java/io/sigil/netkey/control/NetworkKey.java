package io.sigil.netkey.control;

import io.sigil.crypto.Wire;
import io.sigil.crypto.shamir.FeldmanCommitment;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public half of the network encryption key: n, t and the summed Feldman commitments {@code A_k}, from which
 * {@code Y_enc = A_0} and every node's public share {@code X_j} follow. Everything a client needs to encrypt and to
 * check decryption shares.
 *
 * <p>Wire form: tag 0x51, version, n(u16), t(u16), commitments.
 */
public record NetworkKey(int n, int t, FeldmanCommitment commitments) {
    static final int TAG = 0x51;

    public NetworkKey {
        if (commitments == null || n < 1 || t < 0 || t >= n || commitments.degree() != t) {
            throw new IllegalArgumentException("malformed network key");
        }
    }

    public ECPoint publicKey() { return commitments.constantTerm(); }

    public ECPoint publicShare(int j) { return commitments.evaluate(j); }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u16(n).u16(t);
        commitments.writeTo(w);
        return w.toBytes();
    }

    public static NetworkKey fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "network key");
        int n = r.u16();
        int t = r.u16();
        FeldmanCommitment c = FeldmanCommitment.read(r);
        r.end();
        return new NetworkKey(n, t, c);
    }
}
