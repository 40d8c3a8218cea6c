package io.sigil.dkg.control;

import io.sigil.api.model.AuthSig;
import io.sigil.crypto.Wire;
import java.util.ArrayList;
import java.util.List;

/**
 * Mint round 0, leader to every node: what to mint. Each node checks the authSig itself and that {@code n, t}
 * are its own network's before it joins. The DKG run id is the transport session id.
 *
 * <p>Wire form: tag 0x41, version, dkgId(32), leader(u16), n(u16), t(u16), authSig (sig, derivedVia,
 * signedMessage, address as strings), permittedActions (u16 count + strings), sealed(u8).
 */
public record MintProposal(byte[] dkgId, int leader, int n, int t, AuthSig authSig, List<String> permittedActions,
                           boolean sealed) {
    static final int TAG = 0x41;

    public MintProposal {
        if (dkgId == null || dkgId.length != 32 || authSig == null || permittedActions == null) {
            throw new IllegalArgumentException("malformed mint proposal");
        }
        dkgId = dkgId.clone();
        permittedActions = List.copyOf(permittedActions);
    }

    @Override
    public byte[] dkgId() { return dkgId.clone(); }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).fixed(dkgId).u16(leader).u16(n).u16(t)
                .string(authSig.sig()).string(authSig.derivedVia()).string(authSig.signedMessage())
                .string(authSig.address()).u16(permittedActions.size());
        permittedActions.forEach(w::string);
        return w.u8(sealed ? 1 : 0).toBytes();
    }

    public static MintProposal fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "mint proposal");
        byte[] id = r.fixed(32);
        int leader = r.u16();
        int n = r.u16();
        int t = r.u16();
        AuthSig authSig = new AuthSig(r.string(), r.string(), r.string(), r.string());
        int count = r.u16();
        List<String> cids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cids.add(r.string());
        }
        int sealed = r.u8();
        r.end();
        if (sealed > 1) {
            throw new IllegalArgumentException("malformed mint proposal");
        }
        return new MintProposal(id, leader, n, t, authSig, cids, sealed == 1);
    }

    @Override
    public String toString() {
        return "MintProposal[leader " + leader + ", " + authSig + ", " + permittedActions.size() + " actions]";
    }
}
