package io.sigil.crypto.eth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An EIP-4361 (Sign-In with Ethereum) message, the {@code signedMessage} of an authSig (API.md). {@link #parse}
 * follows the EIP's ABNF strictly and rejects anything else; {@link #toMessage()} renders the canonical text.
 *
 * @param scheme         optional URI scheme before the domain (null when absent)
 * @param domain         the RFC 3986 authority requesting the sign-in
 * @param address        the signer, written with its EIP-55 checksum in the message
 * @param statement      optional human-readable line (null when absent)
 * @param uri            the RFC 3986 URI the sign-in is for
 * @param version        always "1"
 * @param chainId        EIP-155 chain id
 * @param nonce          at least 8 alphanumeric characters
 * @param issuedAt       when the message was made
 * @param expirationTime optional: invalid from this instant on (null when absent)
 * @param notBefore      optional: invalid before this instant (null when absent)
 * @param requestId      optional request id (null when absent)
 * @param resources      URIs the sign-in covers (empty when absent)
 */
public record Siwe(String scheme, String domain, EthAddress address, String statement, String uri, String version,
                   long chainId, String nonce, Instant issuedAt, Instant expirationTime, Instant notBefore,
                   String requestId, List<String> resources) {

    private static final String HEADER = " wants you to sign in with your Ethereum account:";
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@\\[\\]]+");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+\\-.]*");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
    private static final Pattern CHAIN_ID = Pattern.compile("[1-9][0-9]{0,17}");

    public Siwe {
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("SIWE scheme is malformed");
        }
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("SIWE domain is malformed");
        }
        if (address == null) {
            throw new IllegalArgumentException("SIWE address is missing");
        }
        if (statement != null && (statement.isEmpty() || statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("SIWE statement is malformed");
        }
        checkUri(uri, "SIWE URI is malformed");
        if (!"1".equals(version)) {
            throw new IllegalArgumentException("SIWE version must be 1");
        }
        if (chainId < 1) {
            throw new IllegalArgumentException("SIWE chain id is malformed");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("SIWE nonce is malformed");
        }
        if (issuedAt == null) {
            throw new IllegalArgumentException("SIWE issued-at is missing");
        }
        if (requestId != null && (requestId.indexOf('\n') >= 0 || requestId.indexOf('\r') >= 0
                || requestId.indexOf(' ') >= 0)) {
            throw new IllegalArgumentException("SIWE request id is malformed");
        }
        resources = resources == null ? List.of() : List.copyOf(resources);
        for (String r : resources) {
            checkUri(r, "SIWE resource is malformed");
        }
    }

    /**
     * Parses a SIWE message.
     *
     * @throws IllegalArgumentException (fixed message naming the faulty field) on any deviation from EIP-4361
     */
    public static Siwe parse(String message) {
        if (message == null || message.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("SIWE message is malformed");
        }
        String[] lines = message.split("\n", -1);
        Cursor c = new Cursor(lines);
        String header = c.next();
        if (!header.endsWith(HEADER)) {
            throw new IllegalArgumentException("SIWE header is malformed");
        }
        String origin = header.substring(0, header.length() - HEADER.length());
        String scheme = null;
        int sep = origin.indexOf("://");
        if (sep >= 0) {
            scheme = origin.substring(0, sep);
            origin = origin.substring(sep + 3);
        }
        String addressText = c.next();
        EthAddress address = EthAddress.parse(addressText);
        if (!address.toString().equals(addressText)) {
            throw new IllegalArgumentException("SIWE address must carry its EIP-55 checksum");
        }
        c.expect("");
        String statement = null;
        String line = c.next();
        if (!line.isEmpty()) {
            statement = line;
            c.expect("");
        }
        String uri = c.field("URI: ");
        String version = c.field("Version: ");
        String chain = c.field("Chain ID: ");
        if (!CHAIN_ID.matcher(chain).matches()) {
            throw new IllegalArgumentException("SIWE chain id is malformed");
        }
        String nonce = c.field("Nonce: ");
        Instant issuedAt = time(c.field("Issued At: "));
        Instant expiration = c.peek("Expiration Time: ") ? time(c.field("Expiration Time: ")) : null;
        Instant notBefore = c.peek("Not Before: ") ? time(c.field("Not Before: ")) : null;
        String requestId = c.peek("Request ID: ") ? c.field("Request ID: ") : null;
        List<String> resources = new ArrayList<>();
        if (c.peekExact("Resources:")) {
            c.next();
            while (c.hasNext()) {
                resources.add(c.field("- "));
            }
        }
        if (c.hasNext()) {
            throw new IllegalArgumentException("SIWE message has unexpected trailing lines");
        }
        return new Siwe(scheme, origin, address, statement, uri, version, Long.parseLong(chain), nonce, issuedAt,
                expiration, notBefore, requestId, resources);
    }

    /** The canonical EIP-4361 text (times in ISO-8601 UTC), what a wallet is asked to sign. */
    public String toMessage() {
        StringBuilder sb = new StringBuilder();
        if (scheme != null) {
            sb.append(scheme).append("://");
        }
        sb.append(domain).append(HEADER).append('\n');
        sb.append(address).append("\n\n");
        if (statement != null) {
            sb.append(statement).append('\n');
        }
        sb.append('\n');
        sb.append("URI: ").append(uri).append('\n');
        sb.append("Version: ").append(version).append('\n');
        sb.append("Chain ID: ").append(chainId).append('\n');
        sb.append("Nonce: ").append(nonce).append('\n');
        sb.append("Issued At: ").append(DateTimeFormatter.ISO_INSTANT.format(issuedAt));
        if (expirationTime != null) {
            sb.append("\nExpiration Time: ").append(DateTimeFormatter.ISO_INSTANT.format(expirationTime));
        }
        if (notBefore != null) {
            sb.append("\nNot Before: ").append(DateTimeFormatter.ISO_INSTANT.format(notBefore));
        }
        if (requestId != null) {
            sb.append("\nRequest ID: ").append(requestId);
        }
        if (!resources.isEmpty()) {
            sb.append("\nResources:");
            for (String r : resources) {
                sb.append("\n- ").append(r);
            }
        }
        return sb.toString();
    }

    /** True if {@code now} is within the message's validity window (not before, not expired). */
    public boolean isValidAt(Instant now) {
        return (notBefore == null || !now.isBefore(notBefore)) && (expirationTime == null || now.isBefore(expirationTime));
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("SIWE time is not an RFC 3339 date-time");
        }
    }

    private static void checkUri(String text, String message) {
        if (text == null || text.isEmpty() || text.indexOf(' ') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(message);
        }
        try {
            if (new URI(text).getScheme() == null) {
                throw new IllegalArgumentException(message);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Walks the lines of a message. */
    private static final class Cursor {
        private final String[] lines;
        private int pos;

        Cursor(String[] lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return pos < lines.length;
        }

        String next() {
            if (!hasNext()) {
                throw new IllegalArgumentException("SIWE message is truncated");
            }
            return lines[pos++];
        }

        void expect(String line) {
            if (!next().equals(line)) {
                throw new IllegalArgumentException("SIWE message is malformed");
            }
        }

        boolean peek(String prefix) {
            return hasNext() && lines[pos].startsWith(prefix);
        }

        boolean peekExact(String line) {
            return hasNext() && lines[pos].equals(line);
        }

        String field(String prefix) {
            String line = next();
            if (!line.startsWith(prefix)) {
                throw new IllegalArgumentException("SIWE field is missing: " + prefix.trim());
            }
            return line.substring(prefix.length());
        }
    }
}
