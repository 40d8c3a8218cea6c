package io.sigil.crypto.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Vectors;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiweTest {

    public static class Fields {
        public String domain;
        public String address;
        public String statement;
        public String uri;
        public String version;
        public long chainId;
        public String nonce;
        public String issuedAt;
        public String expirationTime;
        public String notBefore;
        public String requestId;
        public List<String> resources;
    }

    public static class Case {
        public String name;
        public String message;
        public String signature;
        public Fields fields;
    }

    public static class File {
        public List<Case> siwe;
    }

    private final File file = Vectors.load("eth.json", File.class);

    @Test
    void parsesMessagesMadeBySiweJs() {
        for (Case c : file.siwe) {
            Siwe m = Siwe.parse(c.message);
            Fields f = c.fields;
            assertEquals(f.domain, m.domain());
            assertEquals(f.address, m.address().toString());
            assertEquals(f.statement, m.statement());
            assertEquals(f.uri, m.uri());
            assertEquals(f.version, m.version());
            assertEquals(f.chainId, m.chainId());
            assertEquals(f.nonce, m.nonce());
            assertEquals(Instant.parse(f.issuedAt), m.issuedAt());
            assertEquals(f.expirationTime == null ? null : Instant.parse(f.expirationTime), m.expirationTime());
            assertEquals(f.notBefore == null ? null : Instant.parse(f.notBefore), m.notBefore());
            assertEquals(f.requestId, m.requestId());
            assertEquals(f.resources == null ? List.of() : f.resources, m.resources());
            assertNull(m.scheme());
            // an authSig check: the EIP-191 signature over the exact text recovers the stated address
            assertEquals(m.address(), Eip191.recoverAddress(c.message, c.signature));
            assertEquals(m, Siwe.parse(m.toMessage()));
        }
    }

    @Test
    void rendersTheMinimalMessageExactly() {
        Case minimal = file.siwe.stream().filter(c -> c.fields.statement == null).findFirst().orElseThrow();
        assertEquals(minimal.message, Siwe.parse(minimal.message).toMessage());
    }

    @Test
    void validityWindow() {
        Siwe m = Siwe.parse(file.siwe.get(0).message);
        assertTrue(m.isValidAt(Instant.parse("2025-01-01T12:00:00Z")));
        assertFalse(m.isValidAt(Instant.parse("2025-01-02T00:00:00Z")), "expired at expiration time");
        assertFalse(m.isValidAt(Instant.parse("2024-12-31T22:59:59Z")), "not yet valid");
    }

    @Test
    void acceptsASchemePrefix() {
        String text = file.siwe.get(0).message.replaceFirst("^localhost:8080", "https://localhost:8080");
        Siwe m = Siwe.parse(text);
        assertEquals("https", m.scheme());
        assertEquals("localhost:8080", m.domain());
        assertEquals(m, Siwe.parse(m.toMessage()));
    }

    @Test
    void rejectsMalformedMessages() {
        String good = file.siwe.get(0).message;
        List<String> bad = List.of(
                good.replace(" wants you to sign in", " wants you to log in"),
                good.replace("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23"),
                good.replace("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", "0x2c7536E3605D9C16a7a3D7b1898e529396a65c2"),
                good.replace("Version: 1", "Version: 2"),
                good.replace("Chain ID: 1", "Chain ID: one"),
                good.replace("Nonce: abcdEFGH1234", "Nonce: abc"),
                good.replace("Issued At: 2025-01-01T00:00:00.000Z", "Issued At: yesterday"),
                good.replace("URI: http://localhost:8080/login", "URI: not a uri"),
                good.replace("\nVersion: 1", ""),
                good.replace("\n\nURI:", "\nURI:"),
                good.replace("Sign in to Sigil.\n", "Sign in to Sigil.\nSecond line\n"),
                good + "\n",
                good + "\nExtra: field",
                good.replace("\n", "\r\n"),
                good.replace("- ipfs://", "* ipfs://"),
                "");
        for (String text : bad) {
            assertThrows(IllegalArgumentException.class, () -> Siwe.parse(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> Siwe.parse(null));
    }
}
