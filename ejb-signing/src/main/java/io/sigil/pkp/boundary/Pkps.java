package io.sigil.pkp.boundary;

import io.sigil.api.model.MintRequest;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.Pkp;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.auth.VerifiedAuthSig;
import io.sigil.crypto.eth.TokenId;
import io.sigil.dkg.control.DkgProtocol;
import io.sigil.pkp.control.PermissionChange;
import io.sigil.pkp.control.PermissionSync;
import io.sigil.pkp.control.PkpState;
import io.sigil.pkp.control.PkpStore;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * PKPs as the HTTP API offers them (API.md): mint by DKG, show, change permissions. Each call checks its input,
 * then hands over to the one component that does the work.
 */
@ApplicationScoped
public class Pkps {
    private static final Pattern TOKEN_ID = Pattern.compile("0x[0-9a-fA-F]{64}|[0-9]{1,78}");

    @Inject AuthSigVerifier authSigs;
    @Inject DkgProtocol dkg;
    @Inject PkpStore store;
    @Inject PermissionSync sync;

    /** {@code POST /api/v1/pkps}: the authSig's address owns the new PKP. */
    public Pkp mint(MintRequest request) {
        if (request == null) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        VerifiedAuthSig owner = authSigs.verify(request.authSig(), "authSig");
        var permitted = PermissionChange.cids(request.permittedActions(), "permittedActions");
        return dkg.lead(request.authSig(), owner, permitted, Boolean.TRUE.equals(request.sealed())).toApi();
    }

    /** {@code GET /api/v1/pkps/{tokenId}}; 404 if this node has no active PKP with that id. */
    public Pkp get(String tokenId) {
        TokenId id = tokenId(tokenId);
        return store.find(id).map(PkpState::toApi).orElseThrow(() -> SigilException.notFound("PKP " + id));
    }

    /**
     * {@code POST /api/v1/pkps/{tokenId}/permissions}: verifies the owner's signature, applies the change here and
     * forwards it to every peer. A change for a version this node has not reached yet makes it catch up first.
     */
    public Pkp changePermissions(String tokenId, PermissionChangeRequest request) {
        TokenId id = tokenId(tokenId);
        PermissionChange change = PermissionChange.of(id, request);
        PkpState current = store.find(id).orElseThrow(() -> SigilException.notFound("PKP " + id));
        if (change.fromVersion() > current.version()) {
            sync.catchUp(id);
        }
        PkpState after = store.apply(change);
        sync.forward(change);
        return after.toApi();
    }

    /** {@code Lit.Actions.isPermittedAction({tokenId, ipfsId})}; 404 unknown PKP. */
    public boolean isPermittedAction(String tokenId, String ipfsId) {
        TokenId id = tokenId(tokenId);
        return store.find(id).orElseThrow(() -> SigilException.notFound("PKP " + id)).permits(ipfsId);
    }

    /** {@code Lit.Actions.getPermittedActions({tokenId})}: sorted CIDs; 404 unknown PKP. */
    public java.util.List<String> permittedActions(String tokenId) {
        return get(tokenId).permittedActions();
    }

    /** {@code Lit.Actions.pubkeyToTokenId({publicKey})}: {@code 0x} + keccak256 of the uncompressed key without 0x04. */
    public static String pubkeyToTokenId(String publicKey) {
        try {
            return TokenId.of(io.sigil.crypto.Secp256k1.decodePoint(io.sigil.crypto.Hex.decode(publicKey))).toString();
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("publicKey", "must be a secp256k1 public key in hex");
        }
    }

    private static TokenId tokenId(String text) {
        if (text == null || !TOKEN_ID.matcher(text).matches()) {
            throw SigilException.malformed("tokenId", "must be 0x and 64 hex digits (or the decimal token id)");
        }
        try {
            return TokenId.parse(text.startsWith("0x") ? text.toLowerCase(java.util.Locale.ROOT) : text);
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("tokenId", "must be 0x and 64 hex digits (or the decimal token id)");
        }
    }
}
