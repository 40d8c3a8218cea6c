package io.sigil.client;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.PermissionChangeRequest;
import io.sigil.api.model.PermissionChangeText;
import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.Eip191;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.Siwe;
import io.sigil.crypto.identity.IdentityKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user's Ethereum wallet does for Sigil: sign a SIWE (EIP-4361) authSig with EIP-191 {@code personal_sign},
 * and sign permission changes of the PKPs it owns ({@link PermissionChangeText}). The key comes from a hex private
 * key or from a wallet file ({@code ~/.sigil/wallet.json}, created owner-only on first use).
 */
public final class Wallet {
    private static final Pattern KEY_FIELD = Pattern.compile("\"privateKey\"\\s*:\\s*\"(0x[0-9a-fA-F]{64})\"");
    private final IdentityKey key;

    public Wallet(IdentityKey key) {
        this.key = key;
    }

    public static Wallet fromHex(String privateKeyHex) {
        byte[] raw;
        try {
            raw = Hex.decode(privateKeyHex, 32);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a wallet key is 32 bytes of hex (0x + 64 hex digits)");
        }
        return new Wallet(IdentityKey.fromBytes(raw));
    }

    public static Wallet random() {
        return new Wallet(IdentityKey.generate(new SecureRandom()));
    }

    /** The wallet in {@code file}, created with a fresh key (readable by the owner only) if it does not exist. */
    public static Wallet loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                IdentityKey fresh = IdentityKey.generate(new SecureRandom());
                String json = "{\"address\":\"" + fresh.address() + "\",\"privateKey\":\"" + Hex.encode(fresh.toBytes()) + "\"}\n";
                Files.createFile(file);
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                return new Wallet(fresh);
            }
            Matcher m = KEY_FIELD.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException(file + " holds no \"privateKey\"");
            }
            return fromHex(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the wallet " + file, e);
        }
    }

    public EthAddress address() {
        return key.address();
    }

    /** A fresh authSig valid for {@code validFor}: a SIWE message for this address, signed with EIP-191. */
    public AuthSig authSig(Duration validFor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Siwe siwe = new Siwe("http", "localhost", key.address(), "Sign in to Sigil", "http://localhost/", "1", 1,
                "sigil" + Long.toString(System.nanoTime(), 36), now, now.plus(validFor), null, null, List.of());
        String text = siwe.toMessage();
        return new AuthSig(sign(text), AuthSig.PERSONAL_SIGN, text, key.address().toString());
    }

    /** EIP-191 {@code personal_sign} of {@code text}: 65 bytes {@code r||s||v}, {@code 0x} hex. */
    public String sign(String text) {
        return key.sign(Eip191.hashMessage(text)).toHex();
    }

    /** An owner-signed permission change for the PKP {@code tokenId} at its current {@code version}. */
    public PermissionChangeRequest permissionChange(String tokenId, long version, List<String> add, List<String> remove,
                                                    boolean seal) {
        return new PermissionChangeRequest(version, add, remove, seal,
                sign(PermissionChangeText.of(tokenId, version, add, remove, seal)));
    }

    @Override
    public String toString() {
        return "Wallet[" + key.address() + "]";
    }
}
