package io.sigil.cli;

import io.sigil.cli.action.ActionCommand;
import io.sigil.cli.demo.DemoCommand;
import io.sigil.cli.exec.ExecCommand;
import io.sigil.cli.network.NetworkCommand;
import io.sigil.cli.pkp.PkpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sigil}: the root command. Errors print one line on stderr and exit non-zero. */
@Command(name = "sigil", mixinStandardHelpOptions = true, versionProvider = SigilCli.Version.class,
        description = "Sigil: programmable threshold signing.",
        subcommands = {NetworkCommand.class, ActionCommand.class, PkpCommand.class, ExecCommand.class,
                DemoCommand.class, io.sigil.cli.decrypt.EncryptCommand.class, io.sigil.cli.decrypt.DecryptCommand.class})
public class SigilCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SigilCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sigil: " + oneLine(e));
            return 1;
        });
        return cli;
    }

    /** One line for a failure: what went wrong, never a stack trace. */
    static String oneLine(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such file: " + f.getFile();
        }
        if (e instanceof java.io.IOException io) {
            return "cannot read or write a file: " + io.getMessage();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SigilCli.class.getPackage().getImplementationVersion();
            return new String[] {"sigil " + (v != null ? v : "development build")};
        }
    }
}
