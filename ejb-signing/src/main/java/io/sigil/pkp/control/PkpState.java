package io.sigil.pkp.control;

import io.sigil.api.model.Pkp;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.pkp.entity.PkpRecord;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An active PKP as the rest of the node sees it: immutable, with typed fields.
 *
 * @param permittedActions sorted CIDv0 strings
 * @param version          0 at mint, +1 per applied permission change
 */
public record PkpState(TokenId tokenId, ECPoint publicKey, EthAddress ethAddress, EthAddress owner,
                       List<String> permittedActions, boolean sealed, long version) {

    public PkpState {
        permittedActions = List.copyOf(permittedActions);
    }

    static PkpState of(PkpRecord r) {
        return new PkpState(TokenId.parse(r.tokenId()), Secp256k1.decodePoint(Hex.decode(r.publicKey())),
                EthAddress.parse(r.ethAddress()), EthAddress.parse(r.owner()), r.permittedActions(), r.sealed(),
                r.version());
    }

    public boolean permits(String actionCid) {
        return actionCid != null && permittedActions.contains(actionCid);
    }

    /** The API.md shape. */
    public Pkp toApi() {
        return new Pkp(tokenId.toString(), Hex.encode(Secp256k1.encode(publicKey)), ethAddress.toString(),
                owner.toString(), permittedActions, sealed, version);
    }
}
