package io.sigil.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hex;
import io.sigil.node.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealerTest {
    @TempDir
    Path dir;

    NodeConfig config() {
        return new NodeConfig(1, List.of("http://127.0.0.1:8080"), Optional.empty(), dir.toString());
    }

    @Test
    void sealedSecretOpensOnlyInItsContext() {
        SecretSealer sealer = new SecretSealer(new StorageKey(config(), Optional.empty()));
        byte[] secret = "share of 0xabc".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = sealer.seal("key-share/0xabc", secret);
        assertArrayEquals(secret, sealer.open("key-share/0xabc", sealed));
        assertThrows(CryptoException.class, () -> sealer.open("key-share/0xdef", sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(CryptoException.class, () -> sealer.open("key-share/0xabc", sealed));
        assertThrows(CryptoException.class, () -> sealer.open("key-share/0xabc", new byte[] {9, 9}));
    }

    @Test
    void storageKeyFileIsCreatedOnceAndReused() throws Exception {
        SecretSealer first = new SecretSealer(new StorageKey(config(), Optional.empty()));
        byte[] sealed = first.seal("c", new byte[] {1, 2, 3});
        String keyFile = Files.readString(dir.resolve("storage.key"));
        SecretSealer second = new SecretSealer(new StorageKey(config(), Optional.empty()));
        assertArrayEquals(new byte[] {1, 2, 3}, second.open("c", sealed));
        assertEquals(keyFile, Files.readString(dir.resolve("storage.key")));
    }

    @Test
    void configuredKeyWinsAndIsValidated() {
        String hex = Hex.encode(new byte[32]).replace("0x", "");
        StorageKey configured = new StorageKey(config(), Optional.of(hex));
        assertTrue(Files.notExists(dir.resolve("storage.key")), "no key file when the key is configured");
        assertEquals("StorageKey[<redacted>]", configured.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StorageKey(config(), Optional.of("abcd")));
        assertTrue(!e.getMessage().contains("abcd"), "the error does not echo the key");
        assertThrows(IllegalStateException.class, () -> new StorageKey(config(), Optional.of("zz".repeat(32))));
    }
}
