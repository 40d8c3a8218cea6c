package io.sigil.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigil.api.model.AuthSig;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.testing.TestAuth;
import io.sigil.testing.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthSigVerifierTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    final AuthSigVerifier verifier = new AuthSigVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    final IdentityKey wallet = TestKeys.wallet();

    AuthSig valid() {
        return TestAuth.authSig(wallet, NOW.minusSeconds(60), NOW.plus(Duration.ofHours(1)), null);
    }

    @Test
    void validAuthSigNamesItsSigner() {
        VerifiedAuthSig v = verifier.verify(valid(), "authSig");
        assertEquals(wallet.address(), v.address());
        // the address may be given lowercase, as many wallets do
        AuthSig a = valid();
        assertEquals(wallet.address(), verifier.verify(new AuthSig(a.sig(), a.derivedVia(), a.signedMessage(),
                wallet.address().toLowerHex()), "authSig").address());
    }

    @Test
    void expiredOrNotYetValidIs401() {
        AuthSig expired = TestAuth.authSig(wallet, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)), null);
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the authSig has expired", expired);
        AuthSig expiresNow = TestAuth.authSig(wallet, NOW.minus(Duration.ofHours(2)), NOW, null);
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the authSig has expired", expiresNow);
        AuthSig early = TestAuth.authSig(wallet, NOW, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofMinutes(5)));
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the authSig is not valid yet (Not Before is in the future)", early);
    }

    @Test
    void signatureOfAnotherKeyOrForAnotherAddressIs401() {
        AuthSig a = valid();
        IdentityKey other = TestKeys.wallet();
        // signed by another key, claiming the wallet's address
        AuthSig forged = new AuthSig(TestAuth.personalSign(other, a.signedMessage()), a.derivedVia(), a.signedMessage(),
                a.address());
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the signature was not made by authSig.address", forged);
        // a valid authSig whose address field names someone else
        AuthSig renamed = new AuthSig(a.sig(), a.derivedVia(), a.signedMessage(), other.address().toString());
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the SIWE message is signed in for another address", renamed);
        // the message altered after signing
        String altered = a.signedMessage().replace("Sigil test", "Sigil tost");
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the signature was not made by authSig.address",
                new AuthSig(a.sig(), a.derivedVia(), altered, a.address()));
    }

    @Test
    void aRememberedSignerStillMeetsEveryOtherCheck() {
        AuthSig a = valid();
        assertEquals(wallet.address(), verifier.verify(a, "authSig").address());
        assertEquals(wallet.address(), verifier.verify(a, "authSig").address(), "the second time from memory");
        // the same signature over another message recovers afresh, to someone else
        String altered = a.signedMessage().replace("Sigil test", "Sigil tost");
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the signature was not made by authSig.address",
                new AuthSig(a.sig(), a.derivedVia(), altered, a.address()));
        // the time window is checked on every call
        verifier.clock = Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertProblem(ProblemType.INVALID_AUTH_SIG, "the authSig has expired", a);
    }

    @Test
    void malformedAuthSigIs400NamingTheField() {
        AuthSig a = valid();
        assertField("authSig", null);
        assertField("authSig.derivedVia", new AuthSig(a.sig(), "web3.eth.sign", a.signedMessage(), a.address()));
        assertField("authSig.sig", new AuthSig("0x1234", a.derivedVia(), a.signedMessage(), a.address()));
        assertField("authSig.sig", new AuthSig(null, a.derivedVia(), a.signedMessage(), a.address()));
        assertField("authSig.address", new AuthSig(a.sig(), a.derivedVia(), a.signedMessage(), "0x12"));
        assertField("authSig.signedMessage", new AuthSig(a.sig(), a.derivedVia(), "hello", a.address()));
        assertField("authSig.signedMessage", new AuthSig(a.sig(), a.derivedVia(), null, a.address()));
        assertField("authSig.signedMessage", new AuthSig(a.sig(), a.derivedVia(), "x".repeat(9000), a.address()));
        // a signature whose v is not 27/28 (or 0/1) is malformed
        String badV = a.sig().substring(0, 130) + "ff";
        assertField("authSig.sig", new AuthSig(badV, a.derivedVia(), a.signedMessage(), a.address()), ProblemType.INVALID_AUTH_SIG);
    }

    private void assertProblem(ProblemType type, String detail, AuthSig a) {
        SigilException e = assertThrows(SigilException.class, () -> verifier.verify(a, "authSig"));
        assertEquals(type, e.type());
        assertEquals(detail, e.detail());
    }

    private void assertField(String field, AuthSig a) {
        assertField(field, a, ProblemType.MALFORMED_REQUEST);
    }

    private void assertField(String field, AuthSig a, ProblemType type) {
        SigilException e = assertThrows(SigilException.class, () -> verifier.verify(a, "authSig"));
        assertEquals(type, e.type(), e.detail());
        if (type == ProblemType.MALFORMED_REQUEST) {
            assertEquals(field, e.extensions().get("field"));
        }
    }

}
