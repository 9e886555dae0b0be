package dev.discreet.tasks.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.discreet.tasks.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * {@code seal.json}: written by the harness when an episode ends, after it has checked every chained evidence file
 * against the run's key ({@link EvidenceChain#verify}). It lists every file of the bundle with its size and SHA-256
 * (chained files also with their line count and last mac), the harness's own verdict on the chains
 * ({@code chainProblems}, empty when intact), and an Ed25519 signature over all of that under the run's signing key,
 * whose public half is in the seal and in the run's {@code manifest.json} (parameter {@link #MANIFEST_PARAMETER}).
 * {@link #check} verifies a bundle offline with no secret: the signature, every file against its hash, and the
 * harness's verdict.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceSeal(int version, String episodeId, Map<String, FileSeal> files, List<String> chainProblems,
                           String publicKey, String signature) {
    public static final String FILE = "seal.json";
    /** The manifest parameter holding the run's public signing key (comma-separated: one per attempt of a resumed run). */
    public static final String MANIFEST_PARAMETER = "evidence.publicKey";
    /** Files of a bundle that are written after the seal, by the auditors. */
    private static final List<String> UNSEALED = List.of(FILE, EvidenceFiles.AUDIT);

    public EvidenceSeal {
        files = files == null ? Map.of() : new TreeMap<>(files);
        chainProblems = chainProblems == null ? List.of() : List.copyOf(chainProblems);
    }

    /** One sealed file; {@code lines} and {@code head} for chained files only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileSeal(long bytes, String sha256, Integer lines, String head) {}

    /** The outcome of an offline check: whether the bundle carries a seal, and what is wrong (empty: intact). */
    public record Verdict(boolean sealed, List<String> problems) {
        public boolean intact() { return problems.isEmpty(); }
    }

    /**
     * Seals the bundle in {@code dir}: every file but {@code seal.json} and {@code audit.json}, the chain verdict,
     * signed with {@code keys}. Written atomically.
     */
    public static EvidenceSeal write(Path dir, String episodeId, List<String> chainProblems, EvidenceKeys keys) {
        Map<String, FileSeal> files = new TreeMap<>();
        for (Path f : bundleFiles(dir)) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            files.put(rel, fileSeal(f, EvidenceChain.FILES.contains(rel)));
        }
        EvidenceSeal unsigned = new EvidenceSeal(1, episodeId, files, chainProblems, keys.publicKey(), null);
        EvidenceSeal seal = unsigned.withSignature(keys.sign(Json.write(unsigned)));
        try {
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, Json.pretty(seal));
            Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
        return seal;
    }

    EvidenceSeal withSignature(String s) { return new EvidenceSeal(version, episodeId, files, chainProblems, publicKey, s); }

    /**
     * Checks the bundle in {@code dir} offline. Without a seal: intact only if nothing says it should have one (no
     * chained line, no signing key in the run's manifest, i.e. a bundle of an older harness or built by hand) or the
     * episode never ran (INFRA_FAILED before its first step, no evidence line).
     */
    public static Verdict check(Path dir) {
        return check(dir, Set.of(), null);
    }

    /**
     * {@link #check}, and the bytes it hashed of the sealed files named in {@code keep} put into {@code kept} (file
     * name to content, whether or not they match their hash), so that a reader parses the very bytes whose hash was
     * checked instead of reading the file a second time. Nothing is kept when the seal is missing, unreadable or
     * not validly signed (no file is hashed then).
     */
    static Verdict check(Path dir, Set<String> keep, Map<String, byte[]> kept) {
        List<String> problems = new ArrayList<>();
        String runKey = manifestKey(dir);
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            boolean chained = EvidenceChain.FILES.stream().anyMatch(f -> hasChainedLine(dir.resolve(f)));
            boolean anyLine = EvidenceChain.FILES.stream().anyMatch(f -> size(dir.resolve(f)) > 0);
            if (chained) problems.add(FILE + " missing, though the evidence lines are chained (removed?)");
            else if (runKey != null && (anyLine || !neverRan(dir))) {
                problems.add(FILE + " missing in a run whose evidence is sealed (removed?)");
            }
            return new Verdict(false, problems);
        }
        EvidenceSeal seal;
        try {
            seal = Json.mapper().readValue(file.toFile(), EvidenceSeal.class);
        } catch (IOException e) {
            problems.add(FILE + " unreadable: " + e.getMessage().lines().findFirst().orElse(""));
            return new Verdict(true, problems);
        }
        if (runKey != null && !List.of(runKey.split(",")).contains(seal.publicKey())) {
            problems.add(FILE + " is signed with a key other than the run's (manifest.json " + MANIFEST_PARAMETER + ")");
        }
        if (!signatureValid(seal)) {
            problems.add(FILE + ": signature does not verify (the seal was edited or forged)");
            return new Verdict(true, problems);
        }
        for (String p : seal.chainProblems()) problems.add("at the end of the episode the harness found: " + p);
        for (Map.Entry<String, FileSeal> e : seal.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(f, BasicFileAttributes.class); // what Files.isRegularFile asks
            } catch (IOException ex) {
                attributes = null;
            }
            if (attributes == null || !attributes.isRegularFile()) {
                problems.add(e.getKey() + " sealed but missing");
                continue;
            }
            // Only the hash is compared (lines and head are the harness's record of the chain), so only the hash is
            // computed: counting lines cost more than hashing them.
            String sha;
            if (kept != null && keep.contains(e.getKey())) {
                byte[] bytes = readAll(f, attributes.size());
                kept.put(e.getKey(), bytes);
                MessageDigest md = SHA256.get();
                md.reset();
                sha = HexFormat.of().formatHex(md.digest(bytes));
            } else {
                sha = sha256(f);
            }
            if (!sha.equals(e.getValue().sha256())) {
                problems.add(e.getKey() + " changed after the episode was sealed");
            }
        }
        for (Path f : addedCandidates(dir)) {
            String rel = f.getFileName().toString();
            if (!seal.files().containsKey(rel)) problems.add(rel + " added after the episode was sealed");
        }
        return new Verdict(true, problems);
    }

    /**
     * The files that are flagged when the seal does not list them: regular files directly in the bundle folder that
     * are evidence lines or JSON ({@code seal.json}, {@code audit.json} and {@code *.tmp} excepted), sorted as
     * {@link #bundleFiles} sorts. Only the folder itself is listed: a file under {@code screens/} that the seal does
     * not list is not flagged (it is nothing the auditors read), so walking the sub-folders and asking each of their
     * files for its attributes told nothing.
     */
    private static List<Path> addedCandidates(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (UNSEALED.contains(name) || name.endsWith(".tmp")) continue;
                if ((EvidenceChain.FILES.contains(name) || name.endsWith(".json")) && Files.isRegularFile(p)) out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw new UncheckedIOException("cannot list " + dir, e.getCause());
        }
        out.sort(null);
        return out;
    }

    /**
     * Verifies the seal's Ed25519 signature (RFC 8032) over its canonical JSON without the signature. Bouncy Castle's
     * implementation: the JDK's took ~1 ms per seal, most of an offline re-audit's time; both check the same
     * equation, the encoding of the key and the range of the signature's scalar.
     */
    private static boolean signatureValid(EvidenceSeal seal) {
        if (seal.signature() == null || seal.publicKey() == null) return false;
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(seal.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<Ed25519.PublicPoint> key = publicKey(seal.publicKey());
        if (key.isEmpty() || sig.length != Ed25519.SIGNATURE_SIZE) return false;
        byte[] signed = Json.write(seal.withSignature(null)).getBytes(StandardCharsets.UTF_8);
        return Ed25519.verify(sig, 0, key.get(), signed, 0, signed.length);
    }

    /** DER prefix of an Ed25519 public key in X.509 form (RFC 8410): what {@link EvidenceKeys#publicKey} writes. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Public keys decoded and validated once per run (every seal of a run carries the same one); each seal's
     * signature is still verified on its own. Empty: not an Ed25519 public key (no seal can verify under it).
     * Bounded: cleared when full.
     */
    private static final Map<String, Optional<Ed25519.PublicPoint>> KEYS = new ConcurrentHashMap<>();
    /** The run manifest's key parameter, parsed once per exact manifest content (it is the same for every bundle). */
    private static final Map<ByteBuffer, Optional<String>> MANIFEST_KEYS = new ConcurrentHashMap<>();
    private static final int CACHE_MAX = 16;

    private static Optional<Ed25519.PublicPoint> publicKey(String base64) {
        Optional<Ed25519.PublicPoint> k = KEYS.get(base64);
        if (k == null) {
            k = Optional.empty();
            try {
                byte[] der = Base64.getDecoder().decode(base64);
                int n = ED25519_X509_PREFIX.length;
                if (der.length == n + Ed25519.PUBLIC_KEY_SIZE
                        && java.util.Arrays.equals(der, 0, n, ED25519_X509_PREFIX, 0, n)) {
                    k = Optional.ofNullable(Ed25519.validatePublicKeyPartialExport(der, n));
                }
            } catch (IllegalArgumentException e) {
                // not base64: no key
            }
            if (KEYS.size() >= CACHE_MAX) KEYS.clear();
            KEYS.put(base64, k);
        }
        return k;
    }

    /** The run's public key from {@code ../../manifest.json} (runs/<id>/episodes/<bundle>), null when none. */
    private static String manifestKey(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (abs.getParent() == null || abs.getParent().getParent() == null) return null;
        Path m = abs.getParent().getParent().resolve(EvidenceFiles.MANIFEST);
        if (!Files.isRegularFile(m)) return null;
        try {
            // Read every time (a bundle is checked against the manifest as it is now), parsed once per content.
            ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(m));
            Optional<String> key = MANIFEST_KEYS.get(content);
            if (key == null) {
                JsonNode k = Json.mapper().readTree(content.array()).path("parameters").path(MANIFEST_PARAMETER);
                key = Optional.ofNullable(k.isTextual() ? k.textValue() : null);
                if (MANIFEST_KEYS.size() >= CACHE_MAX) MANIFEST_KEYS.clear();
                MANIFEST_KEYS.put(content, key);
            }
            return key.orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean neverRan(Path dir) {
        try {
            JsonNode ep = Json.mapper().readTree(dir.resolve(EvidenceFiles.EPISODE).toFile());
            return "INFRA_FAILED".equals(ep.path("status").asText()) && ep.path("steps").asInt() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasChainedLine(Path f) {
        if (!Files.isRegularFile(f)) return false;
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> EvidenceChain.Line.parse(l) != null);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> bundleFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !(p.getParent().equals(dir) && UNSEALED.contains(p.getFileName().toString())))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A SHA-256 per thread (getInstance looks the provider up every time) and a read buffer to hash through. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /** The whole file ({@code size}: what its attributes said; one that has grown or shrunk since is read as it is). */
    private static byte[] readAll(Path f, long size) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
            if (size > Integer.MAX_VALUE - 16) throw new IOException("file too large to check: " + size + " bytes");
            ByteBuffer buf = ByteBuffer.wrap(new byte[(int) size]);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read on
            }
            if (buf.hasRemaining()) return java.util.Arrays.copyOf(buf.array(), buf.position()); // shrunk
            java.io.ByteArrayOutputStream rest = null;
            ByteBuffer more = ByteBuffer.wrap(BUFFER.get());
            for (int n; (n = ch.read(more.clear())) >= 0; ) {
                if (rest == null) rest = new java.io.ByteArrayOutputStream();
                rest.write(more.array(), 0, n);
            }
            if (rest == null || rest.size() == 0) return buf.array();
            byte[] all = java.util.Arrays.copyOf(buf.array(), buf.capacity() + rest.size()); // grown
            System.arraycopy(rest.toByteArray(), 0, all, buf.capacity(), rest.size());
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** The file's SHA-256, lower-case hex, streamed through a reused buffer. */
    private static String sha256(Path f) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] buf = BUFFER.get();
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static FileSeal fileSeal(Path f, boolean chained) {
        try {
            byte[] bytes = Files.readAllBytes(f);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!chained) return new FileSeal(bytes.length, sha, null, null);
            int n = 0;
            String head = null;
            for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (l.isEmpty()) continue;
                n++;
                EvidenceChain.Line line = EvidenceChain.Line.parse(l);
                head = line == null ? null : line.mac();
            }
            return new FileSeal(bytes.length, sha, n, head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
