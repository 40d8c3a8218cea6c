package io.sigil.dkg.control;

import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.TokenId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Mint round 5, every node to every node: "my share of {@code tokenId} from DKG run {@code dkgId} is durably stored
 * (prepared)", signed by the node's identity key. Signed inside the payload, not only by the envelope, so that the
 * statements can be passed on: all n of them for one (run, token id) are the commit certificate, which any node
 * verifies by itself.
 *
 * <p>Signed digest: SHA-256("sigil/dkg-prepared/v1" || dkgId(32) || from(u16) || tokenId(32)). Wire form: tag 0x44,
 * version, dkgId(32), from(u16), tokenId(32), signature(65).
 */
public record PreparedStatement(byte[] dkgId, int from, TokenId tokenId, EcdsaSignature signature) {
    static final int TAG = 0x44;
    private static final byte[] DOMAIN = "sigil/dkg-prepared/v1".getBytes(StandardCharsets.US_ASCII);

    public PreparedStatement {
        if (dkgId == null || dkgId.length != 32 || from < 1 || from > 0xffff || tokenId == null || signature == null) {
            throw new IllegalArgumentException("malformed prepared statement");
        }
        dkgId = dkgId.clone();
    }

    @Override
    public byte[] dkgId() { return dkgId.clone(); }

    public static byte[] digest(byte[] dkgId, int from, TokenId tokenId) {
        return Sha256.hash(DOMAIN, dkgId, new byte[] {(byte) (from >>> 8), (byte) from}, tokenId.bytes());
    }

    /** True if this statement is about {@code dkgId, tokenId} and signed by {@code senderKey}. */
    public boolean verifies(byte[] expectedDkgId, TokenId expectedToken, ECPoint senderKey) {
        return Arrays.equals(dkgId, expectedDkgId) && tokenId.equals(expectedToken)
                && signature.verify(senderKey, digest(dkgId, from, tokenId));
    }

    void writeTo(Wire.Writer w) {
        w.fixed(dkgId).u16(from).fixed(tokenId.bytes()).fixed(signature.toBytes());
    }

    static PreparedStatement read(Wire.Reader r) {
        return new PreparedStatement(r.fixed(32), r.u16(), new TokenId(r.fixed(32)), EcdsaSignature.fromBytes(r.fixed(65)));
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG);
        writeTo(w);
        return w.toBytes();
    }

    public static PreparedStatement fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "prepared statement");
        PreparedStatement s = read(r);
        r.end();
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedStatement p && p.from == from && Arrays.equals(p.dkgId, dkgId)
                && p.tokenId.equals(tokenId) && p.signature.equals(signature);
    }

    @Override
    public int hashCode() { return from * 31 + tokenId.hashCode(); }
}
