package io.sigil.netkey.control;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.node.NodeConfig;
import io.sigil.node.PrivateFiles;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.storage.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This node's record of the network encryption key, in its data directory: {@code network-key/public.bin}
 * ({@link NetworkKey}) and, on a node that took part in the DKG, {@code network-key/share.sealed}: its
 * {@code KeyShare.toBytes()} sealed with the node's storage key under {@code network-key/<Y_enc hex>}, so the
 * plaintext never touches disk and the file opens only as the share of that key. Both are written once (atomic
 * create, never overwritten): the key is made once per network.
 */
@ApplicationScoped
public class NetworkKeyStore {
    @Inject NodeConfig config;
    @Inject SecretSealer sealer;

    private volatile NetworkKey cached;

    public NetworkKeyStore() { }

    public NetworkKeyStore(NodeConfig config, SecretSealer sealer) {
        this.config = config;
        this.sealer = sealer;
    }

    /** The public key, if this node has made or learnt it. */
    public Optional<NetworkKey> key() {
        NetworkKey k = cached;
        if (k == null && Files.exists(publicFile())) {
            k = NetworkKey.fromBytes(PrivateFiles.read(publicFile()));
            cached = k;
        }
        return Optional.ofNullable(k);
    }

    /** The public key or {@code 503 not-ready}. */
    public NetworkKey require() {
        return key().orElseThrow(() -> new SigilException(ProblemType.NOT_READY,
                "the network encryption key has not been made yet"));
    }

    public boolean hasShare() { return Files.exists(shareFile()); }

    /** This node's share, opened from its sealed file; the caller must {@code destroy()} it. 503 without one. */
    public KeyShare share() {
        NetworkKey key = require();
        if (!hasShare()) {
            throw new SigilException(ProblemType.NOT_READY, "this node holds no share of the network encryption key");
        }
        byte[] plain = sealer.open(context(key), PrivateFiles.read(shareFile()));
        try {
            return KeyShare.restore(plain);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    /** Stores the share made by the DKG (share first, then the public record that makes the key visible). */
    public synchronized void storeShare(KeyShare share) {
        NetworkKey key = new NetworkKey(share.n(), share.t(), share.commitments());
        byte[] plain = share.toBytes();
        try {
            PrivateFiles.createIfAbsent(shareFile(), sealer.seal(context(key), plain));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
        storePublic(key);
    }

    /** Records a key learnt from peers (this node then serves it but holds no share). */
    public synchronized void storePublic(NetworkKey key) {
        PrivateFiles.createIfAbsent(publicFile(), key.toBytes());
        cached = null;
    }

    private static String context(NetworkKey key) {
        return "network-key/" + Hex.encode(Secp256k1.encode(key.publicKey()));
    }

    private Path dir() { return config.dataDirectory().resolve("network-key"); }
    private Path publicFile() { return dir().resolve("public.bin"); }
    private Path shareFile() { return dir().resolve("share.sealed"); }
}
