package io.sigil.cli.network;

import picocli.CommandLine.Command;

@Command(name = "network", mixinStandardHelpOptions = true, description = "Start and inspect a local network.",
        subcommands = {UpCommand.class, StatusCommand.class})
public class NetworkCommand {
}
