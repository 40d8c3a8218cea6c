package io.sigil.cli.pkp;

import io.sigil.api.model.MintRequest;
import io.sigil.cli.ClientOptions;
import io.sigil.cli.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pkp", mixinStandardHelpOptions = true, description = "Mint and show PKPs.", subcommands = {PkpCommand.Mint.class, PkpCommand.Show.class})
public class PkpCommand {

    @Command(name = "mint", mixinStandardHelpOptions = true, description = {"Mint a PKP by DKG over all nodes; your wallet becomes its owner.",
            "--permit grants actions at mint; --seal makes the permissions permanent (Lit's mint, grant and burn)."})
    public static class Mint implements Callable<Integer> {
        @Mixin ClientOptions client;

        @Option(names = "--permit", paramLabel = "CID", description = "an action (IPFS CIDv0) allowed to sign with it; repeatable")
        List<String> permit = new ArrayList<>();

        @Option(names = "--seal", description = "no permission change is ever accepted")
        boolean seal;

        @Override
        public Integer call() {
            MintRequest mint = new MintRequest(client.wallet().authSig(Duration.ofMinutes(10)), permit, seal);
            System.out.println(Json.pretty(client.connection().mintPkp(mint)));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a PKP: token id, public key, address, owner, permitted actions, sealed, version.")
    public static class Show implements Callable<Integer> {
        @Mixin ClientOptions client;

        @Parameters(paramLabel = "TOKEN_ID", description = "0x hex or decimal")
        String tokenId;

        @Override
        public Integer call() {
            System.out.println(Json.pretty(client.connection().pkp(tokenId)));
            return 0;
        }
    }
}
