package io.sigil.cli.action;

import io.sigil.cli.ClientOptions;
import io.sigil.cli.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "action", mixinStandardHelpOptions = true, description = "Store and inspect actions.", subcommands = {ActionCommand.Upload.class})
public class ActionCommand {

    @Command(name = "upload", mixinStandardHelpOptions = true, description = "Store an action's code; prints {ipfsId, size} (the ipfsId is its IPFS CIDv0).")
    public static class Upload implements Callable<Integer> {
        @Mixin ClientOptions client;

        @Parameters(paramLabel = "FILE", description = "the action's JavaScript")
        Path file;

        @Override
        public Integer call() throws Exception {
            String code = Files.readString(file, StandardCharsets.UTF_8);
            System.out.println(Json.pretty(client.connection().uploadAction(code)));
            return 0;
        }
    }
}
