package io.sigil.conditions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.api.model.Tdh2Json;
import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lit's access-control conditions: shapes, comparators, and/or nesting, userAddress, time, EVM, malformed input. */
class ConditionEvaluatorTest {
    static final String ALICE = "0x1111111111111111111111111111111111111111";
    static final String BOB = "0x2222222222222222222222222222222222222222";
    static final String TOKEN = "0x3333333333333333333333333333333333333333";
    /** An address without code: a call to it returns no bytes. */
    static final String NO_CODE = "0x4444444444444444444444444444444444444444";
    static final long NOW = 1_800_000_000L;

    final List<String> calls = new ArrayList<>();
    final ChainReader chain = new ChainReader() {
        @Override public boolean knows(String c) { return c.equals("ethereum"); }
        @Override public BigInteger balance(String c, String address) {
            calls.add("balance " + address);
            return address.equalsIgnoreCase(ALICE) ? new BigInteger("5000") : BigInteger.ZERO;
        }
        @Override public Optional<byte[]> call(String c, String to, byte[] data) {
            calls.add("call " + to + " " + Hex.encode(data));
            String selector = Hex.encode(java.util.Arrays.copyOf(data, 4));
            if (to.equals(NO_CODE)) {
                return Optional.of(new byte[0]);
            }
            if (selector.equals("0x6352211e") && data[data.length - 1] == 99) { // ownerOf(99): never minted
                return Optional.empty();
            }
            byte[] word = new byte[32];
            if (selector.equals("0x6352211e")) { // ownerOf -> alice
                System.arraycopy(Hex.decode(ALICE), 0, word, 12, 20);
            } else if (Hex.encode(data).contains(ALICE.substring(2))) {
                word[31] = 7;
            }
            return Optional.of(word);
        }
    };
    final ConditionEvaluator eval = new ConditionEvaluator(chain, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    static String user(String comparator, String value) {
        return "{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\",\"method\":\"\","
                + "\"parameters\":[\":userAddress\"],\"returnValueTest\":{\"comparator\":\"" + comparator
                + "\",\"value\":\"" + value + "\"}}";
    }

    static String time(String comparator, long value) {
        return "{\"contractAddress\":\"\",\"standardContractType\":\"timestamp\",\"chain\":\"ethereum\","
                + "\"method\":\"eth_getBlockByNumber\",\"parameters\":[\"latest\"],"
                + "\"returnValueTest\":{\"comparator\":\"" + comparator + "\",\"value\":\"" + value + "\"}}";
    }

    static final String AND = "{\"operator\":\"and\"}";
    static final String OR = "{\"operator\":\"or\"}";

    @SuppressWarnings("unchecked")
    static List<Object> json(String s) {
        return (List<Object>) CanonicalJson.parse(s);
    }

    boolean holds(String conditions, String requester) {
        return eval.holds(json(conditions), EthAddress.parse(requester));
    }

    @Test
    void userAddressIsTheVerifiedRequesterCaseInsensitively() {
        assertTrue(holds("[" + user("=", ALICE) + "]", ALICE));
        assertTrue(holds("[" + user("=", ALICE.toUpperCase().replace("0X", "0x")) + "]", ALICE));
        assertFalse(holds("[" + user("=", ALICE) + "]", BOB));
        assertTrue(holds("[" + user("!=", ALICE) + "]", BOB));
    }

    @Test
    void timestampComparatorsAgainstTheNodeClock() {
        assertTrue(holds("[" + time(">=", NOW) + "]", ALICE));
        assertTrue(holds("[" + time(">", NOW - 1) + "]", ALICE));
        assertFalse(holds("[" + time(">", NOW) + "]", ALICE));
        assertTrue(holds("[" + time("<", NOW + 1) + "]", ALICE));
        assertTrue(holds("[" + time("<=", NOW) + "]", ALICE));
        assertTrue(holds("[" + time("=", NOW) + "]", ALICE));
        assertTrue(holds("[" + time("!=", NOW + 5) + "]", ALICE));
        assertFalse(holds("[" + time(">=", NOW + 3600) + "]", ALICE), "opens only after the given time");
    }

    @Test
    void andBindsTighterThanOrAndArraysNest() {
        String allowed = user("=", ALICE);
        String later = time(">=", NOW + 100);
        String earlier = time("<=", NOW);
        assertFalse(holds("[" + allowed + "," + AND + "," + later + "]", ALICE));
        assertTrue(holds("[" + allowed + "," + OR + "," + later + "]", ALICE));
        // a or (b and c): bob, before the time -> a false, (b and c) false
        assertFalse(holds("[" + allowed + "," + OR + "," + user("=", BOB) + "," + AND + "," + later + "]", BOB));
        // (a or b) and c, written with a nested array
        assertTrue(holds("[[" + allowed + "," + OR + "," + user("=", BOB) + "]," + AND + "," + earlier + "]", BOB));
        assertFalse(holds("[[" + allowed + "," + OR + "," + user("=", BOB) + "]," + AND + "," + later + "]", BOB));
        // a and b or c == (a and b) or c
        assertTrue(holds("[" + allowed + "," + AND + "," + later + "," + OR + "," + earlier + "]", BOB));
    }

    @Test
    void evmConditionsReadTheChain() {
        String balance = "{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":\"ethereum\","
                + "\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],"
                + "\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"1000\"}}";
        assertTrue(holds("[" + balance + "]", ALICE));
        assertFalse(holds("[" + balance + "]", BOB));
        String erc20 = "{\"conditionType\":\"evmBasic\",\"contractAddress\":\"" + TOKEN + "\",\"standardContractType\":"
                + "\"ERC20\",\"chain\":\"ethereum\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],"
                + "\"returnValueTest\":{\"comparator\":\">\",\"value\":\"0\"}}";
        assertTrue(holds("[" + erc20 + "]", ALICE));
        assertFalse(holds("[" + erc20 + "]", BOB));
        assertTrue(calls.get(calls.size() - 1).endsWith("0x70a08231" + "000000000000000000000000" + BOB.substring(2)));
        String erc1155 = erc20.replace("ERC20", "ERC1155").replace("[\":userAddress\"]", "[\":userAddress\",\"5\"]");
        assertTrue(holds("[" + erc1155 + "]", ALICE));
        assertTrue(calls.get(calls.size() - 1).contains("0x00fdd58e"));
        String owner = "{\"contractAddress\":\"" + TOKEN + "\",\"standardContractType\":\"ERC721\",\"chain\":"
                + "\"ethereum\",\"method\":\"ownerOf\",\"parameters\":[\"42\"],"
                + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\":userAddress\"}}";
        assertTrue(holds("[" + owner + "]", ALICE));
        assertFalse(holds("[" + owner + "]", BOB));
    }

    @Test
    void aCallThatRevertsOrReturnsNoWordHoldsForNoComparator() {
        String unminted = "{\"contractAddress\":\"" + TOKEN + "\",\"standardContractType\":\"ERC721\",\"chain\":"
                + "\"ethereum\",\"method\":\"ownerOf\",\"parameters\":[\"99\"],"
                + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\":userAddress\"}}";
        assertFalse(holds("[" + unminted + "]", ALICE));
        assertFalse(holds("[" + unminted.replace("\"=\"", "\"!=\"") + "]", ALICE), "no owner is not 'another owner'");
        String noCode = "{\"contractAddress\":\"" + NO_CODE + "\",\"standardContractType\":\"ERC20\",\"chain\":"
                + "\"ethereum\",\"method\":\"balanceOf\",\"parameters\":[\":userAddress\"],"
                + "\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"0\"}}";
        assertFalse(holds("[" + noCode + "]", ALICE));
        assertFalse(holds("[" + noCode.replace("\"ERC20\"", "\"ERC1155\"").replace("[\":userAddress\"]",
                "[\":userAddress\",\"5\"]") + "]", ALICE));
        // a missing value fails its own operand only
        assertTrue(holds("[" + unminted + "," + OR + "," + user("=", ALICE) + "]", ALICE));
    }

    @Test
    void malformedOrUnknownConditionsAre400BeforeAnythingIsEvaluated() {
        String[] bad = {
            "[]",
            "{}",
            "[" + user("=", ALICE) + "," + AND + "]",
            "[" + user("=", ALICE) + "," + user("=", BOB) + "]",
            "[" + user("=", ALICE) + ",{\"operator\":\"xor\"}," + user("=", BOB) + "]",
            "[" + user("~", ALICE) + "]",
            "[" + user(">", ALICE) + "]",
            "[" + user("=", "alice") + "]",
            "[" + time(">=", 5).replace("\"5\"", "\"soon\"") + "]",
            "[" + time(">=", 5).replace("timestamp", "lottery") + "]",
            "[" + user("=", ALICE).replace("\"chain\"", "\"extra\":1,\"chain\"") + "]",
            "[" + user("=", ALICE).replace("\"parameters\":[\":userAddress\"],", "") + "]",
            "[" + user("=", ALICE).replace("}}", "}, \"conditionType\":\"solRpc\"}") + "]",
            "[" + user("contains", ALICE) + "]",
            // action conditions: ipfs:// and a CID, a JS function name, string comparators only
            "[{\"contractAddress\":\"ipfs://notacid\",\"standardContractType\":\"LitAction\",\"chain\":\"ethereum\","
                    + "\"method\":\"go\",\"parameters\":[],\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}]",
            "[{\"contractAddress\":\"ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG\",\"standardContractType\":"
                    + "\"LitAction\",\"chain\":\"ethereum\",\"method\":\"go(); evil\",\"parameters\":[],"
                    + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}]",
            "[{\"contractAddress\":\"ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG\",\"standardContractType\":"
                    + "\"LitAction\",\"chain\":\"ethereum\",\"method\":\"go\",\"parameters\":[],"
                    + "\"returnValueTest\":{\"comparator\":\">\",\"value\":\"1\"}}]",
            // an EVM condition on a chain this node has no endpoint for
            "[" + time(">=", 1) + "," + AND + ",{\"contractAddress\":\"\",\"standardContractType\":\"\",\"chain\":"
                    + "\"polygon\",\"method\":\"eth_getBalance\",\"parameters\":[\":userAddress\",\"latest\"],"
                    + "\"returnValueTest\":{\"comparator\":\">=\",\"value\":\"1\"}}]",
        };
        for (String b : bad) {
            Object parsed = CanonicalJson.parse(b);
            SigilException e = assertThrows(SigilException.class, () -> eval.holds(
                    parsed instanceof List<?> l ? json(b) : null, EthAddress.parse(ALICE)), b);
            assertEquals(ProblemType.MALFORMED_REQUEST, e.type(), b);
        }
        assertTrue(calls.isEmpty(), "nothing was evaluated");
    }

    @Test
    void theLabelIsTheSha256OfCanonicalJsonIndependentOfKeyOrderAndWhitespace() {
        String a = "[{\"b\":1.50, \"a\":\"x\\u00e9\\n\"}, {\"operator\":\"and\"}]";
        String b = "[ {\"a\" : \"x\u00e9\\n\", \"b\" : 15e-1 } ,{\"operator\":\"and\"} ]";
        assertEquals("[{\"a\":\"x\u00e9\\n\",\"b\":1.5},{\"operator\":\"and\"}]", CanonicalJson.write(json(a)));
        assertArrayEquals(Tdh2Json.label(json(a)), Tdh2Json.label(json(b)));
        assertFalse(java.util.Arrays.equals(Tdh2Json.label(json(a)), Tdh2Json.label(json(a.replace("and", "or")))));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse("[{\"a\":1,\"a\":2}]"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse("[1,]"));
    }
}
