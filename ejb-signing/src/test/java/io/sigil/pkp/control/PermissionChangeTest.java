package io.sigil.pkp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.crypto.eth.TokenId;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.problem.SigilException;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical permission-change text and the validation of a change request. */
class PermissionChangeTest {
    static final String CID_A = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String CID_B = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    static final String TOKEN = "0x" + "ab".repeat(32);

    @Test
    void canonicalTextIsExactlyThis() {
        assertEquals("""
                Sigil PKP permission change
                Token ID: 0xabababababababababababababababababababababababababababababababab
                Version: 7
                Add permitted actions: QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o,QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG
                Remove permitted actions: none
                Seal: no""", PermissionChangeText.of(TOKEN.toUpperCase().replace("0X", "0x"), 7,
                List.of(CID_A, CID_B, CID_A), List.of(), false));
        assertEquals("""
                Sigil PKP permission change
                Token ID: 0xabababababababababababababababababababababababababababababababab
                Version: 0
                Add permitted actions: none
                Remove permitted actions: QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG
                Seal: yes""", PermissionChangeText.of(TOKEN, 0, null, List.of(CID_A), true));
    }

    @Test
    void signatureBindsTokenVersionAndChange() {
        IdentityKey owner = TestKeys.wallet();
        TokenId id = TokenId.parse(TOKEN);
        PermissionChange c = PermissionChange.of(id, TestAuth.change(owner, TOKEN, 3, List.of(CID_A), List.of(), false));
        assertEquals(owner.address(), c.signer().orElseThrow());
        // the same signature presented for another version, another token or another change recovers someone else
        PermissionChangeRequest r = TestAuth.change(owner, TOKEN, 3, List.of(CID_A), List.of(), false);
        assertNotOwner(owner, PermissionChange.of(id, new PermissionChangeRequest(4L, r.addPermittedActions(),
                r.removePermittedActions(), false, r.signature())));
        assertNotOwner(owner, PermissionChange.of(TokenId.parse("0x" + "cd".repeat(32)), r));
        assertNotOwner(owner, PermissionChange.of(id, new PermissionChangeRequest(3L, r.addPermittedActions(),
                r.removePermittedActions(), true, r.signature())));
        // wire round trip
        assertEquals(c, PermissionChange.fromBytes(c.toBytes()));
    }

    @Test
    void malformedChangesAre400() {
        TokenId id = TokenId.parse(TOKEN);
        String sig = "0x" + "11".repeat(65);
        assertField("version", () -> PermissionChange.of(id, new PermissionChangeRequest(null, List.of(CID_A), null, null, sig)));
        assertField("addPermittedActions", () -> PermissionChange.of(id, new PermissionChangeRequest(0L, List.of("nope"), null, null, sig)));
        assertField("removePermittedActions", () -> PermissionChange.of(id, new PermissionChangeRequest(0L, List.of(CID_A), List.of(CID_A), null, sig)));
        assertField("body", () -> PermissionChange.of(id, new PermissionChangeRequest(0L, List.of(), null, false, sig)));
        assertField("signature", () -> PermissionChange.of(id, new PermissionChangeRequest(0L, List.of(CID_A), null, null, "0x12")));
    }

    private static void assertNotOwner(IdentityKey owner, PermissionChange c) {
        assertEquals(false, c.signer().map(owner.address()::equals).orElse(false));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable e) {
        SigilException ex = assertThrows(SigilException.class, e);
        assertEquals(field, ex.extensions().get("field"));
    }
}
