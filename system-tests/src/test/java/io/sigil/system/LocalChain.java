package io.sigil.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.crypto.Hex;
import io.sigil.crypto.eth.EthAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real local EVM chain for condition tests: ganache with its deterministic accounts, and solc-js to compile the
 * test contracts, both from the npm registry at pinned versions, installed into {@code target/} by the test's own
 * setup. Contracts are deployed with {@code eth_sendTransaction} from ganache's unlocked first account. Only a
 * missing {@code npm} skips; an install, compile or deploy that fails fails the test.
 */
final class LocalChain implements AutoCloseable {
    static final String GANACHE = "ganache@7.9.2";
    /** solc-js ships its compiler (soljson.js), so compiling needs no download beyond the npm package. */
    static final String SOLC = "solc@0.8.26";
    /**
     * ganache 7.9.2 runs the shanghai hardfork; solc 0.8.25 and later target cancun by default, whose opcodes it
     * lacks.
     */
    static final String EVM_VERSION = "shanghai";
    /** Ganache's first deterministic account (--wallet.deterministic): 1000 ETH, unlocked; deploys the contracts. */
    static final String DEPLOYER_KEY = "0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";
    static final String DEPLOYER = "0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1";
    /** Its second deterministic account, which the test contracts mint to. */
    static final String HOLDER_KEY = "0x6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1";
    static final Path TARGET = Path.of("target").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process ganache;
    private final Path log;
    final String rpcUrl;

    private LocalChain(Process ganache, Path log, String rpcUrl) {
        this.ganache = ganache;
        this.log = log;
        this.rpcUrl = rpcUrl;
    }

    /** Installs ganache if needed and starts it on a free port; returns once it answers JSON-RPC. */
    static LocalChain start() throws Exception {
        Path dir = TARGET.resolve("ganache");
        Path bin = install(dir, GANACHE, "node_modules/.bin/ganache");
        int port = LocalNetworkProcess.freePorts(1);
        Path log = dir.resolve("ganache.log");
        Process p = new ProcessBuilder(bin.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--wallet.deterministic", "--logging.quiet").redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        LocalChain chain = new LocalChain(p, log, "http://127.0.0.1:" + port);
        chain.awaitRpc();
        return chain;
    }

    /**
     * {@code npm install pkg} into {@code dir} unless {@code bin} is already there. Skips the test if npm itself is
     * missing; fails it, with npm's log, if the install fails.
     */
    static Path install(Path dir, String pkg, String bin) throws Exception {
        Path exe = dir.resolve(bin);
        if (Files.exists(exe)) {
            return exe;
        }
        Files.createDirectories(dir);
        Path npmLog = dir.resolve("npm.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toString(), pkg)
                    .redirectErrorStream(true).redirectOutput(npmLog.toFile()).start();
        } catch (IOException noNpm) {
            assumeTrue(false, "npm is not installed");
            throw noNpm;
        }
        if (!npm.waitFor(300, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install " + pkg + " took more than 300 s");
        }
        if (npm.exitValue() != 0 || !Files.exists(exe)) {
            throw new AssertionError("npm install " + pkg + " failed:\n" + Files.readString(npmLog));
        }
        return exe;
    }

    /**
     * Compiles Solidity sources (file name to text) with solc-js's standard JSON interface; returns each contract's
     * creation bytecode ({@code 0x...}) by contract name. Any compiler error fails the test.
     */
    static Map<String, String> compile(Map<String, String> sources) throws Exception {
        Path dir = TARGET.resolve("solc");
        install(dir, SOLC, "node_modules/solc/package.json");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("language", "Solidity");
        Map<String, Object> files = new LinkedHashMap<>();
        sources.forEach((name, text) -> files.put(name, Map.of("content", text)));
        input.put("sources", files);
        input.put("settings", Map.of("evmVersion", EVM_VERSION, "optimizer", Map.of("enabled", true),
                "outputSelection", Map.of("*", Map.of("*", List.of("evm.bytecode.object")))));
        // solc.compile is solc-js's documented entry point; its CLI prints notices on stdout, which would spoil the JSON
        Process node = new ProcessBuilder("node", "-e", "const solc = require('solc');"
                + "let s = ''; process.stdin.on('data', d => s += d);"
                + "process.stdin.on('end', () => process.stdout.write(solc.compile(s)));")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(CanonicalJson.write(input).getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        node.getInputStream().transferTo(out);
        if (!node.waitFor(120, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new AssertionError("solc-js did not run: " + out.toString(StandardCharsets.UTF_8));
        }
        Map<?, ?> output = (Map<?, ?>) CanonicalJson.parse(out.toString(StandardCharsets.UTF_8));
        if (output.get("errors") instanceof List<?> errors) {
            StringBuilder why = new StringBuilder();
            for (Object e : errors) {
                Map<?, ?> m = (Map<?, ?>) e;
                if ("error".equals(m.get("severity"))) {
                    why.append(m.get("formattedMessage")).append('\n');
                }
            }
            if (!why.isEmpty()) {
                throw new AssertionError("the test contracts do not compile:\n" + why);
            }
        }
        Map<String, String> bytecode = new LinkedHashMap<>();
        ((Map<?, ?>) output.get("contracts")).values().forEach(file -> ((Map<?, ?>) file).forEach((name, contract) ->
                bytecode.put((String) name, "0x" + ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) contract).get("evm"))
                        .get("bytecode")).get("object"))));
        return bytecode;
    }

    /**
     * Deploys a contract from the deployer account with ABI-encoded constructor arguments (each a 32-byte word) and
     * returns its address, EIP-55 checksummed as users paste it. Ganache mines on submission (instamine "eager"), so
     * the receipt exists when the call returns.
     */
    String deploy(String bytecode, byte[]... constructorWords) throws Exception {
        StringBuilder data = new StringBuilder(bytecode);
        for (byte[] w : constructorWords) {
            data.append(Hex.encodeBare(w));
        }
        Object tx = rpc("eth_sendTransaction", List.of(Map.of("from", DEPLOYER, "data", data.toString(),
                "gas", "0x2dc6c0")));
        Object receipt = rpc("eth_getTransactionReceipt", List.of(tx));
        if (!(receipt instanceof Map<?, ?> r) || !"0x1".equals(r.get("status"))
                || !(r.get("contractAddress") instanceof String address)) {
            throw new AssertionError("deploying failed: " + CanonicalJson.write(receipt));
        }
        return EthAddress.parse(address).toString();
    }

    /** A 32-byte ABI word of an unsigned integer. */
    static byte[] word(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, w, 32 - n, n);
        return w;
    }

    /** A 32-byte ABI word of an address. */
    static byte[] word(EthAddress a) {
        return word(new BigInteger(1, a.bytes()));
    }

    /** One JSON-RPC call; fails the test on a JSON-RPC error. */
    Object rpc(String method, List<Object> params) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", 1);
        body.put("method", method);
        body.put("params", params);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(rpcUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !(CanonicalJson.parse(r.body()) instanceof Map<?, ?> m) || m.containsKey("error")) {
            throw new AssertionError(method + " failed: " + r.statusCode() + " " + r.body());
        }
        return m.get("result");
    }

    private void awaitRpc() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && ganache.isAlive()) {
            try {
                if ("0x539".equals(rpc("eth_chainId", List.of()))) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting: poll again
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ganache did not start: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        ganache.destroy();
        if (!ganache.waitFor(20, TimeUnit.SECONDS)) {
            ganache.destroyForcibly();
        }
    }
}
