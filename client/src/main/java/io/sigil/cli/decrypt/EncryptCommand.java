package io.sigil.cli.decrypt;

import io.sigil.api.model.CanonicalJson;
import io.sigil.cli.ClientOptions;
import io.sigil.cli.Json;
import io.sigil.client.Decryptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "encrypt", mixinStandardHelpOptions = true, description = {
        "Encrypt a file locally to the network key under access-control conditions (Lit's JSON array) and print",
        "{ciphertext, dataToEncryptHash, accessControlConditions, chain, networkPublicKey}. No node sees the data;",
        "the conditions stay in clear and the ciphertext is bound to them."})
public class EncryptCommand implements Callable<Integer> {
    /** Per node call; a share request carries the whole ciphertext. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofMinutes(2);

    @Mixin ClientOptions client;

    @Option(names = "--conditions", required = true, paramLabel = "FILE",
            description = "accessControlConditions: a JSON array")
    Path conditions;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the data to encrypt")
    Path in;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        Object parsed;
        try {
            parsed = CanonicalJson.parse(Files.readString(conditions, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--conditions: not JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("--conditions: must be a non-empty JSON array");
        }
        try (Decryptor d = new Decryptor(client.nodeUrl(), TIMEOUT)) {
            System.out.println(Json.pretty(d.encrypt(Files.readAllBytes(in), (List<Object>) list)));
        }
        return 0;
    }
}
