package io.sigil.conditions.control;

import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.EthAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates access-control conditions on this node alone, for a requester whose authSig the caller verified.
 * {@code :userAddress} is that address. The timestamp kind reads this node's clock (Lit asks a chain for the latest
 * block's time; a node's NTP clock is the same within seconds and needs no RPC). EVM kinds read the chain through
 * {@link ChainReader}. Operands are evaluated left to right with {@code and} before {@code or}, short-circuiting.
 */
@ApplicationScoped
public class ConditionEvaluator {
    private static final byte[] BALANCE_OF = Hex.decode("0x70a08231");
    private static final byte[] BALANCE_OF_1155 = Hex.decode("0x00fdd58e");
    private static final byte[] OWNER_OF = Hex.decode("0x6352211e");

    @Inject ChainReader chains;
    @Inject ActionConditions actions;
    Clock clock = Clock.systemUTC();

    public ConditionEvaluator() { }

    public ConditionEvaluator(ChainReader chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    public ConditionEvaluator(ChainReader chains, ActionConditions actions, Clock clock) {
        this(chains, clock);
        this.actions = actions;
    }

    /**
     * Whether the conditions hold for {@code requester}. Validates everything first: malformed or unsupported
     * conditions throw 400 before any is evaluated.
     */
    public boolean holds(List<Object> conditions, EthAddress requester) {
        AccessControlConditions.Group g = AccessControlConditions.parse(conditions);
        checkChains(g);
        return eval(g, requester);
    }

    private void checkChains(AccessControlConditions.Expr e) {
        if (e instanceof AccessControlConditions.Group g) {
            g.operands().forEach(this::checkChains);
        } else if (e instanceof AccessControlConditions.Leaf l) {
            Condition c = l.condition();
            if (c.evm() && (chains == null || !chains.knows(c.chain()))) {
                throw AccessControlConditions.malformed("names the chain \"" + c.chain()
                        + "\", which has no RPC endpoint on this node");
            }
        }
    }

    private boolean eval(AccessControlConditions.Expr e, EthAddress requester) {
        if (e instanceof AccessControlConditions.Leaf l) {
            return eval(l.condition(), requester);
        }
        AccessControlConditions.Group g = (AccessControlConditions.Group) e;
        // OR of AND-runs
        boolean run = true;
        for (int i = 0; i < g.operands().size(); i++) {
            if (i > 0 && g.operators().get(i - 1).equals("or")) {
                if (run) {
                    return true;
                }
                run = true;
            }
            if (run) {
                run = eval(g.operands().get(i), requester);
            }
        }
        return run;
    }

    private boolean eval(Condition c, EthAddress requester) {
        return switch (c.kind()) {
            case USER_ADDRESS -> compareAddress(c, requester.toString(), requester);
            case TIMESTAMP -> compare(c, BigInteger.valueOf(clock.instant().getEpochSecond()));
            case ETH_BALANCE -> compare(c, chains.balance(c.chain(), address(c.parameters().get(0), requester)));
            case TOKEN_BALANCE -> word(chains.call(c.chain(), c.contractAddress(),
                    concat(BALANCE_OF, addressWord(address(c.parameters().get(0), requester)))))
                    .map(balance -> compare(c, balance)).orElse(false);
            case ERC1155_BALANCE -> word(chains.call(c.chain(), c.contractAddress(),
                    concat(BALANCE_OF_1155, addressWord(address(c.parameters().get(0), requester)),
                            uintWord(new BigInteger(c.parameters().get(1))))))
                    .map(balance -> compare(c, balance)).orElse(false);
            case ERC721_OWNER -> word(chains.call(c.chain(), c.contractAddress(),
                    concat(OWNER_OF, uintWord(new BigInteger(c.parameters().get(0))))))
                    .map(owner -> compareAddress(c, String.format("0x%040x", owner), requester)).orElse(false);
            case ACTION -> {
                if (actions == null) {
                    throw AccessControlConditions.malformed("has an action condition, which this node cannot run");
                }
                List<String> args = c.parameters().stream().map(p -> address(p, requester)).toList();
                String result = actions.run(c.contractAddress().substring(AccessControlConditions.IPFS.length()),
                        c.method(), args);
                yield result != null && compareText(c, result);
            }
        };
    }

    private static boolean compareAddress(Condition c, String actual, EthAddress requester) {
        String expected = address(c.value(), requester);
        boolean equal = actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        return c.comparator().equals("=") == equal;
    }

    private static boolean compareText(Condition c, String actual) {
        return switch (c.comparator()) {
            case "=" -> actual.equals(c.value());
            case "!=" -> !actual.equals(c.value());
            case "contains" -> actual.contains(c.value());
            case "!contains" -> !actual.contains(c.value());
            default -> throw new IllegalStateException("validated comparator");
        };
    }

    private static boolean compare(Condition c, BigInteger actual) {
        int cmp = actual.compareTo(new BigInteger(c.value()));
        return switch (c.comparator()) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            default -> throw new IllegalStateException("validated comparator");
        };
    }

    private static String address(String p, EthAddress requester) {
        return p.equals(Condition.USER_ADDRESS) ? requester.toString() : p;
    }

    private static byte[] addressWord(String address) {
        byte[] a = Hex.decode(address);
        byte[] w = new byte[32];
        System.arraycopy(a, 0, w, 12, 20);
        return w;
    }

    private static byte[] uintWord(BigInteger v) {
        if (v.bitLength() > 256) {
            throw AccessControlConditions.malformed("has a token id above 2^256");
        }
        byte[] b = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, w, 32 - n, n);
        return w;
    }

    /**
     * The first word a contract call returned, or empty if it reverted or returned less than a word (an address
     * without code returns nothing). Either is the chain's answer that there is no value, so the condition does not
     * hold, whatever its comparator: nothing is decrypted for a value that does not exist.
     */
    private static Optional<BigInteger> word(Optional<byte[]> ret) {
        return ret.filter(bytes -> bytes.length >= 32)
                .map(bytes -> new BigInteger(1, java.util.Arrays.copyOf(bytes, 32)));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
