package dev.discreet.harness.device.android;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.Json;
import dev.discreet.tasks.SuiteLoader;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds one signed WebView-shell APK per mock app without Gradle: javac (Java 8 bytecode against an Android compile
 * jar) and D8 once for the shared shell, then per app a manifest, a label and a generated icon packaged by
 * {@code aapt}, the dex added, {@code zipalign -p 4} and {@code apksigner sign} with a debug key made by
 * {@code keytool} on first use (kept in the build folder, never in the source tree).
 *
 * <p>Run by the harness's Maven build ({@code process-classes}, exec-maven-plugin) into {@code harness/target/apks};
 * {@code harness/bin/setup} installs the Debian tools. An unchanged input set (shell source, apps, tools) is not
 * rebuilt: the output folder keeps a stamp of them.
 */
public final class ApkBuilder {
    /** Bump when the APK layout changes, so a stamp from an older builder does not pass for current. */
    private static final String LAYOUT = "1";
    static final int MIN_SDK = 21;
    static final int TARGET_SDK = 34;
    static final String KEY_ALIAS = "discreet-debug";
    /** The debug keystore's password: as Android's own debug keystore, it protects nothing worth a secret. */
    static final String KEY_PASSWORD = "android";
    static final String INDEX = "apks.json";
    private static final String STAMP = ".build-stamp";

    /** Paths of the tools; {@link #find} looks them up on PATH and at Debian's locations. */
    public record Tools(Path aapt, Path zipalign, Path apksigner, Path keytool, Path frameworkRes, Path androidJar,
                        Path r8Jar) {
        public Tools {
            Objects.requireNonNull(aapt, "aapt");
            Objects.requireNonNull(zipalign, "zipalign");
            Objects.requireNonNull(apksigner, "apksigner");
            Objects.requireNonNull(keytool, "keytool");
            Objects.requireNonNull(frameworkRes, "frameworkRes");
            Objects.requireNonNull(androidJar, "androidJar");
            Objects.requireNonNull(r8Jar, "r8Jar");
            // The tools run in other folders: relative paths would point elsewhere there.
            frameworkRes = frameworkRes.toAbsolutePath();
            androidJar = androidJar.toAbsolutePath();
            r8Jar = r8Jar.toAbsolutePath();
        }

        /**
         * The Debian tools from PATH and {@code /usr/share/android-framework-res}; the two jars come from Maven.
         *
         * @throws IllegalStateException naming every missing tool and how to install it
         */
        public static Tools find(Path androidJar, Path r8Jar) {
            List<String> missing = new ArrayList<>();
            Path aapt = onPath("aapt", missing);
            Path zipalign = onPath("zipalign", missing);
            Path apksigner = onPath("apksigner", missing);
            Path keytool = onPath("keytool", missing);
            Path res = Path.of("/usr/share/android-framework-res/framework-res.apk");
            if (!Files.isRegularFile(res)) missing.add(res.toString());
            for (Path jar : List.of(androidJar, r8Jar)) {
                if (!Files.isRegularFile(jar)) missing.add(jar.toString());
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cannot build the Android APKs: missing " + missing + ". Run "
                        + "harness/bin/setup (it installs Debian's aapt, zipalign, apksigner, android-framework-res "
                        + "and adb), or build with -Ddiscreet.apks.skip=true to leave the APKs out");
            }
            return new Tools(aapt, zipalign, apksigner, keytool, res, androidJar, r8Jar);
        }

        private static Path onPath(String name, List<String> missing) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
            missing.add(name);
            return Path.of(name);
        }
    }

    /** One built APK. */
    public record Apk(String appId, String packageName, String label, String file) {}

    private final Tools tools;
    private final Path shellSources;
    private final Path work;

    /**
     * @param shellSources the shell's Java sources (harness/src/android/java)
     * @param work         a scratch folder for intermediate files and the debug keystore
     */
    public ApkBuilder(Tools tools, Path shellSources, Path work) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.shellSources = Objects.requireNonNull(shellSources, "shellSources").toAbsolutePath();
        this.work = Objects.requireNonNull(work, "work").toAbsolutePath();
        if (!Files.isDirectory(shellSources)) {
            throw new IllegalArgumentException("shellSources: " + shellSources + " is not a folder (expected the "
                    + "shell's Java sources, harness/src/android/java)");
        }
    }

    /**
     * Builds {@code discreet-<id>.apk} for every app into {@code out}, plus {@code apks.json} listing them. Returns
     * without work when the stamp in {@code out} matches the inputs.
     *
     * @return the APKs, sorted by app id
     */
    public List<Apk> build(Collection<AppSchema> apps, Path outDir) throws IOException {
        Path out = outDir.toAbsolutePath();
        if (apps.isEmpty()) throw new IllegalArgumentException("apps: no app to build an APK for");
        List<AppSchema> sorted = apps.stream().sorted(Comparator.comparing(AppSchema::id)).toList();
        List<Apk> index = new ArrayList<>();
        for (AppSchema a : sorted) {
            index.add(new Apk(a.id(), AndroidApps.packageOf(a.id()), a.name(), AndroidApps.apkFileName(a.id())));
        }
        String stamp = stamp(sorted);
        Path stampFile = out.resolve(STAMP);
        Path keystore = work.resolve("debug.keystore");
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp) && Files.isRegularFile(keystore)
                && index.stream().allMatch(a -> Files.isRegularFile(out.resolve(a.file())))) {
            return index;
        }
        Files.createDirectories(out);
        Files.createDirectories(work);
        // The apps are independent and each mostly waits on a tool's own JVM (apksigner, keytool, D8): one per core.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(sorted.size(), Runtime.getRuntime().availableProcessors())));
        try {
            java.util.concurrent.Future<?> key = pool.submit(() -> { ensureKeystore(keystore); return null; });
            Path dex = dex();
            await(key);
            List<java.util.concurrent.Future<?>> apks = new ArrayList<>();
            for (AppSchema a : sorted) {
                apks.add(pool.submit(() -> { buildOne(a, dex, keystore, out.resolve(AndroidApps.apkFileName(a.id()))); return null; }));
            }
            for (java.util.concurrent.Future<?> f : apks) await(f);
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(out.resolve(INDEX), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(index));
        Files.writeString(stampFile, stamp);
        return index;
    }

    /** Waits for one build task; its failure is rethrown as it was thrown. */
    private static void await(java.util.concurrent.Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the APKs", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The shell compiled once: javac to Java 8 bytecode against the Android jar, then D8 to classes.dex. */
    private Path dex() throws IOException {
        Path classes = work.resolve("classes");
        Path dexDir = work.resolve("dex");
        deleteTree(classes);
        deleteTree(dexDir);
        Files.createDirectories(classes);
        Files.createDirectories(dexDir);
        List<String> sources;
        try (Stream<Path> s = Files.walk(shellSources)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        if (sources.isEmpty()) throw new IllegalArgumentException("shellSources: no .java file in " + shellSources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler in this JVM: run the build on a JDK");
        List<String> args = new ArrayList<>(List.of("--release", "8", "-Xlint:-options", "-nowarn", "-encoding", "UTF-8",
                "-classpath", tools.androidJar().toString(), "-d", classes.toString()));
        args.addAll(sources);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        if (javac.run(null, err, err, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed on the Android shell:\n" + err.toString(StandardCharsets.UTF_8));
        }
        List<String> d8 = new ArrayList<>(List.of(javaBinary(), "-cp", tools.r8Jar().toString(), "com.android.tools.r8.D8",
                "--release", "--min-api", Integer.toString(MIN_SDK), "--lib", tools.androidJar().toString(),
                "--output", dexDir.toString()));
        try (Stream<Path> s = Files.walk(classes)) {
            s.filter(p -> p.toString().endsWith(".class")).map(Path::toString).sorted().forEach(d8::add);
        }
        run(d8, work);
        Path dex = dexDir.resolve("classes.dex");
        if (!Files.isRegularFile(dex)) throw new IllegalStateException("D8 wrote no classes.dex into " + dexDir);
        return dex;
    }

    private void ensureKeystore(Path keystore) throws IOException {
        if (Files.isRegularFile(keystore)) return;
        run(List.of(tools.keytool().toString(), "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", KEY_PASSWORD, "-keypass", KEY_PASSWORD, "-alias", KEY_ALIAS, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "10000", "-dname", "CN=discreet debug, O=discreet"), work);
    }

    private void buildOne(AppSchema app, Path dex, Path keystore, Path apk) throws IOException {
        Path dir = work.resolve("apps").resolve(app.id());
        deleteTree(dir);
        Files.createDirectories(dir.resolve("res/values"));
        Files.createDirectories(dir.resolve("res/drawable"));
        Files.writeString(dir.resolve("AndroidManifest.xml"), manifest(app.id()));
        Files.writeString(dir.resolve("res/values/strings.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<resources>\n    <string name=\"app_name\">" + androidString(app.name()) + "</string>\n</resources>\n");
        Files.write(dir.resolve("res/drawable/icon.png"), icon(app.id(), app.name(), 192));
        Path unsigned = dir.resolve("unsigned.apk");
        Path aligned = dir.resolve("aligned.apk");
        // resources.arsc stays uncompressed: Android 11+ refuses a targetSdk 30+ APK whose table is compressed.
        run(List.of(tools.aapt().toString(), "package", "-f", "-0", "arsc", "-M", "AndroidManifest.xml", "-S", "res",
                "-I", tools.frameworkRes().toString(), "-F", unsigned.toString()), dir);
        run(List.of(tools.aapt().toString(), "add", unsigned.toString(), "classes.dex"), dex.getParent());
        run(List.of(tools.zipalign().toString(), "-p", "-f", "4", unsigned.toString(), aligned.toString()), dir);
        sign(List.of("sign", "--ks", keystore.toString(), "--ks-pass",
                "pass:" + KEY_PASSWORD, "--ks-key-alias", KEY_ALIAS, "--key-pass", "pass:" + KEY_PASSWORD,
                "--out", apk.toString(), aligned.toString()), dir);
        Files.deleteIfExists(Path.of(apk + ".idsig")); // the v4 signature file is for incremental installs only
    }

    /** Debian's {@code apksigner} is a script that starts a JVM on this jar for every call (~1.3 s of CPU each). */
    static final Path DEBIAN_APKSIGNER_JAR = Path.of("/usr/share/java/apksigner.jar");
    private static final Path DEBIAN_APKSIGNER = Path.of("/usr/lib/android-sdk/build-tools/debian/apksigner");

    /**
     * {@code apksigner <args>}: the same tool's entry point run in this JVM when the apksigner found is Debian's
     * script (same code, same output, no JVM start per APK); any other apksigner runs as a process.
     */
    private void sign(List<String> args, Path dir) throws IOException {
        java.lang.reflect.Method main = debianSigner(tools.apksigner());
        if (main == null) {
            List<String> command = new ArrayList<>();
            command.add(tools.apksigner().toString());
            command.addAll(args);
            run(command, dir);
            return;
        }
        try {
            // Every path in args is absolute. The tool exits the JVM only on malformed options, and ours are fixed;
            // signing errors are thrown.
            main.invoke(null, (Object) args.toArray(String[]::new));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("apksigner failed: apksigner " + String.join(" ", args) + "\n" + cause, cause);
        }
    }

    private static java.lang.reflect.Method signerMain;

    /** ApkSignerTool.main from Debian's jar (loaded once), or null when {@code apksigner} is not Debian's. */
    private static synchronized java.lang.reflect.Method debianSigner(Path apksigner) {
        try {
            if (!Files.isRegularFile(DEBIAN_APKSIGNER_JAR)
                    || !apksigner.toRealPath().equals(DEBIAN_APKSIGNER.toRealPath())) return null;
            if (signerMain == null) {
                // The jar's manifest Class-Path brings apksig.jar; the loader stays open for the JVM's life.
                java.net.URLClassLoader loader = new java.net.URLClassLoader(
                        new java.net.URL[] {DEBIAN_APKSIGNER_JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                signerMain = loader.loadClass("com.android.apksigner.ApkSignerTool").getMethod("main", String[].class);
            }
            return signerMain;
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            return null; // fall back to the tool as a process
        }
    }

    /** The manifest of one app's APK; everything that differs between apps is here or in its resources. */
    static String manifest(String appId) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
                + "    package=\"" + AndroidApps.packageOf(appId) + "\" android:versionCode=\"1\" android:versionName=\"0.1.0\">\n"
                + "  <uses-sdk android:minSdkVersion=\"" + MIN_SDK + "\" android:targetSdkVersion=\"" + TARGET_SDK + "\"/>\n"
                + "  <uses-permission android:name=\"android.permission.INTERNET\"/>\n"
                // Android 11+ hides other packages unless declared: the shell starts the other mock apps.
                + "  <queries>\n    <intent>\n      <action android:name=\"android.intent.action.MAIN\"/>\n"
                + "      <category android:name=\"android.intent.category.LAUNCHER\"/>\n    </intent>\n  </queries>\n"
                // Cleartext: the mock apps are served over plain HTTP by the harness on the host.
                + "  <application android:label=\"@string/app_name\" android:icon=\"@drawable/icon\"\n"
                + "      android:usesCleartextTraffic=\"true\" android:allowBackup=\"false\">\n"
                + "    <meta-data android:name=\"" + AndroidApps.META_APP_ID + "\" android:value=\"" + appId + "\"/>\n"
                + "    <activity android:name=\"" + AndroidApps.ACTIVITY + "\" android:exported=\"true\"\n"
                + "        android:launchMode=\"singleTask\" android:configChanges=\"orientation|screenSize|keyboardHidden\">\n"
                + "      <intent-filter>\n        <action android:name=\"android.intent.action.MAIN\"/>\n"
                + "        <category android:name=\"android.intent.category.LAUNCHER\"/>\n      </intent-filter>\n"
                + "    </activity>\n  </application>\n</manifest>\n";
    }

    /** XML-escaped, and escaped for aapt's string syntax (quotes, backslash, a leading @ or ?). */
    static String androidString(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '@', '?' -> b.append(i == 0 ? "\\" + c : String.valueOf(c));
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A launcher icon: a rounded tile in a colour fixed by the app id, with the name's first letter (a white disc
     * where the machine has no font).
     */
    static byte[] icon(String appId, String name, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(tileColour(appId));
            double m = size * 0.04;
            g.fill(new RoundRectangle2D.Double(m, m, size - 2 * m, size - 2 * m, size * 0.3, size * 0.3));
            g.setColor(Color.WHITE);
            String letter = name.isBlank() ? appId.substring(0, 1) : name.strip().substring(0, 1);
            try {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (size * 0.55)));
                var fm = g.getFontMetrics();
                g.drawString(letter.toUpperCase(java.util.Locale.ROOT),
                        (size - fm.stringWidth(letter.toUpperCase(java.util.Locale.ROOT))) / 2,
                        (size - fm.getHeight()) / 2 + fm.getAscent());
            } catch (RuntimeException | Error noFont) {
                int d = size / 3;
                g.fillOval((size - d) / 2, (size - d) / 2, d, d);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return png.toByteArray();
    }

    /** A stable, saturated colour per app id (hue from a hash of the id). */
    static Color tileColour(String appId) {
        int h = 0;
        for (char c : appId.toCharArray()) h = 31 * h + c;
        return Color.getHSBColor(Math.floorMod(h, 360) / 360f, 0.62f, 0.72f);
    }

    private String stamp(List<AppSchema> apps) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("layout " + LAYOUT + "\n").getBytes(StandardCharsets.UTF_8));
            for (AppSchema a : apps) md.update((a.id() + "\t" + a.name() + "\n").getBytes(StandardCharsets.UTF_8));
            List<Path> files;
            try (Stream<Path> s = Files.walk(shellSources)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                md.update(shellSources.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            for (Path p : List.of(tools.androidJar(), tools.r8Jar(), tools.frameworkRes())) {
                md.update((p + " " + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a tool; a failure carries its command and output. */
    static String run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + p.exitValue() + "): "
                    + String.join(" ", command) + "\n" + text.strip());
        }
        return text;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * The Maven build's entry point: {@code --shell DIR --android-jar JAR --r8-jar JAR --work DIR --out DIR}
     * (apps: the canonical suite's).
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + args[i]);
            a.put(args[i].substring(2), args[i + 1]);
        }
        for (String k : List.of("shell", "android-jar", "r8-jar", "work", "out")) {
            if (!a.containsKey(k)) throw new IllegalArgumentException("missing --" + k);
        }
        System.setProperty("java.awt.headless", "true"); // the icons are drawn off-screen
        long t0 = System.nanoTime();
        ApkBuilder b = new ApkBuilder(Tools.find(Path.of(a.get("android-jar")), Path.of(a.get("r8-jar"))),
                Path.of(a.get("shell")), Path.of(a.get("work")));
        List<Apk> apks = b.build(SuiteLoader.canonical().apps().values(), Path.of(a.get("out")));
        System.out.printf("discreet: %d Android APKs in %s (%d ms)%n", apks.size(), a.get("out"),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** The index written beside the APKs. */
    public static List<Apk> readIndex(Path apkDir) throws IOException {
        Path index = apkDir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException("no " + INDEX + " in " + apkDir + ": build the APKs first (mvn package "
                    + "-pl harness -am writes them to harness/target/apks), or pass the folder that holds them");
        }
        return List.of(Json.mapper().readValue(index.toFile(), Apk[].class));
    }

}
