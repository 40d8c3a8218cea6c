package io.sigil.api.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.ExecuteResponse;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.SignedShare;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Keccak256;
import io.sigil.crypto.eth.EthAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judgement of participants' answers, as the gateway and the client both use it. */
class VerdictTest {
    static final byte[] ID = new byte[16];
    static final URI DISAGREE = URI.create(Problem.BASE + "participants-disagree");
    static final URI ABORTED = URI.create(Problem.BASE + "protocol-aborted");
    static final URI UNAVAILABLE = URI.create(Problem.BASE + "peer-unavailable");

    static {
        new SecureRandom().nextBytes(ID);
    }

    static ParticipantAnswer ok(int i, String response) {
        return ok(i, response, Map.of());
    }

    static ParticipantAnswer ok(int i, String response, Map<String, SignedShare> signedData) {
        return ParticipantAnswer.success(i, 10, new ExecuteResponse(true, response, "log " + i, signedData, Map.of(),
                Map.of()));
    }

    static ParticipantAnswer failed(int i, String slug, int status, String detail, Map<String, Object> extensions) {
        return ParticipantAnswer.failure(i, 10, new Problem(URI.create(Problem.BASE + slug), status, "title", detail,
                extensions));
    }

    static ParticipantAnswer scriptError(int i, String detail, String logs) {
        return failed(i, "action/script-error", 422, detail, Map.of("logs", logs));
    }

    /** What a node answers when its signing session timed out waiting for {@code missing}. */
    static ParticipantAnswer timedOut(int i, Integer... missing) {
        return failed(i, "peer-unavailable", 503, "sign round 1: no message from node(s) " + List.of(missing),
                Map.of("missingNodes", List.of(missing)));
    }

    static Verdict.Failed failure(Verdict v) {
        return assertInstanceOf(Verdict.Failed.class, v);
    }

    @Test
    void agreeingParticipantsGiveTheResponseTheLowestIndexsLogsAndEveryOutcome() {
        Verdict v = Verdict.of(ID, List.of(ok(3, "r"), ok(1, "r"), ok(2, "r")));
        NetworkExecuteResponse r = assertInstanceOf(Verdict.Agreed.class, v).response();
        assertEquals("r", r.response());
        assertEquals("log 1", r.logs());
        assertTrue(r.signatures().isEmpty());
        assertEquals(List.of(1, 2, 3), r.nodes().stream().map(NetworkExecuteResponse.NodeOutcome::index).toList());
    }

    @Test
    void noLogsAreEmptyLogs() {
        List<ParticipantAnswer> answers = List.of(1, 2, 3).stream().map(i -> ParticipantAnswer.success(i, 1,
                new ExecuteResponse(true, "r", null, null, Map.of(), Map.of()))).toList();
        assertEquals("", assertInstanceOf(Verdict.Agreed.class, Verdict.of(ID, answers)).response().logs());
    }

    @Test
    void differentResponsesAre502AndNotRetried() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "a"), ok(2, "a"), ok(3, "b"))));
        assertEquals(DISAGREE, f.problem().type());
        assertEquals(502, f.problem().status());
        assertFalse(f.retryable());
        assertTrue(f.problem().extensions().containsKey("nodes"));
    }

    @Test
    void anActionThatFailedAlikeEverywhereIsPassedOnAsItIs() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(scriptError(1, "boom", "before"),
                scriptError(2, "boom", "before"), scriptError(3, "boom", "before"))));
        assertEquals(URI.create(Problem.BASE + "action/script-error"), f.problem().type());
        assertEquals(422, f.problem().status());
        assertEquals("boom", f.problem().detail());
        assertEquals("before", f.problem().extensions().get("logs"));
        assertFalse(f.retryable());
    }

    @Test
    void aProblemIsReadFromItsJsonAsItIs() {
        Problem limit = Problem.parse(Map.of("type", "https://sigil.dev/problems/limit/wall-time", "status", 422,
                "title", "The action ran longer than the wall-clock limit", "detail", "x", "logs", "l"));
        assertEquals(URI.create("https://sigil.dev/problems/limit/wall-time"), limit.type());
        assertEquals(422, limit.status());
        assertEquals("x", limit.detail());
        assertEquals(Map.of("logs", "l"), limit.extensions());
        assertEquals("l", limit.toJson().get("logs"));
        assertEquals(418, Problem.parse(Map.of("type", "https://example.org/whatever", "status", 418)).status());
        assertNull(Problem.parse(Map.of("title", "no type")));
        assertEquals(4096, Problem.parse(Map.of("type", "t", "status", 500, "detail", "x".repeat(5000))).detail()
                .length(), "a detail longer than any of Sigil's is cut");
    }

    @Test
    void aNotPermittedRefusalEverywhereIs403EvenIfTheOthersThenMissedIt() {
        ParticipantAnswer refused1 = failed(1, "not-permitted", 403, "not a permitted action", Map.of());
        Verdict.Failed f = failure(Verdict.of(ID, List.of(refused1,
                failed(2, "not-permitted", 403, "not a permitted action", Map.of()),
                failed(3, "not-permitted", 403, "not a permitted action", Map.of()))));
        assertEquals(URI.create(Problem.BASE + "not-permitted"), f.problem().type());
        // one node refused (it learnt of a revocation first), the others then timed out waiting for it
        Verdict.Failed g = failure(Verdict.of(ID, List.of(refused1, timedOut(2, 1), timedOut(3, 1))));
        assertEquals(URI.create(Problem.BASE + "not-permitted"), g.problem().type());
        assertEquals(403, g.problem().status());
        assertFalse(g.retryable());
    }

    @Test
    void differentRefusalsAreADisagreement() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(scriptError(1, "a", ""), scriptError(2, "a", ""),
                failed(3, "not-permitted", 403, "no", Map.of()))));
        assertEquals(DISAGREE, f.problem().type());
        assertFalse(f.retryable());
    }

    @Test
    void oneFailedAndOneSucceededIsADisagreement() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "a"), ok(2, "a"), scriptError(3, "only here", ""))));
        assertEquals(DISAGREE, f.problem().type());
        assertFalse(f.retryable());
    }

    @Test
    void anUnreachableNodeIsRetryableAndNamed() {
        ParticipantAnswer down = ParticipantAnswer.unreachable(3, 5, "node 3 did not answer (connection refused)");
        Verdict.Failed f = failure(Verdict.of(ID, List.of(timedOut(1, 3), timedOut(2, 3), down)));
        assertTrue(f.retryable());
        assertEquals(Set.of(3), f.suspects());
        assertEquals(UNAVAILABLE, f.problem().type());
        assertEquals(503, f.problem().status());
        assertEquals(List.of(3), f.problem().extensions().get("missingNodes"));
    }

    @Test
    void withoutAnUnreachableNodeTheOneTheOthersNameIsTheSuspect() {
        // node 3 answered, but too late for the others' signing session: they name it, it names them
        Verdict.Failed f = failure(Verdict.of(ID, List.of(timedOut(1, 3), timedOut(2, 3), timedOut(3, 1, 2))));
        assertTrue(f.retryable());
        assertEquals(Set.of(3), f.suspects());
    }

    @Test
    void aNodeThatFailsAsANodeNamingNobodyIsTheSuspect() {
        Verdict.Failed f = failure(Verdict.of(ID, List.of(failed(1, "internal", 503, "down", Map.of()), ok(2, "x"),
                ok(3, "x"))));
        assertTrue(f.retryable());
        assertEquals(Set.of(1), f.suspects());
        assertEquals(UNAVAILABLE, f.problem().type());
    }

    @Test
    void aMisbehavingNodeIsPassedOnAs502NamingIt() {
        ParticipantAnswer bad1 = failed(1, "protocol-aborted", 502, "node 2 sent a malformed signing message",
                Map.of("node", 2));
        ParticipantAnswer bad3 = failed(3, "protocol-aborted", 502, "node 2 sent a malformed signing message",
                Map.of("node", 2));
        Verdict.Failed f = failure(Verdict.of(ID, List.of(bad1, ok(2, "x"), bad3)));
        assertTrue(f.retryable());
        assertEquals(Set.of(2), f.suspects());
        assertEquals(ABORTED, f.problem().type());
        assertEquals(502, f.problem().status());
    }

    @Test
    void answersThatAreNeitherAResponseNorAProblemAre502NamingTheNode() {
        Map<String, Object> problem503 = Map.of("type", Problem.BASE + "internal", "status", 503);
        List<ParticipantAnswer> strange = List.of(
                ParticipantAnswer.success(2, 1, new ExecuteResponse(false, "x", "", Map.of(), Map.of(), Map.of())),
                ParticipantAnswer.success(2, 1, null),
                ParticipantAnswer.problem(2, 1, 500, problem503),
                ParticipantAnswer.problem(2, 1, 502, Map.of("html", "<h1>Bad gateway</h1>")),
                ParticipantAnswer.malformed(2, 1, 200));
        for (ParticipantAnswer a : strange) {
            assertFalse(a.succeeded());
            assertEquals(ABORTED, a.problem().type(), a.toString());
            Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "x"), a, ok(3, "x"))));
            assertEquals(ABORTED, f.problem().type());
            assertEquals(2, f.problem().extensions().get("node"));
            assertEquals(Set.of(2), f.suspects());
            assertTrue(f.retryable());
        }
        assertEquals(URI.create(Problem.BASE + "internal"), ParticipantAnswer.problem(2, 1, 503, problem503).problem()
                .type(), "a problem whose status is the answer's is taken as it is");
    }

    @Test
    void sharesCombineIntoASignatureThatVerifiesAgainstThePkp() {
        RealShares pkp = new RealShares(3, 1);
        byte[] digest = Keccak256.hash("hello".getBytes(StandardCharsets.UTF_8));
        Map<Integer, SignedShare> shares = pkp.sign(ID, List.of(1, 2, 3), "sig", digest);
        Verdict v = Verdict.of(ID, List.of(1, 2, 3).stream().map(i -> ok(i, "signed", Map.of("sig", shares.get(i))))
                .toList());
        NetworkExecuteResponse r = assertInstanceOf(Verdict.Agreed.class, v).response();
        CombinedSignature sig = r.signatures().get("sig");
        EcdsaSignature parsed = EcdsaSignature.fromHex(sig.signature());
        assertTrue(parsed.verify(pkp.publicKey(), digest));
        assertEquals(Hex.encode(digest), sig.dataSigned());
        assertEquals(EthAddress.of(pkp.publicKey()).toString(), sig.ethAddress());
        assertEquals(EthAddress.of(pkp.publicKey()).toString(), EthAddress.of(parsed.recover(digest)).toString());
        assertEquals(27 + sig.recid(), parsed.toBytes()[64]);
    }

    @Test
    void sharesThatDoNotCombineAreRetryableWithoutASuspect() {
        // 2t+1 shares of a degree-2t polynomial carry no redundancy: the liar cannot be named (THRESHOLD.md)
        RealShares pkp = new RealShares(3, 1);
        Map<Integer, SignedShare> shares = new HashMap<>(pkp.sign(ID, List.of(1, 2, 3), "sig", new byte[32]));
        shares.put(3, RealShares.lie(shares.get(3)));
        Verdict.Failed f = failure(Verdict.of(ID, List.of(1, 2, 3).stream()
                .map(i -> ok(i, "signed", Map.of("sig", shares.get(i)))).toList()));
        assertEquals(ABORTED, f.problem().type());
        assertTrue(f.problem().detail().contains("do not combine"), f.problem().detail());
        assertTrue(f.retryable());
        assertEquals(Set.of(), f.suspects());
    }

    @Test
    void aShareUnderAnotherNodesIndexIsRetryableNamingTheNodeThatSentIt() {
        RealShares pkp = new RealShares(3, 1);
        Map<Integer, SignedShare> shares = new HashMap<>(pkp.sign(ID, List.of(1, 2, 3), "sig", new byte[32]));
        shares.put(3, shares.get(2));
        Verdict.Failed f = failure(Verdict.of(ID, List.of(1, 2, 3).stream()
                .map(i -> ok(i, "signed", Map.of("sig", shares.get(i)))).toList()));
        assertEquals(ABORTED, f.problem().type());
        assertEquals(3, f.problem().extensions().get("node"));
        assertEquals(Set.of(3), f.suspects());
        assertTrue(f.retryable());
    }

    @Test
    void differentSignatureNamesAreADisagreementNotRetried() {
        // a participant that signed (or kept back) a signature the others did not: the action did not run alike
        RealShares pkp = new RealShares(3, 1);
        Map<Integer, SignedShare> shares = pkp.sign(ID, List.of(1, 2, 3), "sig", new byte[32]);
        Verdict.Failed f = failure(Verdict.of(ID, List.of(ok(1, "signed", Map.of("sig", shares.get(1))),
                ok(2, "signed", Map.of("sig", shares.get(2))), ok(3, "signed", Map.of()))));
        assertEquals(DISAGREE, f.problem().type());
        assertFalse(f.retryable());
    }
}
