package io.sigil.api.verdict;

import io.sigil.api.model.CombinedSignature;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.api.model.NetworkExecuteResponse.NodeOutcome;
import io.sigil.api.model.SignedShare;
import io.sigil.api.model.SignedShares;
import io.sigil.crypto.CryptoException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The judgement of one attempt of an execute request from its 2t+1 participants' answers, shared by the gateway
 * ({@code POST /api/v1/network/execute}) and the Java client, which asks the participants itself and trusts no
 * single node; each keeps its own transport and its own choice of the next participant set:
 * <ul>
 * <li>all succeeded, set the same response and made the same signatures: each signature is combined from the shares
 *     and verified ({@link SignedShares#combine}), and the answer is {@link Agreed};</li>
 * <li>the action itself failed (a 4xx: it threw, hit a limit, was not permitted...) identically on every participant
 *     that answered, none succeeded: that problem, as it is;</li>
 * <li>participants answered differently (another response, other signature names, one failed and one succeeded):
 *     502 {@code participants-disagree}; not retried, an action that does not run alike will not on another set;</li>
 * <li>otherwise some participant was unreachable or failed as a node (5xx, a share that does not combine): a
 *     retryable failure naming the suspects, answered as 503 {@code peer-unavailable} (or the 502 of a misbehaving
 *     node) if no retry is possible.</li>
 * </ul>
 */
public sealed interface Verdict {

    /** The attempt succeeded. */
    record Agreed(NetworkExecuteResponse response) implements Verdict { }

    /**
     * The attempt failed with {@code problem}.
     *
     * @param problem   what to answer: a participant's own problem, or one of the judgement's
     * @param retryable whether another participant set might succeed
     * @param suspects  the participants to leave out of a retry
     */
    record Failed(Problem problem, boolean retryable, Set<Integer> suspects) implements Verdict { }

    /**
     * @param requestId the attempt's 16-byte request id, which every signature's session binds
     * @param answers   one per participant, in any order
     */
    static Verdict of(byte[] requestId, List<ParticipantAnswer> answers) {
        List<ParticipantAnswer> sorted = answers.stream().sorted(Comparator.comparingInt(ParticipantAnswer::index)).toList();
        List<NodeOutcome> nodes = sorted.stream().map(a -> new NodeOutcome(a.index(), a.succeeded(), a.ms())).toList();
        List<ParticipantAnswer> ok = sorted.stream().filter(ParticipantAnswer::succeeded).toList();
        List<ParticipantAnswer> refused = sorted.stream()
                .filter(a -> !a.succeeded() && a.reached() && a.problem().isClientError()).toList();
        List<ParticipantAnswer> broken = sorted.stream()
                .filter(a -> !a.succeeded() && !(a.reached() && a.problem().isClientError())).toList();

        if (!refused.isEmpty()) {
            Problem first = refused.get(0).problem();
            if (ok.isEmpty() && refused.stream().allMatch(a -> a.problem().sameAs(first))) {
                return new Failed(first, false, Set.of());
            }
            return new Failed(disagree("the participants failed differently or only some failed", sorted), false,
                    Set.of());
        }
        if (!broken.isEmpty()) {
            return unavailable(sorted, broken);
        }
        return agreed(requestId, sorted, nodes);
    }

    private static Verdict agreed(byte[] requestId, List<ParticipantAnswer> sorted, List<NodeOutcome> nodes) {
        ParticipantAnswer first = sorted.get(0);
        for (ParticipantAnswer a : sorted) {
            if (!Objects.equals(a.response().response(), first.response().response())) {
                return new Failed(disagree("the participants set different responses", sorted), false, Set.of());
            }
            if (!signedData(a).keySet().equals(signedData(first).keySet())) {
                return new Failed(disagree("the participants made different signatures", sorted), false, Set.of());
            }
        }
        Map<String, CombinedSignature> signatures = new TreeMap<>();
        for (String sigName : signedData(first).keySet()) {
            List<SignedShare> shares = new ArrayList<>();
            for (ParticipantAnswer a : sorted) {
                SignedShare share = signedData(a).get(sigName);
                if (share == null || share.shareIndex() != a.index()) {
                    return new Failed(Problem.protocolAborted("node " + a.index() + " returned a share of signature "
                            + quoted(sigName) + " that is not its own", Map.of("node", a.index())), true,
                            Set.of(a.index()));
                }
                shares.add(share);
            }
            try {
                signatures.put(sigName, SignedShares.combine(requestId, shares));
            } catch (CryptoException | IllegalArgumentException e) {
                // 2t+1 shares of a degree-2t polynomial carry no redundancy: the bad one cannot be singled out here
                return new Failed(Problem.protocolAborted("the shares of signature " + quoted(sigName)
                        + " do not combine into a valid signature: a participant sent a bad share", Map.of()),
                        true, Set.of());
            }
        }
        String logs = first.response().logs() == null ? "" : first.response().logs();
        return new Agreed(new NetworkExecuteResponse(first.response().response(), logs, signatures, nodes));
    }

    /**
     * Nodes failed as nodes. The suspects are the unreachable ones if any; else the nodes the others name most (a
     * participant that never joined the signing is named by every other); else every failed one.
     */
    private static Verdict unavailable(List<ParticipantAnswer> sorted, List<ParticipantAnswer> broken) {
        Set<Integer> participants = new TreeSet<>();
        sorted.forEach(a -> participants.add(a.index()));
        Set<Integer> suspects = new TreeSet<>();
        broken.stream().filter(a -> !a.reached()).forEach(a -> suspects.add(a.index()));
        if (suspects.isEmpty()) {
            Map<Integer, Integer> named = new TreeMap<>();
            for (ParticipantAnswer a : broken) {
                for (int n : namedNodes(a.problem())) {
                    if (participants.contains(n) && n != a.index()) {
                        named.merge(n, 1, Integer::sum);
                    }
                }
            }
            int most = named.values().stream().max(Integer::compare).orElse(0);
            named.forEach((n, count) -> {
                if (count == most) {
                    suspects.add(n);
                }
            });
        }
        if (suspects.isEmpty()) {
            broken.forEach(a -> suspects.add(a.index()));
        }
        for (ParticipantAnswer a : broken) {
            if (a.problem().isProtocolAborted()) {
                return new Failed(a.problem(), true, suspects);
            }
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("missingNodes", List.copyOf(suspects));
        ext.put("nodes", summary(sorted));
        return new Failed(Problem.peerUnavailable("too few nodes answered: node(s) " + suspects + " did not take part"
                + reasons(broken), ext), true, suspects);
    }

    private static List<Integer> namedNodes(Problem p) {
        List<Integer> out = new ArrayList<>();
        if (p.extensions().get("node") instanceof Number n) {
            out.add(n.intValue());
        }
        if (p.extensions().get("missingNodes") instanceof List<?> list) {
            list.forEach(o -> {
                if (o instanceof Number n) {
                    out.add(n.intValue());
                }
            });
        }
        return out;
    }

    private static String reasons(List<ParticipantAnswer> broken) {
        StringBuilder sb = new StringBuilder(" (");
        for (int i = 0; i < broken.size(); i++) {
            ParticipantAnswer a = broken.get(i);
            sb.append(i == 0 ? "" : "; ").append("node ").append(a.index()).append(": ").append(a.problem().detail());
        }
        return sb.append(')').toString();
    }

    private static Problem disagree(String what, List<ParticipantAnswer> sorted) {
        return Problem.participantsDisagree(what + "; the action must run alike on every participant (same code,"
                + " parameters and inputs)", Map.of("nodes", summary(sorted)));
    }

    /** Per participant: index, HTTP status it answered (0 if unreachable) and its problem type if it failed. */
    private static List<Map<String, Object>> summary(List<ParticipantAnswer> sorted) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ParticipantAnswer a : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", a.index());
            m.put("status", a.succeeded() ? 200 : a.reached() ? a.problem().status() : 0);
            if (!a.succeeded()) {
                m.put("type", a.problem().type().toString());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, SignedShare> signedData(ParticipantAnswer a) {
        return a.response().signedData() == null ? Map.of() : a.response().signedData();
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
