package io.sigil.pkp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One applied owner-signed permission change, kept so that a node that missed it can fetch it from this one:
 * the change carries the owner's signature, so the fetching node verifies it itself.
 */
@Entity
@Table(name = "sigil_pkp_change")
public class PermissionChangeRecord {
    /** {@code <tokenId>/<fromVersion>}: one change per version of a PKP. */
    @Id
    @Column(name = "id", length = 90)
    private String id;

    @Column(name = "token_id", nullable = false, length = 66)
    private String tokenId;

    @Column(name = "from_version", nullable = false)
    private long fromVersion;

    /** The change in its wire form ({@code PermissionChange.toBytes()}), signature included. */
    @Column(name = "signed_change", nullable = false, length = 65536)
    private byte[] signedChange;

    @Column(name = "applied_at_ms", nullable = false)
    private long appliedAtMs;

    protected PermissionChangeRecord() { }

    public PermissionChangeRecord(String tokenId, long fromVersion, byte[] signedChange, long appliedAtMs) {
        this.id = tokenId + "/" + fromVersion;
        this.tokenId = tokenId;
        this.fromVersion = fromVersion;
        this.signedChange = signedChange.clone();
        this.appliedAtMs = appliedAtMs;
    }

    public String tokenId() { return tokenId; }
    public long fromVersion() { return fromVersion; }
    public byte[] signedChange() { return signedChange.clone(); }
}
