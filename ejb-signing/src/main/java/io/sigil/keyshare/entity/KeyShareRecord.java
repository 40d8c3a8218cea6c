package io.sigil.keyshare.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This node's share of one PKP key (THRESHOLD.md "Key generation" step 3), sealed with the node's storage key under
 * the context {@code key-share/<tokenId>} ({@link #sealContext}), so the ciphertext opens only as the share of that
 * token id: a row copied onto another PKP's does not open. The plaintext ({@code KeyShare.toBytes()}) never touches
 * the database. Its lifecycle (prepared, active) is its {@link io.sigil.pkp.entity.PkpRecord}'s.
 */
@Entity
@Table(name = "sigil_key_share")
public class KeyShareRecord {
    @Id
    @Column(name = "token_id", length = 66)
    private String tokenId;

    @Column(name = "share_index", nullable = false)
    private int shareIndex;

    /** {@code SecretSealer.seal(sealContext(tokenId), keyShare.toBytes())}. */
    @Column(name = "sealed_share", nullable = false, length = 65536)
    private byte[] sealedShare;

    @Column(name = "created_at_ms", nullable = false)
    private long createdAtMs;

    protected KeyShareRecord() { }

    public KeyShareRecord(String tokenId, int shareIndex, byte[] sealedShare, long createdAtMs) {
        this.tokenId = tokenId;
        this.shareIndex = shareIndex;
        this.sealedShare = sealedShare.clone();
        this.createdAtMs = createdAtMs;
    }

    /** The storage-sealing context of a token id's share: binds the ciphertext to its row. */
    public static String sealContext(String tokenId) {
        return "key-share/" + tokenId;
    }

    public String tokenId() { return tokenId; }
    public int shareIndex() { return shareIndex; }
    public byte[] sealedShare() { return sealedShare.clone(); }
    public long createdAtMs() { return createdAtMs; }

    @Override
    public String toString() {
        return "KeyShareRecord[" + tokenId + ", index " + shareIndex + ", <sealed>]";
    }
}
