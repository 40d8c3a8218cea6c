package io.sigil.crypto.tdh2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Vectors;
import io.sigil.crypto.dkg.DkgSimulation;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.shamir.FeldmanCommitment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Tdh2Test {

    public static class HFile {
        public String domain;
        public String H;
    }

    private final SecureRandom random = new SecureRandom();
    private List<KeyShare> keys;
    private FeldmanCommitment commitments;
    private final byte[] conditions = "[{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}]"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] plaintext = "the secret the conditions guard".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    void networkKey() {
        keys = DkgSimulation.run(7, 2, random);
        commitments = keys.get(0).commitments();
    }

    private Tdh2Ciphertext encrypt() {
        return Tdh2.encrypt(keys.get(0).publicKey(), plaintext, Tdh2.label(conditions), random);
    }

    private List<DecryptionShare> shares(Tdh2Ciphertext ct, int... nodes) {
        List<DecryptionShare> out = new ArrayList<>();
        for (int i : nodes) {
            out.add(DecryptionShare.fromBytes(Tdh2.decryptionShare(keys.get(i - 1), ct, Tdh2.label(conditions), random).toBytes()));
        }
        return out;
    }

    @Test
    void secondGeneratorMatchesIndependentComputation() {
        HFile file = Vectors.load("tdh2.json", HFile.class);
        assertEquals(Tdh2.H_DOMAIN, file.domain);
        assertEquals(file.H, Hex.encode(Secp256k1.encode(Tdh2.H)));
        assertNotEquals(Secp256k1.G, Tdh2.H);
    }

    @Test
    void anyTPlusOneValidSharesDecrypt() {
        Tdh2Ciphertext ct = Tdh2Ciphertext.fromBytes(encrypt().toBytes());
        assertTrue(Tdh2.verifyCiphertext(ct));
        assertArrayEquals(plaintext, Tdh2.combine(ct, shares(ct, 1, 2, 3), commitments));
        assertArrayEquals(plaintext, Tdh2.combine(ct, shares(ct, 7, 4, 5), commitments));
        assertThrows(CryptoException.class, () -> Tdh2.combine(ct, shares(ct, 2, 6), commitments), "t shares are too few");
        List<DecryptionShare> dup = shares(ct, 3, 3, 3);
        assertThrows(CryptoException.class, () -> Tdh2.combine(ct, dup, commitments), "repeats count once");
    }

    @Test
    void swappedLabelIsRefused() {
        Tdh2Ciphertext ct = encrypt();
        byte[] otherLabel = Tdh2.label("[]".getBytes(StandardCharsets.UTF_8));
        // a node asked under other conditions refuses outright
        CryptoException e = assertThrows(CryptoException.class,
                () -> Tdh2.decryptionShare(keys.get(0), ct, otherLabel, random));
        assertEquals("ciphertext label does not match the conditions", e.getMessage());
        // relabelling the ciphertext to match other conditions breaks its proof, so nodes refuse that too
        Tdh2Ciphertext relabelled = new Tdh2Ciphertext(ct.c(), otherLabel, ct.u(), ct.uBar(), ct.e(), ct.f());
        assertFalse(Tdh2.verifyCiphertext(relabelled));
        CryptoException e2 = assertThrows(CryptoException.class,
                () -> Tdh2.decryptionShare(keys.get(0), relabelled, otherLabel, random));
        assertEquals("ciphertext validity proof fails", e2.getMessage());
    }

    @Test
    void tamperedCiphertextIsRefused() {
        Tdh2Ciphertext ct = encrypt();
        byte[] c = ct.c();
        c[20] ^= 1;
        assertFalse(Tdh2.verifyCiphertext(new Tdh2Ciphertext(c, ct.label(), ct.u(), ct.uBar(), ct.e(), ct.f())));
        assertFalse(Tdh2.verifyCiphertext(new Tdh2Ciphertext(ct.c(), ct.label(), ct.u(), ct.u(), ct.e(), ct.f())),
                "u' must be r*H for the same r");
        assertFalse(Tdh2.verifyCiphertext(new Tdh2Ciphertext(ct.c(), ct.label(), ct.u(), ct.uBar(), ct.e(),
                ct.f().add(BigInteger.ONE).mod(Secp256k1.Q))));
    }

    @Test
    void wrongShareIsDetectedAndSkipped() {
        Tdh2Ciphertext ct = encrypt();
        List<DecryptionShare> shares = shares(ct, 1, 2, 3, 4);
        DecryptionShare good = shares.get(0);
        DecryptionShare forged = new DecryptionShare(good.index(), good.ui().add(Secp256k1.G).normalize(), good.e(), good.f());
        assertTrue(Tdh2.verifyShare(ct, good, commitments.evaluate(good.index())));
        assertFalse(Tdh2.verifyShare(ct, forged, commitments.evaluate(good.index())), "DLEQ proof fails");
        assertFalse(Tdh2.verifyShare(ct, shares.get(1), commitments.evaluate(good.index())), "proof is for node 2's X");
        shares.set(0, forged);
        assertArrayEquals(plaintext, Tdh2.combine(ct, shares, commitments), "the other t+1 valid shares suffice");
        assertThrows(CryptoException.class, () -> Tdh2.combine(ct, shares.subList(0, 3), commitments));
    }

    @Test
    void wireFormsRoundTrip() {
        Tdh2Ciphertext ct = encrypt();
        assertEquals(ct, Tdh2Ciphertext.fromBytes(ct.toBytes()));
        byte[] bytes = ct.toBytes();
        assertThrows(IllegalArgumentException.class, () -> Tdh2Ciphertext.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
        DecryptionShare share = shares(ct, 5).get(0);
        assertEquals(share, DecryptionShare.fromBytes(share.toBytes()));
        assertEquals(5, share.index());
    }
}
