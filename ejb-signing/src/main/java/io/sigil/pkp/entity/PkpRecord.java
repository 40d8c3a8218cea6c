package io.sigil.pkp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;

/**
 * A PKP as this node keeps it: public data, permissions and where its mint stands. A PKP is {@link State#PREPARED}
 * from the moment this node's key share is durable until it holds the mint's commit certificate (every node's
 * signed "prepared" statement), then {@link State#ACTIVE}; only active PKPs are shown or used for signing.
 */
@Entity
@Table(name = "sigil_pkp")
public class PkpRecord {

    /** Where the mint of this PKP stands on this node. */
    public enum State { PREPARED, ACTIVE }

    /** Permitted actions are kept as one space-separated, sorted column; this caps their number. */
    public static final int MAX_PERMITTED_ACTIONS = 256;

    @Id
    @Column(name = "token_id", length = 66)
    private String tokenId;

    @Column(name = "dkg_id", nullable = false, length = 66)
    private String dkgId;

    @Column(name = "public_key", nullable = false, length = 132)
    private String publicKey;

    @Column(name = "eth_address", nullable = false, length = 42)
    private String ethAddress;

    @Column(name = "owner_address", nullable = false, length = 42)
    private String owner;

    @Column(name = "permitted_actions", nullable = false, length = 12288)
    private String permittedActions;

    @Column(name = "sealed", nullable = false)
    private boolean sealed;

    /** The permission version: 0 at mint, +1 per applied change. */
    @Column(name = "version", nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    /** The signed prepared statements known for this mint (the commit certificate once all n are here). */
    @Column(name = "prepared_statements", length = 262144)
    private byte[] preparedStatements;

    @Column(name = "created_at_ms", nullable = false)
    private long createdAtMs;

    /** Optimistic lock: a second writer that read the same row fails instead of overwriting. */
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected PkpRecord() { }

    public PkpRecord(String tokenId, String dkgId, String publicKey, String ethAddress, String owner,
                     List<String> permittedActions, boolean sealed, byte[] preparedStatements, long createdAtMs) {
        this.tokenId = tokenId;
        this.dkgId = dkgId;
        this.publicKey = publicKey;
        this.ethAddress = ethAddress;
        this.owner = owner;
        setPermittedActions(permittedActions);
        this.sealed = sealed;
        this.version = 0;
        this.state = State.PREPARED;
        this.preparedStatements = preparedStatements;
        this.createdAtMs = createdAtMs;
    }

    public String tokenId() { return tokenId; }
    public String dkgId() { return dkgId; }
    public String publicKey() { return publicKey; }
    public String ethAddress() { return ethAddress; }
    public String owner() { return owner; }
    public boolean sealed() { return sealed; }
    public long version() { return version; }
    public State state() { return state; }
    public long createdAtMs() { return createdAtMs; }
    public byte[] preparedStatements() { return preparedStatements == null ? null : preparedStatements.clone(); }

    /** Sorted CIDs. */
    public List<String> permittedActions() {
        return permittedActions.isEmpty() ? List.of() : Arrays.asList(permittedActions.split(" "));
    }

    public void setPermittedActions(List<String> cids) {
        if (cids.size() > MAX_PERMITTED_ACTIONS) {
            throw new IllegalArgumentException("too many permitted actions");
        }
        this.permittedActions = String.join(" ", cids.stream().sorted().distinct().toList());
    }

    public void setPreparedStatements(byte[] statements) { this.preparedStatements = statements.clone(); }

    public void activate() { this.state = State.ACTIVE; }

    /** Records an applied permission change: new permissions, maybe sealed, version + 1. */
    public void changed(List<String> permitted, boolean seal) {
        setPermittedActions(permitted);
        this.sealed = this.sealed || seal;
        this.version++;
    }

    @Override
    public String toString() { return "PkpRecord[" + tokenId + " v" + version + " " + state + "]"; }
}
