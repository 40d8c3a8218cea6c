package io.sigil.signing.boundary;

import io.sigil.api.model.SignedShare;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.ecdsa.SignatureShare;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.pkp.control.PkpState;
import io.sigil.pkp.control.PkpStore;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.signing.control.SigningProtocol;
import io.sigil.signing.control.SigningRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * What an action's {@code signEcdsa} / {@code signAndCombineEcdsa} does on one participant node (for the engine's
 * ActionHost): check that the caller may use the PKP, load this node's key share, run the {@code sign} protocol
 * with the other participants, and return this node's share in API.md's {@code signedData[sigName]} shape. There is
 * deliberately no HTTP endpoint that signs without an action.
 */
@ApplicationScoped
public class ThresholdSigner {

    @Inject PkpStore store;
    @Inject SigningProtocol protocol;

    public ThresholdSigner() { }

    /** For tests outside a container. */
    public ThresholdSigner(PkpStore store, SigningProtocol protocol) {
        this.store = store;
        this.protocol = protocol;
    }

    /**
     * Whether a caller may sign with the PKP: the running action's CID is one of its permitted actions, or the
     * authSig's address is its owner.
     */
    static boolean mayUse(PkpState pkp, String actionCid, EthAddress authSigAddress) {
        return pkp.permits(actionCid) || (authSigAddress != null && authSigAddress.equals(pkp.owner()));
    }

    /**
     * Joins the request's signing session and returns this node's share (403 if the caller may not use the PKP, 409
     * if a participant states another message, 502 if one misbehaves, 503 if one does not answer in time).
     */
    public SignedShare sign(SigningRequest request, SigningCaller caller) {
        return sign(request, caller, null);
    }

    /**
     * As {@link #sign(SigningRequest, SigningCaller)}, waiting for the other participants at most {@code maxWait}
     * (an action passes its time left, so a missing participant cannot hold its worker past its deadline).
     */
    public SignedShare sign(SigningRequest request, SigningCaller caller, Duration maxWait) {
        KeyShare key = authorisedKey(request, caller);
        try {
            SignatureShare share = protocol.sign(request, key, maxWait);
            return new SignedShare(SignedShare.K256, Hex.encode(request.digest()), Hex.encode(Secp256k1.toBytes32(share.s())),
                    share.index(), Hex.encode(Secp256k1.encodeCompressed(share.bigR())),
                    Hex.encode(Secp256k1.encode(key.publicKey())), request.sigName());
        } finally {
            key.destroy();
        }
    }

    /** As {@link #sign}, then combines the participants' shares into the signature (signAndCombineEcdsa). */
    public EcdsaSignature signAndCombine(SigningRequest request, SigningCaller caller) {
        return signAndCombine(request, caller, null);
    }

    /** As {@link #signAndCombine(SigningRequest, SigningCaller)}, bounded by {@code maxWait}. */
    public EcdsaSignature signAndCombine(SigningRequest request, SigningCaller caller, Duration maxWait) {
        KeyShare key = authorisedKey(request, caller);
        try {
            return protocol.signAndCombine(request, key, maxWait);
        } finally {
            key.destroy();
        }
    }

    /** The caller's permission and the share in one look-up (a signing call's only visit to the store). */
    private KeyShare authorisedKey(SigningRequest request, SigningCaller caller) {
        return store.keyShare(request.tokenId(), pkp -> mayUse(pkp, caller.actionCid(), caller.authSigAddress()))
                .orElseThrow(() -> new SigilException(ProblemType.NOT_PERMITTED, "the action is not a permitted action"
                        + " of PKP " + request.tokenId() + " and the authSig is not its owner's"));
    }
}
