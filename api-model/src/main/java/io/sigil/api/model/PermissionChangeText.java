package io.sigil.api.model;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The canonical text an owner signs (EIP-191 {@code personal_sign}) to change a PKP's permissions. Node and
 * client build it with this one method, so both sign and verify exactly the same bytes. Example:
 * <pre>
 * Sigil PKP permission change
 * Token ID: 0x5a1b...(64 lowercase hex digits)
 * Version: 3
 * Add permitted actions: QmAbc...,QmDef...
 * Remove permitted actions: none
 * Seal: no
 * </pre>
 * Lines are joined by a single {@code \n}, with no trailing newline. The token id is lowercase {@code 0x} hex;
 * the version is the PKP version the change applies to, in decimal; CID lists are sorted (Java's natural
 * {@code String} order, i.e. by UTF-16 code unit, which for base58 is byte order), without duplicates, joined
 * by {@code ,} and written {@code none} when empty; {@code Seal} is {@code yes} or {@code no}. Naming the token id
 * and version makes a signature valid for one change of one PKP once: it cannot be replayed later or elsewhere.
 */
public final class PermissionChangeText {
    /** The first line: tells a wallet user what is being signed and separates this text from any other. */
    public static final String HEADER = "Sigil PKP permission change";

    private PermissionChangeText() { }

    public static String of(String tokenId, long version, Collection<String> add, Collection<String> remove,
                            boolean seal) {
        return HEADER + "\n"
                + "Token ID: " + tokenId.toLowerCase(java.util.Locale.ROOT) + "\n"
                + "Version: " + version + "\n"
                + "Add permitted actions: " + list(add) + "\n"
                + "Remove permitted actions: " + list(remove) + "\n"
                + "Seal: " + (seal ? "yes" : "no");
    }

    private static String list(Collection<String> cids) {
        if (cids == null || cids.isEmpty()) {
            return "none";
        }
        return String.join(",", new TreeSet<>(cids));
    }
}
