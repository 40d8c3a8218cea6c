package io.sigil.storage;

import io.sigil.crypto.Hex;
import io.sigil.node.NodeConfig;
import io.sigil.node.PrivateFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's AES-256 storage key, kept apart from the database: from {@code sigil.storage.key} (for example the
 * environment variable {@code SIGIL_STORAGE_KEY}, 32 bytes as hex) or else from {@code storage.key} in the data
 * directory, created on first start and readable by the owner only. Losing it loses every secret column.
 */
@ApplicationScoped
public class StorageKey {
    private static final Logger LOG = Logger.getLogger(StorageKey.class.getName());
    static final String FILE_NAME = "storage.key";

    @Inject @ConfigProperty(name = "sigil.storage.key")
    Optional<String> configuredKey;

    @Inject
    NodeConfig node;

    private byte[] key;

    public StorageKey() { }

    /** For tests and tools outside a container. */
    public StorageKey(NodeConfig node, Optional<String> configuredKey) {
        this.node = node;
        this.configuredKey = configuredKey;
        init();
    }

    @PostConstruct
    void init() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            key = decode(configuredKey.get().trim());
            LOG.info("storage key taken from configuration (sigil.storage.key)");
            return;
        }
        Path file = node.dataDirectory().resolve(FILE_NAME);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        if (PrivateFiles.createIfAbsent(file, Hex.encode(fresh).getBytes(StandardCharsets.US_ASCII))) {
            LOG.info(() -> "created a new storage key in " + file);
        }
        Arrays.fill(fresh, (byte) 0);
        key = decode(new String(PrivateFiles.read(file), StandardCharsets.US_ASCII).trim());
    }

    private static byte[] decode(String hex) {
        byte[] bytes;
        try {
            bytes = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the storage key is not hex");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("the storage key must be 32 bytes (64 hex digits)");
        }
        return bytes;
    }

    /** The raw key, for {@link SecretSealer} only. */
    byte[] bytes() { return key; }

    @PreDestroy
    void wipe() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String toString() { return "StorageKey[<redacted>]"; }
}
