package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.crypto.Hex;
import io.sigil.engine.ethers.EthersSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Actions written the way Lit's documentation writes them (async go(), fetch().then(r => r.json()), Promise.all,
 * classes, destructuring, template literals, top-level await), run unchanged with the expected response.
 */
class CompatibilityCorpusTest {

    static LocalServer server;
    static ActionEngine engine;

    /** The test key's address (the well-known web3.js documentation key). */
    static final String ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
    static final String PK = RecordingHost.PUBLIC_KEY;
    static final String TO_SIGN = "[" + "1,".repeat(31) + "1]";

    @BeforeAll
    static void start() throws Exception {
        server = new LocalServer();
        engine = ActionEngine.standalone(Map.of("sigil.fetch.allow-private", "true", "sigil.engine.pool.size", "2",
                "sigil.engine.pool.warm-up", "1", "sigil.limits.wall-time", "10s"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    static Arguments c(String name, String params, String expected, String code) {
        return Arguments.of(name, code, params, expected);
    }

    static Stream<Arguments> corpus() {
        String keyParams = "{\"publicKey\":\"" + PK + "\",\"sigName\":\"sig1\",\"toSign\":" + TO_SIGN + "}";
        List<Arguments> all = new ArrayList<>();
        all.add(c("hello world signing", keyParams, "signed", """
                const go = async () => {
                  // this requests a signature share from the Lit Node
                  const sigShare = await LitActions.signEcdsa({ toSign, publicKey, sigName });
                  LitActions.setResponse({ response: sigShare === 'success' ? 'signed' : 'no' });
                };
                go();
                """));
        all.add(c("conditional signing on a fetched value", keyParams, "too cold: 42", """
                const go = async () => {
                  const url = 'BASE/weather';
                  const resp = await fetch(url).then((response) => response.json());
                  const temp = resp.properties.periods[0].temperature;
                  // only sign if the temperature is above 60.  if it's below 60, exit.
                  if (temp < 60) {
                    Lit.Actions.setResponse({ response: `too cold: ${temp}` });
                    return;
                  }
                  await LitActions.signEcdsa({ toSign, publicKey, sigName });
                };
                go();
                """));
        all.add(c("Promise.all over several APIs", "{}", "1500", """
                const go = async () => {
                  const urls = ['BASE/price?a', 'BASE/price?b'];
                  const prices = await Promise.all(urls.map((u) => fetch(u).then((r) => r.json())));
                  const avg = prices.reduce((sum, p) => sum + p.ethereum.usd, 0) / prices.length;
                  Lit.Actions.setResponse({ response: avg.toString() });
                };
                go();
                """));
        all.add(c("top-level await", keyParams, "{\"status\":200,\"ok\":true}", """
                const res = await fetch('BASE/weather');
                await Lit.Actions.signEcdsa({ toSign, publicKey, sigName });
                Lit.Actions.setResponse({ response: JSON.stringify({ status: res.status, ok: res.ok }) });
                """));
        all.add(c("classes, getters, inheritance, static", "{}", "Circle r=2 area=12.57 shapes=1", """
                class Shape {
                  static count = 0;
                  constructor(name) { this.name = name; Shape.count++; }
                  describe() { return `${this.name} area=${this.area.toFixed(2)}`; }
                }
                class Circle extends Shape {
                  constructor(r) { super('Circle'); this.r = r; }
                  get area() { return Math.PI * this.r ** 2; }
                  describe() { return super.describe().replace('Circle', `Circle r=${this.r}`); }
                }
                const c = new Circle(2);
                Lit.Actions.setResponse({ response: `${c.describe()} shapes=${Shape.count}` });
                """));
        all.add(c("destructuring, defaults, rest, spread", "{\"user\":{\"name\":\"ada\",\"roles\":[\"a\",\"b\",\"c\"]}}", "ada a [b,c] 3 guest {\"x\":1,\"y\":2}", """
                const { user: { name, roles: [first, ...others] } } = jsParams;
                const { missing = 'guest' } = {};
                const merged = { ...{ x: 1 }, ...{ y: 2 } };
                const count = Math.max(...[1, 2, 3]);
                Lit.Actions.setResponse({ response: `${name} ${first} [${others}] ${count} ${missing} ${JSON.stringify(merged)}` });
                """));
        all.add(c("optional chaining and nullish coalescing", "{\"cfg\":{\"a\":{\"b\":0}}}", "0 fallback undefined", """
                const b = cfg?.a?.b ?? 5;
                const c = cfg?.x?.y ?? 'fallback';
                const d = cfg.a?.missing?.();
                Lit.Actions.setResponse({ response: `${b} ${c} ${d}` });
                """));
        all.add(c("array and object library", "{}", "[2,4]|6|3|true|1,2,3,4|a=1;b=2|{\"k\":\"v\"}|[1,2]|3", """
                const xs = [1, 2, 3, 4];
                const parts = [
                  JSON.stringify(xs.filter((x) => x % 2 === 0)),
                  xs.slice(0, 3).reduce((a, b) => a + b, 0),
                  xs.find((x) => x > 2),
                  xs.includes(4),
                  [[1, 2], [3, [4]]].flat(2).join(','),
                  Object.entries({ a: 1, b: 2 }).map(([k, v]) => `${k}=${v}`).join(';'),
                  JSON.stringify(Object.fromEntries([['k', 'v']])),
                  JSON.stringify(Array.from(new Set([1, 1, 2]))),
                  Object.values({ a: 1, b: 2 }).reduce((a, b) => a + b)
                ];
                Lit.Actions.setResponse({ response: parts.join('|') });
                """));
        all.add(c("Map, Set and for-of", "{}", "a:1,b:2|3", """
                const m = new Map();
                m.set('a', 1).set('b', 2);
                const out = [];
                for (const [k, v] of m) { out.push(`${k}:${v}`); }
                const s = new Set(['x', 'y', 'x', 'z']);
                Lit.Actions.setResponse({ response: `${out.join(',')}|${s.size}` });
                """));
        all.add(c("await in loops", "{}", "1000,2000", """
                const go = async () => {
                  const prices = [];
                  for (const q of ['a', 'b']) {
                    const r = await fetch(`BASE/price?${q}`);
                    const j = await r.json();
                    prices.push(j.ethereum.usd);
                  }
                  Lit.Actions.setResponse({ response: prices.join(',') });
                };
                go();
                """));
        all.add(c("errors caught in async code", "{}", "caught: boom|finally", """
                const go = async () => {
                  const log = [];
                  try {
                    await Promise.reject(new Error('boom'));
                  } catch (e) {
                    log.push(`caught: ${e.message}`);
                  } finally {
                    log.push('finally');
                  }
                  Lit.Actions.setResponse({ response: log.join('|') });
                };
                go();
                """));
        all.add(c("timers", "{}", "waited", """
                const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                const go = async () => { await sleep(20); Lit.Actions.setResponse({ response: 'waited' }); };
                go();
                """));
        all.add(c("console captured", "{}", "ok", """
                console.log('starting', { a: 1 }, [1, 2]);
                console.error('an error line');
                Lit.Actions.setResponse({ response: 'ok' });
                """));
        all.add(c("ethers keccak and utf8", "{}", "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8|hello|0x68656c6c6f", """
                const bytes = ethers.utils.toUtf8Bytes('hello');
                const hash = ethers.utils.keccak256(bytes);
                Lit.Actions.setResponse({ response: [hash, ethers.utils.toUtf8String(bytes), ethers.utils.hexlify(bytes)].join('|') });
                """));
        all.add(c("ethers hashMessage and arrayify", "{}", "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68|32|1,2,255", """
                const h = ethers.utils.hashMessage('hello world');
                Lit.Actions.setResponse({ response: [h, ethers.utils.arrayify(h).length, Array.from(ethers.utils.arrayify('0x0102ff')).join(',')].join('|') });
                """));
        all.add(c("sign a message and recover the address", keyParams, ADDRESS + "|true", """
                const go = async () => {
                  const message = 'Hello from a Lit Action';
                  const digest = ethers.utils.arrayify(ethers.utils.hashMessage(message));
                  const sig = JSON.parse(await Lit.Actions.signAndCombineEcdsa({ toSign: digest, publicKey, sigName }));
                  const joined = ethers.utils.joinSignature({ r: '0x' + sig.r, s: '0x' + sig.s, v: sig.v });
                  const address = ethers.utils.recoverAddress(digest, joined);
                  const split = ethers.utils.splitSignature(joined);
                  Lit.Actions.setResponse({ response: `${address}|${ethers.utils.verifyMessage(message, split) === ethers.utils.computeAddress(publicKey)}` });
                };
                go();
                """));
        all.add(c("ethPersonalSignMessageEcdsa", keyParams, "success", """
                const go = async () => {
                  const r = await Lit.Actions.ethPersonalSignMessageEcdsa({ message: 'gm', publicKey, sigName });
                  Lit.Actions.setResponse({ response: r });
                };
                go();
                """));
        all.add(c("pubkeyToTokenId and permissions", keyParams, "true|1", """
                const tokenId = Lit.Actions.pubkeyToTokenId({ publicKey });
                const ipfsId = Lit.Auth.actionIpfsIds[0];
                const permitted = await Lit.Actions.isPermittedAction({ tokenId, ipfsId });
                const all = await Lit.Actions.getPermittedActions({ tokenId });
                Lit.Actions.setResponse({ response: `${permitted}|${all.length}` });
                """));
        all.add(c("access control conditions", "{}", "true", """
                const conditions = [{ contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
                  parameters: [':userAddress'], returnValueTest: { comparator: '=', value: 'allow' } }];
                const testResult = await Lit.Actions.checkConditions({ conditions, authSig: null, chain: 'ethereum' });
                Lit.Actions.setResponse({ response: testResult.toString() });
                """));
        all.add(c("encrypt and decrypt round trip", "{}", "secret message", """
                const accessControlConditions = [{ chain: 'ethereum', returnValueTest: { comparator: '=', value: 'allow' } }];
                const { ciphertext, dataToEncryptHash } = await Lit.Actions.encrypt({ accessControlConditions,
                  to_encrypt: new TextEncoder().encode('secret message') });
                const plain = await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext, dataToEncryptHash,
                  authSig: null, chain: 'ethereum' });
                Lit.Actions.setResponse({ response: plain });
                """));
        all.add(c("runOnce", "{}", "leader-result", """
                const result = await Lit.Actions.runOnce({ waitForResponse: true, name: 'txnSender' }, async () => {
                  return 'leader-result';
                });
                Lit.Actions.setResponse({ response: result });
                """));
        all.add(c("broadcastAndCollect median", "{}", "3 1000", """
                const values = await Lit.Actions.broadcastAndCollect({ name: 'price', value: '1000' });
                const sorted = values.map(Number).sort((a, b) => a - b);
                Lit.Actions.setResponse({ response: `${values.length} ${sorted[Math.floor(sorted.length / 2)]}` });
                """));
        all.add(c("generators and iterators", "{}", "0,1,1,2,3,5", """
                function* fib() { let [a, b] = [0, 1]; while (true) { yield a; [a, b] = [b, a + b]; } }
                const out = [];
                for (const f of fib()) { if (out.length === 6) break; out.push(f); }
                Lit.Actions.setResponse({ response: out.join(',') });
                """));
        all.add(c("async iteration", "{}", "a,b", """
                async function* letters() { yield 'a'; await null; yield 'b'; }
                const go = async () => {
                  const seen = [];
                  for await (const l of letters()) { seen.push(l); }
                  Lit.Actions.setResponse({ response: seen.join(',') });
                };
                go();
                """));
        all.add(c("JSON response object and Lit.Auth", "{\"n\":3}", "{\"n\":3,\"double\":6,\"ids\":1}", """
                const go = async () => {
                  const payload = { n: jsParams.n, double: n * 2, ids: Lit.Auth.actionIpfsIds.length };
                  Lit.Actions.setResponse({ response: JSON.stringify(payload) });
                };
                go();
                """));
        all.add(c("string and date utilities", "{}", "00042|ABC|2024-01-02|x-y-z", """
                const d = new Date(Date.UTC(2024, 0, 2));
                Lit.Actions.setResponse({ response: [String(42).padStart(5, '0'), 'abc'.toUpperCase(),
                  d.toISOString().slice(0, 10), ['x', 'y', 'z'].join('-')].join('|') });
                """));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void runsUnchanged(String name, String code, String params, String expected) {
        RecordingHost host = new RecordingHost();
        host.engine = engine;
        ExecutionResult r = engine.execute(ExecutionRequest.of(code.replace("BASE", server.url("")), params, host));
        assertEquals(expected, r.response(), name);
        assertTrue(r.success());
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(corpus().count() >= 20);
    }

    @Test
    void signedShareReachesTheHost() {
        RecordingHost host = new RecordingHost();
        engine.execute(ExecutionRequest.of("await Lit.Actions.signEcdsa({ toSign: ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('x'))), publicKey: '"
                + PK + "', sigName: 'k' });", null, host));
        assertEquals(EthersSupport.keccak256(Hex.encode("x".getBytes())), Hex.encode(host.signed.get("k")));
        assertEquals(List.of("signEcdsa:k"), host.calls);
    }

    @Test
    void authSigNullInConditionsAndDecryptionMeansTheCallersAsInLit() {
        String caller = "{\"sig\":\"0xcaller\",\"derivedVia\":\"web3.eth.personal.sign\",\"signedMessage\":\"m\","
                + "\"address\":\"" + ADDRESS + "\"}";
        String code = """
                const accessControlConditions = [{ chain: 'ethereum', returnValueTest: { comparator: '=', value: 'allow' } }];
                const ciphertext = btoa('x');
                await Lit.Actions.checkConditions({ conditions: accessControlConditions, authSig: null, chain: 'ethereum' });
                await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext, dataToEncryptHash: 'h',
                  authSig: null, chain: 'ethereum' });
                await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext, dataToEncryptHash: 'h',
                  chain: 'ethereum' });
                await Lit.Actions.decryptAndCombine({ accessControlConditions, ciphertext, dataToEncryptHash: 'h',
                  authSig: { sig: '0xother', address: '0x00' }, chain: 'ethereum' });
                """;
        RecordingHost host = new RecordingHost();
        engine.execute(new ExecutionRequest(code, null, null, caller, null, List.of(), host, 0));
        assertEquals(4, host.calls.size(), host.calls.toString());
        assertTrue(host.calls.get(0).endsWith(":" + caller), host.calls.get(0));
        for (String call : host.calls.subList(1, 3)) {
            assertTrue(call.startsWith("decryptAndCombine:") && call.contains("\"authSig\":" + caller), call);
        }
        assertTrue(host.calls.get(3).contains("\"authSig\":{\"sig\":\"0xother\""), host.calls.get(3));
    }

    @Test
    void logsAreCaptured() {
        ExecutionResult r = engine.execute(ExecutionRequest.of("console.log('a', 1, {b: 2}); console.warn('w'); Lit.Actions.setResponse({response: ''});",
                null, ActionHost.REFUSE_ALL));
        assertEquals("a 1 {\"b\":2}\nw", r.logs());
    }

    @Test
    void tokenIdMatchesTheDefinition() {
        ExecutionResult r = engine.execute(ExecutionRequest.of("Lit.Actions.setResponse({ response: Lit.Actions.pubkeyToTokenId({ publicKey: '" + PK + "' }) });",
                null, ActionHost.REFUSE_ALL));
        byte[] pub = Hex.decode(PK);
        assertEquals(Hex.encode(io.sigil.crypto.Keccak256.hash(java.util.Arrays.copyOfRange(pub, 1, 65))), r.response());
    }
}
