package io.sigil.system;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.Siwe;
import io.sigil.crypto.identity.IdentityKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * What a user's wallet does, for system tests and for trying a node with curl: a SIWE authSig signed with EIP-191,
 * and the owner's signature over a permission change ({@link PermissionChangeText}). Run as a program:
 * <pre>
 * java -cp ... io/sigil/system/Wallet.java authsig KEY_HEX
 * java -cp ... io/sigil/system/Wallet.java permissions KEY_HEX TOKEN_ID VERSION ADD_CIDS|- REMOVE_CIDS|- yes|no
 * </pre>
 * (CID lists comma-separated); each prints the JSON to send.
 */
public final class Wallet {
    final IdentityKey key;

    Wallet(IdentityKey key) {
        this.key = key;
    }

    AuthSig authSig(Duration validFor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Siwe siwe = new Siwe("http", "localhost", key.address(), "Sign in to Sigil", "http://localhost/", "1", 1,
                "sigil" + Long.toString(System.nanoTime(), 36), now, now.plus(validFor), null, null, List.of());
        String text = siwe.toMessage();
        return new AuthSig(sign(text), AuthSig.PERSONAL_SIGN, text, key.address().toString());
    }

    String sign(String text) {
        return key.sign(Eip191.hashMessage(text)).toHex();
    }

    public static void main(String[] args) {
        Wallet w = new Wallet(IdentityKey.fromBytes(Hex.decode(args[1])));
        if (args[0].equals("authsig")) {
            AuthSig a = w.authSig(Duration.ofHours(1));
            System.out.println("{\"sig\":\"" + a.sig() + "\",\"derivedVia\":\"" + a.derivedVia() + "\",\"signedMessage\":\""
                    + a.signedMessage().replace("\n", "\\n") + "\",\"address\":\"" + a.address() + "\"}");
        } else {
            List<String> add = args[4].equals("-") ? List.of() : Arrays.asList(args[4].split(","));
            List<String> remove = args[5].equals("-") ? List.of() : Arrays.asList(args[5].split(","));
            boolean seal = args[6].equals("yes");
            long version = Long.parseLong(args[3]);
            String sig = w.sign(PermissionChangeText.of(args[2], version, add, remove, seal));
            System.out.println("{\"version\":" + version + ",\"addPermittedActions\":" + json(add)
                    + ",\"removePermittedActions\":" + json(remove) + ",\"seal\":" + seal + ",\"signature\":\"" + sig + "\"}");
        }
    }

    private static String json(List<String> l) {
        return l.isEmpty() ? "[]" : "[\"" + String.join("\",\"", l) + "\"]";
    }
}
