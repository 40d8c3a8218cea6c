package io.sigil.pkp.control;

import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Wire;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.pkp.entity.PkpRecord;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An owner-signed change of a PKP's permissions (issue 5 item 4). Self-authenticating: the owner's EIP-191
 * signature covers {@link PermissionChangeText} of (token id, version, change), so any node verifies it by itself,
 * whoever forwarded it, and it applies to exactly one version of one PKP.
 *
 * <p>Wire form ({@link Wire}) for node-to-node forwarding and catch-up: tag 0x51, version, tokenId(32),
 * fromVersion (u32 high, u32 low), add (u16 count + strings), remove (u16 count + strings), seal (u8),
 * signature (65).
 *
 * @param add    CIDs to permit, sorted and distinct
 * @param remove CIDs to stop permitting, sorted and distinct, disjoint from {@code add}
 */
public record PermissionChange(TokenId tokenId, long fromVersion, List<String> add, List<String> remove,
                               boolean seal, EcdsaSignature signature) {
    static final int TAG = 0x51;
    private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-fA-F]{130}");

    public PermissionChange {
        add = List.copyOf(new TreeSet<>(add));
        remove = List.copyOf(new TreeSet<>(remove));
    }

    /** Validates a request (400 naming the field on any problem); the signature is checked by {@link #checkAgainst}. */
    public static PermissionChange of(TokenId tokenId, PermissionChangeRequest request) {
        if (request == null) {
            throw SigilException.malformed("body", "a JSON object is required");
        }
        if (request.version() == null || request.version() < 0 || request.version() > 0xffff_ffffL) {
            throw SigilException.malformed("version", "must be the PKP's current version (an integer >= 0)");
        }
        List<String> add = cids(request.addPermittedActions(), "addPermittedActions");
        List<String> remove = cids(request.removePermittedActions(), "removePermittedActions");
        boolean seal = Boolean.TRUE.equals(request.seal());
        if (add.stream().anyMatch(remove::contains)) {
            throw SigilException.malformed("removePermittedActions", "must not name a CID that is also added");
        }
        if (add.isEmpty() && remove.isEmpty() && !seal) {
            throw SigilException.malformed("body", "the change adds, removes and seals nothing");
        }
        if (request.signature() == null || !SIGNATURE.matcher(request.signature()).matches()) {
            throw SigilException.malformed("signature", "must be a 65-byte 0x hex EIP-191 signature");
        }
        EcdsaSignature signature;
        try {
            signature = EcdsaSignature.fromHex(request.signature().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed("signature", "must be a 65-byte 0x hex EIP-191 signature");
        }
        return new PermissionChange(tokenId, request.version(), add, remove, seal, signature);
    }

    /** Validates a list of CIDv0 strings (null is empty); 400 naming {@code field} otherwise. */
    public static List<String> cids(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > PkpRecord.MAX_PERMITTED_ACTIONS) {
            throw SigilException.malformed(field, "at most " + PkpRecord.MAX_PERMITTED_ACTIONS + " CIDs");
        }
        TreeSet<String> out = new TreeSet<>();
        for (String v : values) {
            try {
                out.add(Cid.parse(v).value());
            } catch (IllegalArgumentException e) {
                throw SigilException.malformed(field, "each entry must be an IPFS CIDv0 (Qm...)");
            }
        }
        return List.copyOf(out);
    }

    /** The exact text the owner signed. */
    public String text() {
        return PermissionChangeText.of(tokenId.toString(), fromVersion, add, remove, seal);
    }

    /** The address that signed {@link #text()}, if the signature recovers at all. */
    public Optional<EthAddress> signer() {
        try {
            return Optional.of(Eip191.recoverAddress(text().getBytes(StandardCharsets.UTF_8), signature));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses the change unless it applies to {@code current}: signed by the owner (403), PKP not sealed (403),
     * {@code fromVersion} is the current version (409).
     */
    public void checkAgainst(PkpState current) {
        if (!signer().map(current.owner()::equals).orElse(false)) {
            throw new SigilException(ProblemType.NOT_PERMITTED,
                    "the change is not signed by the PKP's owner (EIP-191 over the canonical permission text)");
        }
        if (current.sealed()) {
            throw new SigilException(ProblemType.NOT_PERMITTED, "the PKP is sealed: its permissions cannot change");
        }
        if (fromVersion != current.version()) {
            throw new SigilException(ProblemType.CONFLICT, "the change is for version " + fromVersion
                    + " but the PKP is at version " + current.version(), java.util.Map.of("currentVersion", current.version()));
        }
    }

    /** The permitted actions after this change. */
    public List<String> applyTo(List<String> permitted) {
        TreeSet<String> out = new TreeSet<>(permitted);
        out.addAll(add);
        out.removeAll(remove);
        if (out.size() > PkpRecord.MAX_PERMITTED_ACTIONS) {
            throw SigilException.malformed("addPermittedActions", "a PKP has at most "
                    + PkpRecord.MAX_PERMITTED_ACTIONS + " permitted actions");
        }
        return List.copyOf(out);
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).fixed(tokenId.bytes())
                .fixed(ByteBuffer.allocate(8).putLong(fromVersion).array());
        w.u16(add.size());
        add.forEach(w::string);
        w.u16(remove.size());
        remove.forEach(w::string);
        return w.u8(seal ? 1 : 0).fixed(signature.toBytes()).toBytes();
    }

    /** Parses and validates the CIDs; throws {@link IllegalArgumentException} on anything malformed. */
    public static PermissionChange fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "permission change");
        TokenId tokenId = new TokenId(r.fixed(32));
        long fromVersion = ByteBuffer.wrap(r.fixed(8)).getLong();
        List<String> add = readCids(r);
        List<String> remove = readCids(r);
        int seal = r.u8();
        EcdsaSignature signature = EcdsaSignature.fromBytes(r.fixed(65));
        r.end();
        if (fromVersion < 0 || seal > 1) {
            throw new IllegalArgumentException("malformed permission change");
        }
        return new PermissionChange(tokenId, fromVersion, add, remove, seal == 1, signature);
    }

    private static List<String> readCids(Wire.Reader r) {
        int count = r.u16();
        if (count > PkpRecord.MAX_PERMITTED_ACTIONS) {
            throw new IllegalArgumentException("malformed permission change");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Cid.parse(r.string()).value());
        }
        return out;
    }
}
