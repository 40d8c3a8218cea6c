package io.sigil.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Hex;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.identity.PeerBox;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.StorageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
    @TempDir
    Path dir;

    NodeConfig config() {
        return new NodeConfig(1, List.of("http://127.0.0.1:8080"), Optional.empty(), dir.resolve("node1").toString());
    }

    NodeIdentity start(Optional<String> storageKey) {
        NodeConfig c = config();
        return new NodeIdentity(c, new SecretSealer(new StorageKey(c, storageKey)));
    }

    @Test
    void identitySurvivesRestartAndIsOwnerOnly() throws Exception {
        NodeIdentity first = start(Optional.empty());
        String address = first.address().toString();
        byte[] digest = Sha256.hash(new byte[] {1});
        assertTrue(first.sign(digest).verify(first.publicKey(), digest));
        first.close();

        NodeIdentity second = start(Optional.empty());
        assertEquals(address, second.address().toString());
        second.close();

        Path data = dir.resolve("node1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("identity.key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("storage.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void identityKeyFileIsSealedNotPlain() throws Exception {
        NodeIdentity id = start(Optional.empty());
        byte[] file = Files.readAllBytes(dir.resolve("node1").resolve("identity.key"));
        id.close();
        // sealed: version byte, 12-byte nonce, 32-byte key, 16-byte tag; no hex text of a key
        assertEquals(1 + 12 + 32 + 16, file.length);
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).matches("[0-9a-fx]+"));
    }

    @Test
    void wrongStorageKeyIsAClearStartupError() {
        start(Optional.empty()).close();
        String other = Hex.encode(new byte[32]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(Optional.of(other)));
        assertTrue(e.getMessage().contains("cannot be opened with the configured storage key"));
    }

    @Test
    void secondNodeOnTheSameDataDirectoryIsRefused() {
        NodeIdentity first = start(Optional.empty());
        try {
            assertThrows(IllegalStateException.class, () -> start(Optional.empty()));
        } finally {
            first.close();
        }
    }

    @Test
    void toStringShowsNoSecret() {
        NodeIdentity id = start(Optional.empty());
        assertEquals("NodeIdentity[" + id.address() + "]", id.toString());
        id.close();
    }

    @Test
    void keyringSignsAndSealsAsTheNodeAndStopsWhenTheNodeCloses() {
        NodeIdentity a = start(Optional.empty());
        NodeIdentity.Keyring keyring = a.keyring();
        byte[] digest = Sha256.hash(new byte[] {2});
        assertTrue(keyring.sign(digest).verify(a.publicKey(), digest));
        assertEquals("Keyring[<redacted>]", keyring.toString());

        IdentityKey peer = IdentityKey.generate(new SecureRandom());
        byte[] aad = {7};
        byte[] sealed = keyring.sealTo(peer.publicKey(), new byte[] {1, 2, 3}, aad, new SecureRandom());
        // the peer's side of the same box opens it, and what the node seals it can open from the peer's key
        PeerBox peerSide = PeerBox.agree(peer, a.publicKey());
        assertArrayEquals(new byte[] {1, 2, 3}, peerSide.open(sealed, aad));
        byte[] back = peerSide.seal(new byte[] {4}, aad, new SecureRandom());
        assertArrayEquals(new byte[] {4}, keyring.openFrom(peer.publicKey(), back, aad));

        a.close();
        assertThrows(IllegalStateException.class, () -> keyring.sign(digest));
    }
}
