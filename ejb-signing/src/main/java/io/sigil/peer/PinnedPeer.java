package io.sigil.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A peer's identity key as first seen (trust on first contact); a different key later is refused. */
@Entity
@Table(name = "sigil_pinned_peer")
public class PinnedPeer {
    @Id
    @Column(name = "node_index")
    private int nodeIndex;

    @Column(name = "identity_public_key", nullable = false, length = 140)
    private String identityPublicKey;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "pinned_at_ms", nullable = false)
    private long pinnedAtMs;

    protected PinnedPeer() { }

    PinnedPeer(int nodeIndex, String identityPublicKey, String url, long pinnedAtMs) {
        this.nodeIndex = nodeIndex;
        this.identityPublicKey = identityPublicKey;
        this.url = url;
        this.pinnedAtMs = pinnedAtMs;
    }

    public int nodeIndex() { return nodeIndex; }
    public String identityPublicKey() { return identityPublicKey; }
    public String url() { return url; }
    public long pinnedAtMs() { return pinnedAtMs; }
}
