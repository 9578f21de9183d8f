package jp.madoguchi.platform.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from zonky's binaries (Maven Central), with its data in a directory that survives
 * restarts.
 *
 * <p>Why not zonky's own {@code EmbeddedPostgres}: it always runs {@code initdb} and {@code pg_ctl} as the current
 * user, and PostgreSQL refuses to run as root, which is how containers and CI machines often run. This launcher
 * uses zonky's binaries and its platform detection, and when the JVM runs as root it starts the server inside a
 * user namespace ({@code unshare --user --map-user=1000}), where the files stay owned by the real user and the server
 * sees an unprivileged uid. Otherwise it runs the binaries directly.
 *
 * <p>The server is started with {@code pg_ctl}, which detaches it into a session of its own, so a Ctrl-C at the
 * terminal does not kill it mid-write: {@link #close()} stops it with a fast, clean shutdown. A server left running
 * by a killed JVM is found through {@code postmaster.pid} and stopped before a new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final Path binaries;
    private final int port;
    private final boolean asRoot;
    private final FileLock directoryLock;
    private final FileChannel lockChannel;
    private volatile boolean running;

    private EmbeddedPostgresServer(Path dataDirectory, Path binaries, int port, FileChannel lockChannel,
            FileLock directoryLock) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.port = port;
        this.asRoot = isRoot();
        this.lockChannel = lockChannel;
        this.directoryLock = directoryLock;
    }

    /**
     * Starts a server whose cluster lives in {@code dataDirectory} (created with {@code initdb} when it holds no
     * cluster yet). {@code superuserPassword} is set for the {@code postgres} superuser at {@code initdb}; connections
     * are accepted on 127.0.0.1 only, with SCRAM passwords.
     *
     * @param port 0 to choose a free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String superuserPassword) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("データディレクトリ " + dataDirectory
                        + " は別の Madoguchi が使用中です / the data directory is in use by another Madoguchi process");
            }
            Path binaries = extractBinaries();
            int chosenPort = port == 0 ? freePort() : port;
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, binaries, chosenPort, channel,
                    lock);
            server.startServer(superuserPassword);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void startServer(String superuserPassword) throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        if (fresh) {
            initdb(superuserPassword);
        } else {
            stopLeftoverServer();
        }
        Files.createDirectories(dataDirectory.resolve("log"));
        List<String> options = List.of(
                "-p " + port,
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c max_connections=100",
                "-c timezone=UTC",
                // Bulk work (a payment file of a million records writes about 1.2 GB of WAL: docs/payments.md,
                // Benchmark) outgrows the defaults (128MB, 1GB): a checkpoint would fall inside the import, after
                // which every page it touches is logged whole. Shared memory is only used as pages are touched; a
                // production server is tuned at least as much.
                "-c shared_buffers=512MB",
                "-c max_wal_size=4GB",
                // Logs must hold no personal data: no statement text, no DETAIL lines with key values.
                "-c log_min_error_statement=panic",
                "-c log_error_verbosity=terse");
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("log/postgresql.log")
                .toString(), "-o", String.join(" ", options), "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()),
                "start"));
        running = true;
        waitUntilAccepting();
        log.info("Embedded PostgreSQL started: port={} dataDirectory={} newCluster={} userNamespace={}", port,
                dataDirectory, fresh, asRoot);
    }

    private void initdb(String superuserPassword) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.setPosixFilePermissions(dataDirectory, EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        Path passwordFile = Files.createTempFile(dataDirectory.getParent(), "pw", ".tmp");
        try {
            Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            run(List.of(bin("initdb"), "-D", dataDirectory.toString(), "-U", "postgres", "-E", "UTF-8",
                    "--locale=C", "--auth=scram-sha-256", "--pwfile=" + passwordFile));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void stopLeftoverServer() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            int status = exitCode(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "status"));
            if (status == 0) {
                log.warn("A PostgreSQL server left running on {} is stopped before starting anew", dataDirectory);
                run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w"));
            }
        }
    }

    private void waitUntilAccepting() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not accept connections on port " + port, e);
                }
                sleep(100);
            }
        }
    }

    /** Stops the server with a fast shutdown (clients disconnected, a checkpoint written) and waits for it. */
    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "60"));
                log.info("Embedded PostgreSQL stopped cleanly: dataDirectory={}", dataDirectory);
            } catch (RuntimeException e) {
                log.error("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
        try {
            directoryLock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release or clean up {}", dataDirectory, e);
        }
    }

    /**
     * Lets go of the data directory but leaves PostgreSQL running, as a JVM killed with SIGKILL would; for tests of
     * the recovery at the next start.
     */
    void releaseWithoutStopping() throws IOException {
        running = false;
        directoryLock.release();
        lockChannel.close();
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command) {
        int code = exitCode(command);
        if (code != 0) {
            throw new IllegalStateException("PostgreSQL command failed with exit code " + code + ": "
                    + command.get(0) + " (see " + dataDirectory.resolve("log") + " and the output above)");
        }
    }

    private int exitCode(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            // PostgreSQL refuses to run as root: map root to an unprivileged uid in a user namespace of its own.
            full.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL command timed out: " + command.get(0));
            }
            if (process.exitValue() != 0 && !output.isBlank()) {
                log.warn("{} said: {}", Path.of(command.get(0)).getFileName(), output.strip());
            } else if (!output.isBlank()) {
                log.debug("{} said: {}", Path.of(command.get(0)).getFileName(), output.strip());
            }
            return process.exitValue();
        } catch (IOException e) {
            if (asRoot) {
                throw new IllegalStateException("root では PostgreSQL を直接起動できないため unshare(1) を使いますが、"
                        + "起動できませんでした。一般ユーザーで実行してください / PostgreSQL cannot run as root and "
                        + "unshare(1) failed: run Madoguchi as an unprivileged user", e);
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Extracts the PostgreSQL binaries for this platform from zonky's jar into a cache directory keyed by the
     * archive's digest, once per machine (concurrent JVMs coordinate through a file lock).
     */
    private static Path extractBinaries() throws IOException {
        String os = System.getProperty("os.name").toLowerCase();
        if (!os.contains("linux")) {
            throw new IllegalStateException("組み込み PostgreSQL は Linux (x86_64, arm64) のみ対応です。外部の PostgreSQL を"
                    + "設定してください / the embedded PostgreSQL supports Linux x86_64 and arm64 only: configure an"
                    + " external PostgreSQL (see README)");
        }
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
            archive = in.readAllBytes();
        }
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "madoguchi-postgres", digest(archive));
        Path complete = cache.resolve(".complete");
        if (Files.exists(complete)) {
            return cache;
        }
        Files.createDirectories(cache);
        try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (Files.exists(complete)) {
                return cache;
            }
            untarXz(archive, cache);
            Files.createFile(complete);
        }
        return cache;
    }

    private static void untarXz(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            result.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        result.add(PosixFilePermission.OWNER_WRITE);
        return result;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
