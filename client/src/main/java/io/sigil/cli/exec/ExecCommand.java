package io.sigil.cli.exec;

import io.sigil.api.model.NetworkExecuteRequest;
import io.sigil.api.model.NetworkExecuteResponse;
import io.sigil.cli.ClientOptions;
import io.sigil.cli.Json;
import io.sigil.client.NetworkClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "exec", mixinStandardHelpOptions = true, description = {
        "Run an action on 2t+1 nodes and print {response, logs, signatures, nodes}.",
        "This client fans out, combines the shares and verifies every signature itself, trusting no single node;",
        "--gateway lets the node combine instead."})
public class ExecCommand implements Callable<Integer> {
    @Mixin ClientOptions client;

    @ArgGroup(multiplicity = "1")
    Source source;

    static class Source {
        @Parameters(paramLabel = "FILE", description = "the action's JavaScript") Path file;
        @Option(names = "--ipfs", paramLabel = "CID", description = "a stored action") String ipfsId;
    }

    @Option(names = "--params", paramLabel = "JSON", description = "jsParams, a JSON object")
    String params;

    @Option(names = "--gateway", description = "let the node act as gateway (POST /api/v1/network/execute)")
    boolean gateway;

    @Override
    public Integer call() throws Exception {
        String code = source.file == null ? null : Files.readString(source.file, StandardCharsets.UTF_8);
        Map<String, Object> jsParams = Json.object("--params", params);
        var authSig = client.wallet().authSig(Duration.ofMinutes(10));
        NetworkExecuteResponse result;
        if (gateway) {
            result = client.connection().executeThroughGateway(
                    new NetworkExecuteRequest(code, source.ipfsId, jsParams, authSig, null));
        } else {
            try (NetworkClient network = client.network()) {
                result = network.execute(code, source.ipfsId, jsParams, authSig);
            }
        }
        System.out.println(Json.pretty(result));
        return 0;
    }
}
