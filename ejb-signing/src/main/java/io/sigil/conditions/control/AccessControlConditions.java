package io.sigil.conditions.control;

import io.sigil.api.model.CanonicalJson;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.problem.SigilException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lit's {@code accessControlConditions}: a non-empty array whose items alternate between an operand (a condition
 * object, or a nested array of the same form) and an operator {@code {"operator":"and"|"or"}}. {@code and} binds
 * tighter than {@code or}. Everything is validated before anything is evaluated: an unknown field, kind, comparator
 * or a malformed value makes the whole request 400 ({@code malformed-request}, field
 * {@code accessControlConditions}), and nothing is decrypted.
 */
public final class AccessControlConditions {
    static final String FIELD = "accessControlConditions";
    private static final int MAX_CONDITIONS = 64;
    private static final Set<String> KEYS = Set.of("conditionType", "contractAddress", "standardContractType", "chain",
            "method", "parameters", "returnValueTest");
    private static final Set<String> COMPARATORS = Set.of("=", "!=", ">", "<", ">=", "<=", "contains", "!contains");
    private static final Set<String> ACTION_COMPARATORS = Set.of("=", "!=", "contains", "!contains");
    private static final Pattern JS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");
    static final String IPFS = "ipfs://";
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern UINT = Pattern.compile("[0-9]{1,78}");

    /** A parsed expression: a condition, or a group of operands joined by operators. */
    public sealed interface Expr permits Leaf, Group { }

    public record Leaf(Condition condition) implements Expr { }

    /** {@code operands.size() == operators.size() + 1}; operators are "and" or "or". */
    public record Group(List<Expr> operands, List<String> operators) implements Expr { }

    private AccessControlConditions() { }

    /** The TDH2 label of these conditions: SHA-256 of their canonical JSON ({@link CanonicalJson}). */
    public static byte[] label(List<Object> conditions) {
        return Tdh2.label(CanonicalJson.write(conditions).getBytes(StandardCharsets.UTF_8));
    }

    /** Validates and parses; throws 400 naming what is wrong. */
    public static Group parse(List<Object> json) {
        int[] count = {0};
        return group(json, 0, count);
    }

    private static Group group(Object json, int depth, int[] count) {
        if (!(json instanceof List<?> items) || items.isEmpty()) {
            throw malformed("must be a non-empty array");
        }
        if (depth > 8) {
            throw malformed("is nested too deeply");
        }
        if (items.size() % 2 == 0) {
            throw malformed("must alternate conditions and operators, starting and ending with a condition");
        }
        List<Expr> operands = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (i % 2 == 1) {
                operators.add(operator(item));
            } else if (item instanceof List<?>) {
                operands.add(group(item, depth + 1, count));
            } else {
                if (++count[0] > MAX_CONDITIONS) {
                    throw malformed("has more than " + MAX_CONDITIONS + " conditions");
                }
                operands.add(new Leaf(condition(item)));
            }
        }
        return new Group(List.copyOf(operands), List.copyOf(operators));
    }

    private static String operator(Object item) {
        if (item instanceof Map<?, ?> m && m.size() == 1 && m.get("operator") instanceof String op) {
            String lower = op.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("and") || lower.equals("or")) {
                return lower;
            }
        }
        throw malformed("has an operator that is not {\"operator\":\"and\"} or {\"operator\":\"or\"}");
    }

    static Condition condition(Object item) {
        if (!(item instanceof Map<?, ?> m)) {
            throw malformed("has an item that is neither a condition, an operator nor a nested array");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(k)) {
                throw malformed("has a condition with the unknown field \"" + k + "\"");
            }
        }
        Object type = m.get("conditionType");
        if (type != null && !"evmBasic".equals(type)) {
            throw malformed("has the unsupported conditionType " + describe(type));
        }
        String contract = string(m, "contractAddress");
        String standard = string(m, "standardContractType");
        String chain = string(m, "chain");
        String method = string(m, "method");
        if (!CHAIN.matcher(chain).matches()) {
            throw malformed("has a condition with a malformed chain");
        }
        if (!(m.get("parameters") instanceof List<?> params)) {
            throw malformed("has a condition without a parameters array");
        }
        List<String> parameters = new ArrayList<>();
        for (Object p : params) {
            if (!(p instanceof String s)) {
                throw malformed("has a condition with a parameter that is not a string");
            }
            parameters.add(s);
        }
        if (!(m.get("returnValueTest") instanceof Map<?, ?> test) || test.size() != 2
                || !(test.get("comparator") instanceof String comparator) || !(test.get("value") instanceof String value)) {
            throw malformed("has a condition without returnValueTest {comparator, value} (both strings)");
        }
        if (!COMPARATORS.contains(comparator)) {
            throw malformed("has the unsupported comparator " + describe(comparator));
        }
        Condition.Kind kind = kind(contract, standard, method, parameters);
        Condition c = new Condition(kind, contract, chain, method, List.copyOf(parameters), comparator, value);
        if (kind == Condition.Kind.ACTION) {
            if (!ACTION_COMPARATORS.contains(comparator)) {
                throw malformed("compares an action's result with " + describe(comparator)
                        + " (only =, !=, contains and !contains apply)");
            }
        } else if (comparator.contains("contains")) {
            throw malformed("uses " + describe(comparator) + ", which applies to action conditions only");
        } else if (c.numeric()) {
            if (!UINT.matcher(value).matches()) {
                throw malformed("has a numeric condition whose value is not a non-negative decimal integer");
            }
        } else {
            if (!comparator.equals("=") && !comparator.equals("!=")) {
                throw malformed("compares an address with " + describe(comparator) + " (only = and != apply)");
            }
            if (!value.equals(Condition.USER_ADDRESS) && !ADDRESS.matcher(value).matches()) {
                throw malformed("has an address condition whose value is not an address or :userAddress");
            }
        }
        return c;
    }

    private static Condition.Kind kind(String contract, String standard, String method, List<String> p) {
        switch (standard) {
            case "LitAction" -> {
                if (contract.startsWith(IPFS) && cid(contract.substring(IPFS.length()))
                        && JS_NAME.matcher(method).matches()) {
                    return Condition.Kind.ACTION;
                }
            }
            case "timestamp" -> {
                if (method.equals("eth_getBlockByNumber") && p.equals(List.of("latest")) && contract.isEmpty()) {
                    return Condition.Kind.TIMESTAMP;
                }
            }
            case "" -> {
                if (method.isEmpty() && p.equals(List.of(Condition.USER_ADDRESS)) && contract.isEmpty()) {
                    return Condition.Kind.USER_ADDRESS;
                }
                if (method.equals("eth_getBalance") && p.size() == 2 && address(p.get(0)) && p.get(1).equals("latest")
                        && contract.isEmpty()) {
                    return Condition.Kind.ETH_BALANCE;
                }
            }
            case "ERC20", "ERC721" -> {
                if (ADDRESS.matcher(contract).matches()) {
                    if (method.equals("balanceOf") && p.size() == 1 && address(p.get(0))) {
                        return Condition.Kind.TOKEN_BALANCE;
                    }
                    if (standard.equals("ERC721") && method.equals("ownerOf") && p.size() == 1
                            && UINT.matcher(p.get(0)).matches()) {
                        return Condition.Kind.ERC721_OWNER;
                    }
                }
            }
            case "ERC1155" -> {
                if (ADDRESS.matcher(contract).matches() && method.equals("balanceOf") && p.size() == 2
                        && address(p.get(0)) && UINT.matcher(p.get(1)).matches()) {
                    return Condition.Kind.ERC1155_BALANCE;
                }
            }
            default -> { }
        }
        throw malformed("has an unsupported condition (standardContractType " + describe(standard) + ", method "
                + describe(method) + ")");
    }

    private static boolean cid(String s) {
        try {
            new io.sigil.crypto.ipfs.Cid(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean address(String p) {
        return p.equals(Condition.USER_ADDRESS) || ADDRESS.matcher(p).matches();
    }

    static BigInteger uint(String s) {
        return new BigInteger(s);
    }

    private static String string(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw malformed("has a condition whose " + key + " is missing or not a string");
        }
        return s;
    }

    private static String describe(Object o) {
        String s = String.valueOf(o);
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s).replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }

    static SigilException malformed(String why) {
        return SigilException.malformed(FIELD, why);
    }
}
