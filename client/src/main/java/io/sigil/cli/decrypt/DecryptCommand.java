package io.sigil.cli.decrypt;

import io.sigil.api.model.EncryptedData;
import io.sigil.cli.ClientOptions;
import io.sigil.client.Decryptor;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decrypt", mixinStandardHelpOptions = true, description = {
        "Decrypt what `sigil encrypt` printed: asks every node for its share under your wallet's authSig, checks each",
        "share's proof, combines t+1 and writes the plaintext to --out (or stdout)."})
public class DecryptCommand implements Callable<Integer> {
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Per node call; a share request carries the whole ciphertext. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofMinutes(2);

    @Mixin ClientOptions client;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the JSON `sigil encrypt` printed")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the plaintext (default: stdout)")
    Path out;

    @Override
    public Integer call() throws Exception {
        EncryptedData encrypted;
        try {
            encrypted = JSONB.fromJson(Files.readString(in, StandardCharsets.UTF_8), EncryptedData.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--in: not the JSON `sigil encrypt` prints");
        }
        if (encrypted == null || encrypted.ciphertext() == null || encrypted.accessControlConditions() == null) {
            throw new IllegalArgumentException("--in: ciphertext and accessControlConditions are required");
        }
        byte[] plain;
        try (Decryptor d = new Decryptor(client.nodeUrl(), TIMEOUT)) {
            plain = d.decrypt(encrypted, client.wallet().authSig(Duration.ofMinutes(10)));
        }
        if (out != null) {
            Files.write(out, plain);
        } else {
            System.out.write(plain);
            System.out.flush();
        }
        return 0;
    }
}
