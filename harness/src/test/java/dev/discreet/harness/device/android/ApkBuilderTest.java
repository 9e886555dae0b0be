package dev.discreet.harness.device.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.SuiteLoader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock-app APKs, checked with the Android tools themselves: {@code aapt dump badging} / {@code xmltree} and
 * {@code apksigner verify}. Needs the Debian packages {@code harness/bin/setup} installs and the two jars the Maven
 * build copies to target/apk-build/lib (process-classes, before the tests). No device is involved.
 */
class ApkBuilderTest {
    private static final Path TARGET = Path.of("target");
    private static ApkBuilder.Tools tools;

    @BeforeAll
    static void tools() {
        tools = ApkBuilder.Tools.find(TARGET.resolve("apk-build/lib/android.jar"), TARGET.resolve("apk-build/lib/r8.jar"));
    }

    private static AppSchema app(String id, String name) {
        return new AppSchema(id, name, null, List.of(), Map.of());
    }

    private static String aapt(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(tools.aapt().toString()));
        cmd.addAll(List.of(args));
        return ApkBuilder.run(cmd, TARGET.toAbsolutePath());
    }

    @Test
    void buildsOneSignedLaunchableApkPerAppWithItsOwnPackageLabelAndIcon(@TempDir Path tmp) throws IOException {
        ApkBuilder b = new ApkBuilder(tools, Path.of("src/android/java"), tmp.resolve("work"));
        // A label with every character aapt's string syntax treats specially.
        List<ApkBuilder.Apk> apks = b.build(List.of(app("zz_two", "Bob's \"Café\" & <Co> \\ 2"), app("ab", "Alpha")),
                tmp.resolve("out"));

        assertThat(apks).extracting(ApkBuilder.Apk::appId).containsExactly("ab", "zz_two");
        assertThat(ApkBuilder.readIndex(tmp.resolve("out"))).isEqualTo(apks);
        Path alpha = tmp.resolve("out/discreet-ab.apk");
        Path two = tmp.resolve("out/discreet-zz_two.apk");

        String badging = aapt("dump", "badging", alpha.toString());
        assertThat(badging).contains("package: name='dev.discreet.app.ab'", "sdkVersion:'21'", "targetSdkVersion:'34'",
                "application-label:'Alpha'", "launchable-activity: name='dev.discreet.shell.ShellActivity'",
                "uses-permission: name='android.permission.INTERNET'", "application-icon-160:'res/drawable/icon.png'");
        // badging prints '"' and a backslash escaped with a backslash; the label itself is Bob's "Café" & <Co> \ 2.
        assertThat(aapt("dump", "badging", two.toString())).contains("package: name='dev.discreet.app.zz_two'",
                "application-label:'Bob's \\\"Café\\\" & <Co> \\\\ 2'");

        String manifest = aapt("dump", "xmltree", alpha.toString(), "AndroidManifest.xml");
        assertThat(manifest).contains("A: android:name(0x01010003)=\"dev.discreet.APP_ID\"", "android:value(0x01010024)=\"ab\"",
                "android:usesCleartextTraffic(0x010104ec)=(type 0x12)0xffffffff", "android:exported(0x01010010)=(type 0x12)0xffffffff");

        for (Path apk : List.of(alpha, two)) {
            String verify = ApkBuilder.run(List.of(tools.apksigner().toString(), "verify", "--verbose", apk.toString()), TARGET);
            assertThat(verify).contains("Verifies", "Verified using v2 scheme (APK Signature Scheme v2): true",
                    "Number of signers: 1");
        }
        // One signer for all: the apps may be updated in place, and the shell may start one from another.
        String cert1 = ApkBuilder.run(List.of(tools.apksigner().toString(), "verify", "--print-certs", alpha.toString()), TARGET);
        String cert2 = ApkBuilder.run(List.of(tools.apksigner().toString(), "verify", "--print-certs", two.toString()), TARGET);
        assertThat(cert1).contains("CN=discreet debug").isEqualTo(cert2);

        try (ZipFile z = new ZipFile(alpha.toFile())) {
            // Android 11+ refuses a targetSdk 30+ APK whose resources.arsc is compressed.
            assertThat(z.getEntry("resources.arsc").getMethod()).isEqualTo(ZipEntry.STORED);
            String dex = new String(z.getInputStream(z.getEntry("classes.dex")).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(dex).contains("Ldev/discreet/shell/ShellActivity;", "setWebContentsDebuggingEnabled",
                    "android/webkit/WebView");
            BufferedImage icon = ImageIO.read(new ByteArrayInputStream(
                    z.getInputStream(z.getEntry("res/drawable/icon.png")).readAllBytes()));
            assertThat(icon.getWidth()).isEqualTo(192);
            assertThat(icon.getHeight()).isEqualTo(192);
            // hash("ab") = 31*'a' + 'b' = 3105; 3105 mod 360 = 225 degrees.
            Color expected = Color.getHSBColor(225 / 360f, 0.62f, 0.72f);
            Color tile = new Color(icon.getRGB(24, 96), true);
            assertThat(List.of(tile.getRed(), tile.getGreen(), tile.getBlue())).isEqualTo(
                    List.of(expected.getRed(), expected.getGreen(), expected.getBlue()));
            assertThat(tile.getAlpha()).isEqualTo(255);
            assertThat(new Color(icon.getRGB(0, 0), true).getAlpha()).as("rounded corner").isEqualTo(0);
        }
    }

    @Test
    void anUnchangedInputSetIsNotRebuiltAndARenamedAppIs(@TempDir Path tmp) throws IOException {
        ApkBuilder b = new ApkBuilder(tools, Path.of("src/android/java"), tmp.resolve("work"));
        Path out = tmp.resolve("out");
        b.build(List.of(app("ab", "Alpha")), out);
        Path apk = out.resolve("discreet-ab.apk");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(apk, old);

        b.build(List.of(app("ab", "Alpha")), out);
        assertThat(Files.getLastModifiedTime(apk)).isEqualTo(old);

        b.build(List.of(app("ab", "Alphabet")), out);
        assertThat(Files.getLastModifiedTime(apk)).isNotEqualTo(old);
        assertThat(aapt("dump", "badging", apk.toString())).contains("application-label:'Alphabet'");
    }

    /** What the Maven build shipped: one verified APK per app of the canonical suite. */
    @Test
    void theBuildShipsAnApkForEveryCanonicalApp() throws IOException {
        Path out = TARGET.resolve("apks");
        Set<String> ids = SuiteLoader.canonical().apps().keySet();
        List<ApkBuilder.Apk> index = ApkBuilder.readIndex(out);
        assertThat(index).extracting(ApkBuilder.Apk::appId).containsExactlyInAnyOrderElementsOf(ids);
        Map<String, String> labels = SuiteLoader.canonical().apps().values().stream()
                .collect(Collectors.toMap(AppSchema::id, AppSchema::name));
        for (ApkBuilder.Apk a : index) {
            Path apk = out.resolve(a.file()).toAbsolutePath();
            assertThat(aapt("dump", "badging", apk.toString())).contains("package: name='dev.discreet.app." + a.appId() + "'",
                    "application-label:'" + labels.get(a.appId()) + "'",
                    "launchable-activity: name='dev.discreet.shell.ShellActivity'");
            assertThat(ApkBuilder.run(List.of(tools.apksigner().toString(), "verify", apk.toString()), TARGET)).isEmpty();
        }
    }

    @Test
    void labelsAreEscapedForAapt() {
        assertThat(ApkBuilder.androidString("A&B <c> 'd' \"e\" \\")).isEqualTo("A&amp;B &lt;c&gt; \\'d\\' \\\"e\\\" \\\\");
        assertThat(ApkBuilder.androidString("@home?")).isEqualTo("\\@home?");
        assertThat(ApkBuilder.androidString("?x@")).isEqualTo("\\?x@");
    }

    @Test
    void packageNamesFollowTheAppIdAndRefuseIdsAndroidCannotName() {
        assertThat(AndroidApps.packageOf("hotel")).isEqualTo("dev.discreet.app.hotel");
        assertThat(AndroidApps.component("hotel")).isEqualTo("dev.discreet.app.hotel/dev.discreet.shell.ShellActivity");
        assertThat(AndroidApps.apkFileName("hotel")).isEqualTo("discreet-hotel.apk");
        assertThat(AndroidApps.appIdOf("dev.discreet.app.hotel")).contains("hotel");
        assertThat(AndroidApps.appIdOf("com.android.chrome")).isEmpty();
        assertThatThrownBy(() -> AndroidApps.packageOf("Hotel-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Hotel-2'").hasMessageContaining("lower-case letters");
    }

    @Test
    void aMissingToolIsNamedWithTheWayToInstallIt() {
        assertThatThrownBy(() -> ApkBuilder.Tools.find(Path.of("nowhere/android.jar"), TARGET.resolve("apk-build/lib/r8.jar")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere/android.jar")
                .hasMessageContaining("harness/bin/setup");
    }
}
