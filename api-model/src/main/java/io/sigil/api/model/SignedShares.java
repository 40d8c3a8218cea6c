package io.sigil.api.model;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.ecdsa.SessionId;
import io.sigil.crypto.ecdsa.SignatureCombiner;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Combines the participants' {@link SignedShare}s for one {@code sigName} into a {@link CombinedSignature}: checks
 * they agree on the key, the digest and {@code R}, Lagrange-combines them (THRESHOLD.md, "Client"), and verifies
 * the result against the PKP's key, so a wrong share from any node is caught here. Used by the gateway and by the
 * Java client, which trusts no single node.
 */
public final class SignedShares {
    private SignedShares() { }

    /**
     * @param requestId the request's 16-byte id (the session id binds it)
     * @throws CryptoException if the shares disagree or the combined signature does not verify
     * @throws IllegalArgumentException if a share is malformed
     */
    public static CombinedSignature combine(byte[] requestId, Collection<SignedShare> shares) {
        if (shares.isEmpty()) {
            throw new CryptoException("no signature shares");
        }
        SignedShare first = shares.iterator().next();
        ECPoint publicKey = Secp256k1.decodePoint(Hex.decode(first.publicKey()));
        byte[] digest = Hex.decode(first.dataSigned(), 32);
        TokenId tokenId = TokenId.of(publicKey);
        SessionId sid = SessionId.derive(requestId, tokenId.bytes(), first.sigName(), digest);
        List<SignatureShare> parsed = new ArrayList<>();
        for (SignedShare share : shares) {
            if (!SignedShare.K256.equals(share.sigType()) || !first.publicKey().equalsIgnoreCase(share.publicKey())
                    || !first.dataSigned().equalsIgnoreCase(share.dataSigned()) || !first.sigName().equals(share.sigName())) {
                throw new CryptoException("signature shares disagree on the key, the data or the name");
            }
            parsed.add(new SignatureShare(sid, share.shareIndex(),
                    new BigInteger(1, Hex.decode(share.signatureShare(), 32)),
                    Secp256k1.decodePoint(Hex.decode(share.bigR()))));
        }
        EcdsaSignature sig = SignatureCombiner.combine(publicKey, digest, parsed);
        return new CombinedSignature(Hex.encode(Secp256k1.toBytes32(sig.r())), Hex.encode(Secp256k1.toBytes32(sig.s())),
                sig.recid(), sig.toHex(), Hex.encode(Secp256k1.encode(publicKey)), Hex.encode(digest),
                EthAddress.of(publicKey).toString());
    }
}
