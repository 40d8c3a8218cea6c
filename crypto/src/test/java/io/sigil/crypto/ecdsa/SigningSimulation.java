package io.sigil.crypto.ecdsa;

import io.sigil.crypto.dkg.KeyShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Runs one signing session in memory over the wire forms of every message. Each participant that detects
 * misbehaviour stops on its own (as a node would); the result records, per participant, what it released.
 */
public final class SigningSimulation {

    /** Lets a test alter what participant {@code from} sends. */
    interface Tamper {
        default Round1Share share(int from, int to, Round1Share share) {
            return share;
        }

        default Round2 round2(Round2 m) {
            return m;
        }
    }

    static final class Result {
        final Map<Integer, SigningAbortedException> aborted = new TreeMap<>();
        final Map<Integer, Round2> released2 = new TreeMap<>();
        final Map<Integer, SignatureShare> shares = new TreeMap<>();
    }

    private SigningSimulation() {
    }

    static Result run(Map<Integer, KeyShare> keys, IntFunction<SigningStatement> statementOf, SecureRandom random,
                      Tamper tamper) {
        Result result = new Result();
        Map<Integer, SigningSession> sessions = new TreeMap<>();
        for (Map.Entry<Integer, KeyShare> e : keys.entrySet()) {
            sessions.put(e.getKey(), new SigningSession(e.getValue(), statementOf.apply(e.getKey()), random));
        }
        Map<Integer, SigningSession.Round1Output> r1 = new TreeMap<>();
        sessions.forEach((i, s) -> r1.put(i, s.round1()));
        for (int i : sessions.keySet()) {
            byte[] broadcast = r1.get(i).broadcast().toBytes();
            for (int j : sessions.keySet()) {
                if (j == i) {
                    continue;
                }
                deliver(result, j, () -> sessions.get(j).receive(Round1.fromBytes(broadcast)));
                byte[] share = tamper.share(i, j, r1.get(i).shares().get(j)).toBytes();
                deliver(result, j, () -> sessions.get(j).receive(Round1Share.fromBytes(share)));
            }
        }
        for (int i : sessions.keySet()) {
            if (!result.aborted.containsKey(i)) {
                deliver(result, i, () -> result.released2.put(i, tamper.round2(sessions.get(i).round2())));
            }
        }
        for (Map.Entry<Integer, Round2> m : result.released2.entrySet()) {
            byte[] bytes = m.getValue().toBytes();
            for (int j : sessions.keySet()) {
                if (j != m.getKey() && !result.aborted.containsKey(j)) {
                    deliver(result, j, () -> sessions.get(j).receive(Round2.fromBytes(bytes)));
                }
            }
        }
        for (int i : sessions.keySet()) {
            if (!result.aborted.containsKey(i) && sessions.get(i).readyForRound3()) {
                deliver(result, i, () -> result.shares.put(i,
                        SignatureShare.fromBytes(sessions.get(i).round3().toBytes())));
            }
        }
        return result;
    }

    /**
     * Each participant's genuine share of one honest session signing {@code digest} with the key of {@code keys}
     * (element 0 is node 1's share): what the nodes of a network would hand a client.
     */
    public static Map<Integer, SignatureShare> shares(List<KeyShare> keys, byte[] requestId, List<Integer> participants,
                                                      String sigName, byte[] digest, SecureRandom random) {
        Map<Integer, KeyShare> byIndex = new TreeMap<>();
        participants.forEach(i -> byIndex.put(i, keys.get(i - 1)));
        SigningStatement statement = statement(keys.get(0), requestId, sigName, digest, participants);
        Result result = run(byIndex, i -> statement, random, new Tamper() { });
        if (!result.aborted.isEmpty() || result.shares.size() != participants.size()) {
            throw new IllegalStateException("an honest session did not complete: " + result.aborted);
        }
        return result.shares;
    }

    static SigningStatement statement(KeyShare key, byte[] requestId, String sigName, byte[] e, List<Integer> s) {
        return new SigningStatement(SessionId.derive(requestId, key.keyId(), sigName, e), key.keyId(), e, s);
    }

    private static void deliver(Result result, int node, Runnable action) {
        if (result.aborted.containsKey(node)) {
            return;
        }
        try {
            action.run();
        } catch (SigningAbortedException e) {
            result.aborted.put(node, e);
        }
    }
}
