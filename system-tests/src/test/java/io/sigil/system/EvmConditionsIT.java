package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.EncryptedData;
import io.sigil.client.Decryptor;
import io.sigil.client.SigilClientException;
import io.sigil.client.Wallet;
import io.sigil.crypto.identity.IdentityKey;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EVM conditions against a real local chain, end to end through three real nodes: ganache (see {@link LocalChain})
 * with the test contracts of {@code src/test/resources/contracts} compiled by solc-js and deployed at setup, the
 * nodes pointed at it by {@code SIGIL_CHAINS_LOCAL_RPC_URL}. For {@code eth_getBalance}, ERC-20 {@code balanceOf},
 * ERC-721 {@code balanceOf} and {@code ownerOf}, and ERC-1155 {@code balanceOf(address,id)}: an address that holds
 * decrypts; one that does not gets 403 from every node and no share, as does everybody for the owner of a token never
 * minted (the call reverts). Skipped only where npm is missing.
 */
class EvmConditionsIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Jsonb JSON = JsonbBuilder.create();
    /** 1000 tokens of 18 decimals: more than 64 bits, so the whole returned word is read. */
    static final BigInteger ERC20_AMOUNT = new BigInteger("1000000000000000000000");
    /** The top bit set: a token id that fills its whole ABI word. */
    static final BigInteger ERC721_TOKEN = BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(42));
    static final BigInteger ERC1155_ID = BigInteger.valueOf(7);
    static final BigInteger ERC1155_AMOUNT = BigInteger.valueOf(5);

    static final Wallet FUNDED = Wallet.fromHex(LocalChain.DEPLOYER_KEY);
    static final Wallet HOLDER = Wallet.fromHex(LocalChain.HOLDER_KEY);
    static final Wallet STRANGER = new Wallet(IdentityKey.generate(new SecureRandom()));
    static LocalChain chain;
    static LocalNetworkProcess net;
    static String erc20;
    static String erc721;
    static String erc1155;

    @BeforeAll
    static void up() throws Exception {
        chain = LocalChain.start();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : List.of("TestErc20.sol", "TestErc721.sol", "TestErc1155.sol")) {
            sources.put(name, resource("/contracts/" + name));
        }
        Map<String, String> bytecode = LocalChain.compile(sources);
        byte[] holder = LocalChain.word(HOLDER.address());
        erc20 = chain.deploy(bytecode.get("TestErc20"), holder, LocalChain.word(ERC20_AMOUNT));
        erc721 = chain.deploy(bytecode.get("TestErc721"), holder, LocalChain.word(ERC721_TOKEN));
        erc1155 = chain.deploy(bytecode.get("TestErc1155"), holder, LocalChain.word(ERC1155_ID),
                LocalChain.word(ERC1155_AMOUNT));
        net = LocalNetworkProcess.fresh("evm", 3, Map.of("SIGIL_CHAINS_LOCAL_RPC_URL", chain.rpcUrl),
                Duration.ofSeconds(150));
        waitForKey();
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) {
            net.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void ethBalanceAFundedAccountDecryptsAnEmptyOneIsRefused() throws Exception {
        List<Object> atLeastOneEth = condition("", "", "eth_getBalance", List.of(":userAddress", "latest"), ">=",
                "1000000000000000000");
        decryptsAndRefuses(atLeastOneEth, FUNDED, STRANGER);
        try (Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            SigilClientException no = Assertions.assertThrows(SigilClientException.class,
                    () -> d.decrypt(d.encrypt("x".getBytes(), atLeastOneEth), STRANGER.authSig(Duration.ofMinutes(5))));
            assertEquals(403, no.status());
        }
    }

    @Test
    void erc20BalanceOf() throws Exception {
        decryptsAndRefuses(condition("ERC20", erc20, "balanceOf", List.of(":userAddress"), ">=",
                ERC20_AMOUNT.toString()), HOLDER, STRANGER, FUNDED);
        // one token unit more than the holder has: the comparison uses the whole 256-bit value
        decryptsAndRefuses(condition("ERC20", erc20, "balanceOf", List.of(":userAddress"), ">",
                ERC20_AMOUNT.toString()), null, HOLDER);
    }

    @Test
    void erc721BalanceOf() throws Exception {
        decryptsAndRefuses(condition("ERC721", erc721, "balanceOf", List.of(":userAddress"), ">", "0"),
                HOLDER, STRANGER, FUNDED);
    }

    @Test
    void erc721OwnerOf() throws Exception {
        decryptsAndRefuses(condition("ERC721", erc721, "ownerOf", List.of(ERC721_TOKEN.toString()), "=",
                ":userAddress"), HOLDER, STRANGER, FUNDED);
        // the owner named instead of :userAddress (lowercase, against the chain's answer): a condition on the token,
        // not on the requester, so anyone decrypts while it holds and nobody once it does not
        decryptsAndRefuses(condition("ERC721", erc721, "ownerOf", List.of(ERC721_TOKEN.toString()), "=",
                HOLDER.address().toLowerHex()), STRANGER);
        decryptsAndRefuses(condition("ERC721", erc721, "ownerOf", List.of(ERC721_TOKEN.toString()), "!=",
                HOLDER.address().toString()), null, HOLDER);
        // ownerOf a token never minted reverts: the chain's answer that there is no owner, so 403 (not 503), and "!="
        // does not hold either
        String unminted = ERC721_TOKEN.add(BigInteger.ONE).toString();
        decryptsAndRefuses(condition("ERC721", erc721, "ownerOf", List.of(unminted), "=", ":userAddress"), null,
                HOLDER, STRANGER);
        decryptsAndRefuses(condition("ERC721", erc721, "ownerOf", List.of(unminted), "!=", HOLDER.address().toString()),
                null, HOLDER);
    }

    @Test
    void erc1155BalanceOfAnId() throws Exception {
        decryptsAndRefuses(condition("ERC1155", erc1155, "balanceOf", List.of(":userAddress",
                ERC1155_ID.toString()), ">=", ERC1155_AMOUNT.toString()), HOLDER, STRANGER, FUNDED);
        // the holder has none of another id: the id reaches the contract
        decryptsAndRefuses(condition("ERC1155", erc1155, "balanceOf", List.of(":userAddress",
                ERC1155_ID.add(BigInteger.ONE).toString()), ">", "0"), null, HOLDER);
    }

    /**
     * Encrypts under {@code conditions}; {@code allowed} (if not null) decrypts with the Java client, and every node
     * answers each of {@code refused} 403 {@code not-permitted} without a share.
     */
    static void decryptsAndRefuses(List<Object> conditions, Wallet allowed, Wallet... refused)
            throws Exception {
        byte[] secret = ("for " + CanonicalJson.write(conditions)).getBytes(StandardCharsets.UTF_8);
        try (Decryptor d = new Decryptor(net.url(1), Duration.ofSeconds(60))) {
            EncryptedData e = d.encrypt(secret, conditions);
            if (allowed != null) {
                assertArrayEquals(secret, d.decrypt(e, allowed.authSig(Duration.ofMinutes(5))));
            }
            for (Wallet w : refused) {
                for (int node = 1; node <= 3; node++) {
                    HttpResponse<String> r = post(node, new DecryptRequest(e.ciphertext(), e.dataToEncryptHash(),
                            conditions, "local", w.authSig(Duration.ofMinutes(5))));
                    assertEquals(403, r.statusCode(), "node " + node + " for " + w.address() + ": " + r.body());
                    assertTrue(r.body().contains("not-permitted"), r.body());
                    assertFalse(r.body().contains("\"share\""), r.body());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> condition(String standard, String contract, String method, List<String> parameters,
                                  String comparator, String value) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("contractAddress", contract);
        c.put("standardContractType", standard);
        c.put("chain", "local");
        c.put("method", method);
        c.put("parameters", parameters);
        c.put("returnValueTest", Map.of("comparator", comparator, "value", value));
        return (List<Object>) CanonicalJson.parse(CanonicalJson.write(List.of(c)));
    }

    static HttpResponse<String> post(int node, DecryptRequest body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(net.url(node).resolve("/api/v1/decrypt"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EvmConditionsIT.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void waitForKey() throws Exception {
        for (int i = 0; i < 240; i++) {
            if (HTTP.send(HttpRequest.newBuilder(net.url(1).resolve("/api/v1/network/encryption-key")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no network key");
    }
}
