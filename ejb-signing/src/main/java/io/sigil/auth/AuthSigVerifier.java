package io.sigil.auth;

import io.sigil.api.model.AuthSig;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.Siwe;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks Lit's authSig (API.md): {@code derivedVia} is {@code web3.eth.personal.sign}, {@code signedMessage} is an
 * EIP-4361 (SIWE) message naming {@code address}, the EIP-191 signature recovers {@code address}, and now is within
 * the message's {@code Not Before} / {@code Expiration Time} window. A malformed authSig is a 400 naming the field;
 * one that is well formed but does not authenticate is a 401 ({@code invalid-auth-sig}). Used by mint,
 * permission changes and (later) execute.
 *
 * <p>A SIWE message without {@code Expiration Time} never expires, as EIP-4361 says; wallets and Lit's SDK set one.
 * Within its window an authSig can be replayed by whoever holds it, as with Lit: it is a bearer credential.
 *
 * <p>Clients reuse one authSig for many requests, and every request meets it several times (the gateway, each
 * participant, the signing permission check), so the address a signature recovers to is remembered per
 * SHA-256 of signature and message ({@link #RECOVERED}, least recently used first out). Recovery is a pure function
 * of those bytes; everything else (shape, address, time window) is still checked on every call.
 */
@ApplicationScoped
public class AuthSigVerifier {
    /** Longer messages are refused before parsing; real SIWE messages are a few hundred bytes. */
    static final int MAX_MESSAGE_BYTES = 8 * 1024;
    private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-fA-F]{130}");
    /** How many recovered signers are remembered: an elliptic-curve recovery each, a hundred bytes each. */
    static final int RECOVERED = 4096;

    private final Map<ByteBuffer, EthAddress> recovered = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, EthAddress> eldest) {
            return size() > RECOVERED;
        }
    };

    Clock clock = Clock.systemUTC();

    public AuthSigVerifier() { }

    /** For tests: verification as of {@code clock}. */
    public AuthSigVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param field the request field holding the authSig, for 400 problems (e.g. {@code authSig})
     * @throws SigilException 400 malformed, or 401 {@code invalid-auth-sig}
     */
    public VerifiedAuthSig verify(AuthSig authSig, String field) {
        if (authSig == null) {
            throw SigilException.malformed(field, "is required");
        }
        if (!AuthSig.PERSONAL_SIGN.equals(authSig.derivedVia())) {
            throw SigilException.malformed(field + ".derivedVia", "must be " + AuthSig.PERSONAL_SIGN);
        }
        if (authSig.sig() == null || !SIGNATURE.matcher(authSig.sig()).matches()) {
            throw SigilException.malformed(field + ".sig", "must be a 65-byte 0x hex signature");
        }
        EthAddress claimed;
        try {
            claimed = EthAddress.parse(authSig.address());
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed(field + ".address", "must be a 0x Ethereum address");
        }
        String text = authSig.signedMessage();
        if (text == null || text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw SigilException.malformed(field + ".signedMessage", "must be a SIWE message of at most "
                    + MAX_MESSAGE_BYTES + " bytes");
        }
        Siwe siwe;
        try {
            siwe = Siwe.parse(text);
        } catch (IllegalArgumentException e) {
            throw SigilException.malformed(field + ".signedMessage", "is not an EIP-4361 (SIWE) message");
        }
        if (!siwe.address().equals(claimed)) {
            throw invalid("the SIWE message is signed in for another address");
        }
        EthAddress signer = signer(authSig.sig().toLowerCase(Locale.ROOT), text.getBytes(StandardCharsets.UTF_8));
        if (!signer.equals(claimed)) {
            throw invalid("the signature was not made by authSig.address");
        }
        Instant now = clock.instant();
        if (siwe.expirationTime() != null && !now.isBefore(siwe.expirationTime())) {
            throw invalid("the authSig has expired");
        }
        if (siwe.notBefore() != null && now.isBefore(siwe.notBefore())) {
            throw invalid("the authSig is not valid yet (Not Before is in the future)");
        }
        return new VerifiedAuthSig(claimed, siwe);
    }

    /** The address that signed {@code message}, recovered once per signature and message. */
    private EthAddress signer(String sig, byte[] message) {
        ByteBuffer key = ByteBuffer.wrap(Sha256.hash(sig.getBytes(StandardCharsets.US_ASCII), message));
        synchronized (recovered) {
            EthAddress known = recovered.get(key);
            if (known != null) {
                return known;
            }
        }
        EthAddress signer;
        try {
            signer = Eip191.recoverAddress(message, EcdsaSignature.fromHex(sig));
        } catch (IllegalArgumentException e) {
            throw invalid("the signature does not recover to any address");
        }
        synchronized (recovered) {
            recovered.put(key, signer);
        }
        return signer;
    }

    private static SigilException invalid(String detail) {
        return new SigilException(ProblemType.INVALID_AUTH_SIG, detail);
    }
}
