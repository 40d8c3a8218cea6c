package io.sigil.execute.boundary;

import io.sigil.conditions.control.ConditionEvaluator;
import io.sigil.decrypt.boundary.Decryption;
import java.time.Clock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.ExecuteRequest;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.SignedShare;
import io.sigil.api.model.SignedShares;
import io.sigil.auth.AuthSigVerifier;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionFailure;
import io.sigil.execute.control.RequestId;
import io.sigil.pkp.boundary.PkpsWiring;
import io.sigil.pkp.control.PkpState;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.signing.boundary.ThresholdSigner;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import io.sigil.testing.TestNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node's part of a request, with the real engine, the real signing and coordination protocols over in-memory
 * transports and real PKPs: signing with shares a client combines, runOnce and broadcastAndCollect, child actions,
 * strict signing failures, and the request checks.
 */
class NodeExecutorTest {
    static ActionEngine engine;
    final IdentityKey owner = TestKeys.wallet();
    final MemoryActionStore actions = new MemoryActionStore(64 * 1024);

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        // three "nodes" share one engine: each execution blocks in signing until the others get there
        engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "4", "sigil.engine.pool.warm-up", "1",
                "sigil.limits.wall-time", "10s"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    NodeExecutor executor(TestNetwork.TestNode n) {
        return new NodeExecutor(n.node.config, engine, actions, new AuthSigVerifier(),
                new ThresholdSigner(n.store, n.signing), PkpsWiring.lookUps(n.store), n.coordination,
                new Decryption(n.node.config, n.netkeyStore, new AuthSigVerifier(), new ConditionEvaluator(null, Clock.systemUTC()),
                        null));
    }

    PkpState mint(TestNetwork net, List<String> permitted) {
        AuthSig a = TestAuth.authSig(owner);
        PkpState pkp = net.node(1).dkg.lead(a, new AuthSigVerifier().verify(a, "authSig"), permitted, false);
        for (TestNetwork.TestNode n : net.nodes()) {
            for (int i = 0; i < 100 && n.store.find(pkp.tokenId()).isEmpty(); i++) {
                sleep(50);
            }
        }
        return pkp;
    }

    String store(String code) {
        return actions.store(code.getBytes(StandardCharsets.UTF_8)).cid().toString();
    }

    static String cidOf(String code) {
        return Cid.of(code.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Map<String, Object> params(PkpState pkp, Object... more) {
        Map<String, Object> p = new HashMap<>();
        p.put("publicKey", Hex.encode(Secp256k1.encode(pkp.publicKey())));
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    /** Every participant runs the request at once; each answer or failure by node index. */
    Map<Integer, Object> runAll(TestNetwork net, Map<Integer, ExecuteRequest> requests) {
        Map<Integer, CompletableFuture<ExecuteResponse>> running = new HashMap<>();
        requests.forEach((i, r) -> running.put(i, CompletableFuture.supplyAsync(() -> executor(net.node(i)).execute(r))));
        Map<Integer, Object> out = new HashMap<>();
        running.forEach((i, f) -> {
            try {
                out.put(i, f.join());
            } catch (CompletionException e) {
                out.put(i, e.getCause());
            }
        });
        return out;
    }

    static Map<Integer, ExecuteRequest> same(ExecuteRequest r, int... nodes) {
        Map<Integer, ExecuteRequest> m = new HashMap<>();
        for (int i : nodes) {
            m.put(i, r);
        }
        return m;
    }

    static ExecuteResponse response(Object o) {
        if (o instanceof SigilException e) {
            throw new AssertionError(e.type() + ": " + e.detail());
        }
        if (o instanceof ActionFailure f) {
            throw new AssertionError(f.type() + ": " + f.detail() + " / " + f.logs());
        }
        return (ExecuteResponse) o;
    }

    static void assertSigned(CombinedSignature sig, PkpState pkp, byte[] digest) {
        EcdsaSignature parsed = EcdsaSignature.fromHex(sig.signature());
        assertTrue(parsed.verify(pkp.publicKey(), digest));
        assertEquals(pkp.ethAddress(), EthAddress.of(parsed.recover(digest)));
    }

    static final String COORDINATE_AND_SIGN = """
            const go = async () => {
              const chosen = await Lit.Actions.runOnce({ name: 'pick' }, async () => 'picked by the leader');
              const marks = await Lit.Actions.broadcastAndCollect({ name: 'marks', value: String(jsParams.mark) });
              const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(chosen)));
              await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig' });
              Lit.Actions.setResponse({ response: JSON.stringify({ chosen, marks }) });
            };
            go();
            """;

    @Test
    void threeParticipantsCoordinateAndSignAndTheirSharesCombine() {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            String cid = store(COORDINATE_AND_SIGN);
            PkpState pkp = mint(net, List.of(cid));
            RequestId id = RequestId.random();
            Map<Integer, ExecuteRequest> requests = new HashMap<>();
            for (int i = 1; i <= 3; i++) {
                requests.put(i, new ExecuteRequest(id.hex(), List.of(1, 2, 3), null, cid,
                        params(pkp, "mark", "m" + i), null));
            }
            Map<Integer, Object> out = runAll(net, requests);
            List<SignedShare> shares = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ExecuteResponse r = response(out.get(i));
                assertEquals("{\"chosen\":\"picked by the leader\",\"marks\":[\"m1\",\"m2\",\"m3\"]}", r.response(),
                        "every node got the leader's result and every value, by node index");
                assertEquals(List.of("sig"), List.copyOf(r.signedData().keySet()));
                assertEquals(i, r.signedData().get("sig").shareIndex());
                shares.add(r.signedData().get("sig"));
            }
            assertSigned(SignedShares.combine(id.bytes(), shares), pkp,
                    Keccak256.hash("picked by the leader".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void signAndCombineResolvesToLitsRsv() {
        String code = """
                const go = async () => {
                  const toSign = ethers.utils.arrayify(ethers.utils.hashMessage('combine me'));
                  const sig = JSON.parse(await Lit.Actions.signAndCombineEcdsa({ toSign, publicKey, sigName: 'c' }));
                  const joined = ethers.utils.joinSignature({ r: '0x' + sig.r, s: '0x' + sig.s, v: sig.v });
                  Lit.Actions.setResponse({ response: ethers.utils.verifyMessage('combine me', joined) });
                };
                go();
                """;
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net, List.of(cidOf(code)));
            ExecuteRequest r = new ExecuteRequest(RequestId.random().hex(), List.of(1, 2, 3), code, null, params(pkp),
                    null);
            Map<Integer, Object> out = runAll(net, same(r, 1, 2, 3));
            for (int i = 1; i <= 3; i++) {
                ExecuteResponse answer = response(out.get(i));
                assertEquals(pkp.ethAddress().toString(), answer.response());
                assertTrue(answer.signedData().isEmpty(), "a combined signature is the script's, not a share");
            }
        }
    }

    @Test
    void aChildActionSignsUnderItsOwnCidAndItsShareIsTheRequests() {
        String child = """
                const go = async () => {
                  await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32).fill(7), publicKey, sigName: 'child' });
                  Lit.Actions.setResponse({ response: 'child signed' });
                };
                go();
                """;
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            String childCid = store(child);
            String parent = "const go = async () => { const r = await Lit.Actions.call({ ipfsId: '" + childCid
                    + "', params: { publicKey } }); Lit.Actions.setResponse({ response: 'parent: ' + r }); }; go();";
            PkpState pkp = mint(net, List.of(childCid)); // only the child may sign
            RequestId id = RequestId.random();
            ExecuteRequest r = new ExecuteRequest(id.hex(), List.of(1, 2, 3), parent, null, params(pkp), null);
            Map<Integer, Object> out = runAll(net, same(r, 1, 2, 3));
            List<SignedShare> shares = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ExecuteResponse answer = response(out.get(i));
                assertEquals("parent: child signed", answer.response());
                shares.add(answer.signedData().get("child"));
            }
            byte[] digest = new byte[32];
            java.util.Arrays.fill(digest, (byte) 7);
            assertSigned(SignedShares.combine(id.bytes(), shares), pkp, digest);
        }
    }

    @Test
    void aSigningRefusalTheScriptCatchesStillEndsTheRequestWith403AndItsLogs() {
        String code = """
                const go = async () => {
                  try {
                    await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32).fill(1), publicKey, sigName: 's' });
                  } catch (e) {
                    console.log('caught: ' + e.message);
                  }
                  Lit.Actions.setResponse({ response: 'pretending all is well' });
                };
                go();
                """;
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net, List.of(cidOf("some other action")));
            ExecuteRequest r = new ExecuteRequest(RequestId.random().hex(), List.of(1, 2, 3), code, null, params(pkp),
                    null);
            SigilException e = assertThrows(SigilException.class, () -> executor(net.node(1)).execute(r));
            assertEquals(ProblemType.NOT_PERMITTED, e.type());
            assertEquals(403, e.type().status());
            assertTrue(String.valueOf(e.extensions().get("logs")).startsWith("caught: the action is not a permitted"),
                    String.valueOf(e.extensions()));
        }
    }

    @Test
    void whenTheLeadersFunctionThrowsTheFollowersAreReleasedAtOnce() {
        String code = """
                const go = async () => {
                  try {
                    await Lit.Actions.runOnce({ name: 'x' }, async () => { throw new Error('leader failed'); });
                    Lit.Actions.setResponse({ response: 'resolved' });
                  } catch (e) {
                    Lit.Actions.setResponse({ response: 'rejected' });
                  }
                };
                go();
                """;
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            ExecuteRequest r = new ExecuteRequest(RequestId.random().hex(), List.of(1, 2, 3), code, null, null, null);
            long start = System.nanoTime();
            Map<Integer, Object> out = runAll(net, same(r, 1, 2, 3));
            long ms = (System.nanoTime() - start) / 1_000_000;
            for (int i = 1; i <= 3; i++) {
                assertEquals("rejected", response(out.get(i)).response());
            }
            assertTrue(ms < 5000, "followers waited " + ms + " ms of their 10 s");
        }
    }

    @Test
    void theRequestIsCheckedBeforeAnythingRuns() {
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            NodeExecutor ex = executor(net.node(1));
            String id = RequestId.random().hex();
            List<Integer> all = List.of(1, 2, 3);
            assertMalformed("requestId", () -> ex.execute(new ExecuteRequest("0x1234", all, "1", null, null, null)));
            assertMalformed("participants", () -> ex.execute(new ExecuteRequest(id, List.of(), "1", null, null, null)));
            assertMalformed("participants", () -> ex.execute(new ExecuteRequest(id, List.of(1, 1, 2), "1", null, null,
                    null)));
            assertMalformed("participants", () -> ex.execute(new ExecuteRequest(id, List.of(2, 3), "1", null, null,
                    null)));
            assertMalformed("participants", () -> ex.execute(new ExecuteRequest(id, List.of(1, 9), "1", null, null,
                    null)));
            assertMalformed("code", () -> ex.execute(new ExecuteRequest(id, all, "1", store("1"), null, null)));
            assertMalformed("code", () -> ex.execute(new ExecuteRequest(id, all, null, null, null, null)));
            assertMalformed("ipfsId", () -> ex.execute(new ExecuteRequest(id, all, null, "Qmnope", null, null)));
            SigilException unknown = assertThrows(SigilException.class, () -> ex.execute(new ExecuteRequest(id, all,
                    null, cidOf("never stored"), null, null)));
            assertEquals(ProblemType.NOT_FOUND, unknown.type());
            ActionFailure big = assertThrows(ActionFailure.class, () -> ex.execute(new ExecuteRequest(id, all,
                    "x".repeat(64 * 1024 + 1), null, null, null)));
            assertEquals(413, big.status());
            assertEquals("https://sigil.dev/problems/limit/code-size", big.type().toString());
            Instant past = Instant.now().minusSeconds(7200);
            AuthSig expired = TestAuth.authSig(owner, past, past.plusSeconds(60), null);
            SigilException auth = assertThrows(SigilException.class, () -> ex.execute(new ExecuteRequest(id, all, "1",
                    null, null, expired)));
            assertEquals(ProblemType.INVALID_AUTH_SIG, auth.type());
        }
    }

    @Test
    void scriptsReachConditionsAndLookUpsAndTheirOwnErrorsFailTheRequest() {
        String code = """
                const go = async () => {
                  const mine = await Lit.Actions.checkConditions({ conditions: [{ conditionType: 'evmBasic',
                    contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
                    parameters: [':userAddress'], returnValueTest: { comparator: '=', value: Lit.Auth.authSigAddress } }],
                    authSig: null, chain: 'ethereum' });
                  console.log(`with the request's authSig the owner's condition holds: ${mine}`);
                  try {
                    await Lit.Actions.checkConditions({ conditions: {}, authSig: null, chain: 'ethereum' });
                  } catch (e) {
                    console.log(e.message);
                  }
                  const tokenId = Lit.Actions.pubkeyToTokenId({ publicKey });
                  const permitted = await Lit.Actions.getPermittedActions({ tokenId });
                  const me = await Lit.Actions.isPermittedAction({ tokenId, ipfsId: Lit.Auth.actionIpfsIds[0] });
                  throw new Error(`permitted ${permitted.length} me ${me} signer ${Lit.Auth.authSigAddress}`);
                };
                go();
                """;
        try (TestNetwork net = TestNetwork.start(3, dir, "10s")) {
            PkpState pkp = mint(net, List.of(cidOf("a"), cidOf("b")));
            AuthSig authSig = TestAuth.authSig(owner);
            ActionFailure f = assertThrows(ActionFailure.class, () -> executor(net.node(2)).execute(
                    new ExecuteRequest(RequestId.random().hex(), List.of(2), code, null, params(pkp), authSig)));
            assertInstanceOf(ActionFailure.ScriptError.class, f);
            assertEquals("with the request's authSig the owner's condition holds: true\n"
                    + "accessControlConditions: must be a JSON array", f.logs());
            assertTrue(f.detail().contains("permitted 2 me false signer " + owner.address()), f.detail());
        }
    }

    static void assertMalformed(String field, org.junit.jupiter.api.function.Executable call) {
        SigilException e = assertThrows(SigilException.class, call);
        assertEquals(ProblemType.MALFORMED_REQUEST, e.type(), e.detail());
        assertEquals(field, e.extensions().get("field"), e.detail());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
