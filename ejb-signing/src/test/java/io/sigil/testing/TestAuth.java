package io.sigil.testing;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.Siwe;
import io.sigil.crypto.identity.IdentityKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a wallet does for a Sigil user: SIWE authSigs and signed permission changes. */
public final class TestAuth {
    private TestAuth() { }

    public static AuthSig authSig(IdentityKey wallet) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return authSig(wallet, now, now.plus(Duration.ofHours(1)), null);
    }

    public static AuthSig authSig(IdentityKey wallet, Instant issuedAt, Instant expires, Instant notBefore) {
        Siwe siwe = new Siwe("https", "localhost", wallet.address(), "Sigil test", "https://localhost/", "1", 1,
                "abcdef0123456789", issuedAt, expires, notBefore, null, List.of());
        String text = siwe.toMessage();
        return new AuthSig(personalSign(wallet, text), AuthSig.PERSONAL_SIGN, text, wallet.address().toString());
    }

    public static String personalSign(IdentityKey wallet, String text) {
        return wallet.sign(Eip191.hashMessage(text)).toHex();
    }

    /** A permission change signed by {@code wallet}. */
    public static PermissionChangeRequest change(IdentityKey wallet, String tokenId, long version, List<String> add,
                                                 List<String> remove, boolean seal) {
        String text = PermissionChangeText.of(tokenId, version, add, remove, seal);
        return new PermissionChangeRequest(version, add, remove, seal, personalSign(wallet, text));
    }

    public static EthAddress address(IdentityKey wallet) {
        return wallet.address();
    }
}
