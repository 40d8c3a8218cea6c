package io.sigil.action;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** An action's code under its IPFS CIDv0; never changes once stored. */
@Entity
@Table(name = "sigil_action")
public class StoredAction {
    @Id
    @Column(name = "cid", length = 64)
    private String cid;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "code", nullable = false)
    private byte[] code;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "stored_at_ms", nullable = false)
    private long storedAtMs;

    protected StoredAction() { }

    StoredAction(String cid, byte[] code) {
        this.cid = cid;
        this.code = code.clone();
        this.size = code.length;
        this.storedAtMs = System.currentTimeMillis();
    }

    public String cid() { return cid; }
    public byte[] code() { return code.clone(); }
    public long size() { return size; }
}
