package io.sigil.node;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.identity.SealedBox;
import io.sigil.storage.SecretSealer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.logging.Logger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The node's secp256k1 identity key: it signs every node-to-node message and opens private payloads sent to
 * this node. Created on first start in {@code identity.key} under the data directory (owner-only, and sealed
 * with the storage key), kept across restarts; the private key never leaves this class.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start: no container lock on signing
public class NodeIdentity {
    private static final Logger LOG = Logger.getLogger(NodeIdentity.class.getName());
    static final String FILE_NAME = "identity.key";
    private static final String SEAL_CONTEXT = "identity-key";

    @Inject
    NodeConfig config;

    @Inject
    SecretSealer sealer;

    private DataDirectoryLock lock;
    private IdentityKey key;
    private ECPoint publicKey;
    private EthAddress address;

    public NodeIdentity() { }

    /** For tests and tools outside a container. */
    public NodeIdentity(NodeConfig config, SecretSealer sealer) {
        this.config = config;
        this.sealer = sealer;
        start();
    }

    @PostConstruct
    void start() {
        Path dataDir = config.dataDirectory();
        lock = DataDirectoryLock.acquire(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        IdentityKey fresh = IdentityKey.generate(new SecureRandom());
        byte[] raw = fresh.toBytes();
        if (PrivateFiles.createIfAbsent(file, sealer.seal(SEAL_CONTEXT, raw))) {
            LOG.info(() -> "created a new identity key in " + file);
        }
        Arrays.fill(raw, (byte) 0);
        fresh.destroy();
        byte[] stored;
        try {
            stored = sealer.open(SEAL_CONTEXT, PrivateFiles.read(file));
        } catch (CryptoException e) {
            throw new IllegalStateException("the identity key in " + file
                    + " cannot be opened with the configured storage key");
        }
        key = IdentityKey.fromBytes(stored);
        Arrays.fill(stored, (byte) 0);
        publicKey = key.publicKey();
        address = key.address();
        LOG.info(() -> "node " + config.self() + " identity " + address);
    }

    /** Wipes the key and releases the data directory (the container calls this at shutdown). */
    @PreDestroy
    public void close() {
        if (key != null) {
            key.destroy();
        }
        if (lock != null) {
            lock.close();
        }
    }

    public NodeIndex index() { return config.self(); }
    public ECPoint publicKey() { return publicKey; }
    public EthAddress address() { return address; }
    public boolean ready() { return key != null; }

    /** Signs a 32-byte digest with the identity key. */
    public EcdsaSignature sign(byte[] digest) { return key.sign(digest); }

    /** Opens a payload sealed to this node's identity key; throws CryptoException if it is not for us or was altered. */
    public byte[] open(byte[] sealed, byte[] aad) { return SealedBox.open(key, sealed, aad); }

    @Override
    public String toString() { return "NodeIdentity[" + address + "]"; }
}
