package io.sigil.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.EncryptedData;
import io.sigil.api.model.Tdh2Json;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's threshold decryption against fake nodes holding real key shares. */
class DecryptorTest {
    @SuppressWarnings("unchecked")
    static final List<Object> CONDITIONS = (List<Object>) CanonicalJson.parse("[{\"contractAddress\":\"\","
            + "\"standardContractType\":\"timestamp\",\"chain\":\"ethereum\",\"method\":\"eth_getBlockByNumber\","
            + "\"parameters\":[\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]");

    @Test
    void encryptsLocallyAndCombinesVerifiedSharesSkippingALiarAndADeadNode() throws Exception {
        try (FakeNetwork net = new FakeNetwork(4, 1);
             Decryptor d = new Decryptor(URI.create(net.url(1)), Duration.ofSeconds(10))) {
            byte[] data = "the secret".getBytes();
            EncryptedData e = d.encrypt(data, CONDITIONS);
            assertEquals(Hex.encode(Secp256k1.encode(net.keys.get(0).publicKey())), e.networkPublicKey());
            assertEquals(Tdh2Json.dataToEncryptHash(data), e.dataToEncryptHash());
            assertEquals(CONDITIONS, e.accessControlConditions());

            net.liars.add(1);
            net.down.add(2);
            assertArrayEquals(data, d.decrypt(e, null));
            assertTrue(d.rejected().get(1).contains("proof"), d.rejected().toString());
            assertTrue(d.rejected().containsKey(2));

            net.refusers.add(3); // only node 4 left: the nodes' refusal is what the caller sees
            SigilClientException refused = assertThrows(SigilClientException.class, () -> d.decrypt(e, null));
            assertEquals(403, refused.status());
        }
    }

    @Test
    void conditionsSwappedInTheFileAreCaughtBeforeAskingAndAKeyLieIsRefused() throws Exception {
        try (FakeNetwork net = new FakeNetwork(3, 1)) {
            try (Decryptor d = new Decryptor(URI.create(net.url(1)), Duration.ofSeconds(10))) {
                EncryptedData e = d.encrypt(new byte[] {1, 2, 3}, CONDITIONS);
                @SuppressWarnings("unchecked")
                List<Object> weaker = (List<Object>) CanonicalJson.parse(CanonicalJson.write(CONDITIONS)
                        .replace("\">=\"", "\"<=\"").replace("\"0\"", "\"99999999999\""));
                EncryptedData swapped = new EncryptedData(e.ciphertext(), e.dataToEncryptHash(), weaker, e.chain(),
                        e.networkPublicKey());
                assertEquals(400, assertThrows(SigilClientException.class, () -> d.decrypt(swapped, null)).status());
            }
            net.liars.add(2);
            net.lieAboutKey = true;
            try (Decryptor d = new Decryptor(URI.create(net.url(1)), Duration.ofSeconds(10))) {
                assertEquals(502, assertThrows(SigilClientException.class, d::networkKey).status());
            }
        }
    }
}
