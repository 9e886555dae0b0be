package dev.discreet.tasks.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A run's evidence keys, held in the harness's memory only (never written, never handed to an agent): a random
 * HMAC-SHA256 key that chains every evidence line ({@link EvidenceChain}), and an Ed25519 key pair whose private half
 * signs each episode's {@link EvidenceSeal} and whose public half is written into the run's manifest and each seal,
 * so that {@code discreet audit} can check a bundle offline without any secret.
 *
 * <p>Not serialisable; {@link #toString} shows only the public key.
 */
public final class EvidenceKeys {
    private final SecretKeySpec macKey;
    private final KeyPair signing;

    private EvidenceKeys(byte[] mac, KeyPair signing) {
        this.macKey = new SecretKeySpec(mac, "HmacSHA256");
        this.signing = signing;
    }

    /** Fresh keys from the platform's default strong random source (never blocks, unlike getInstanceStrong). */
    public static EvidenceKeys generate() {
        try {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            return new EvidenceKeys(k, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            // Java 15+ always has Ed25519; a JVM without it cannot seal evidence
            throw new IllegalStateException("this JVM offers no Ed25519 signatures: " + e.getMessage(), e);
        }
    }

    /** HMAC-SHA256 of {@code previous + "\n" + content}, lower-case hex. */
    String mac(String previous, String content) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(macKey);
            m.update(previous.getBytes(StandardCharsets.UTF_8));
            m.update((byte) '\n');
            return HexFormat.of().formatHex(m.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
        }
    }

    /** Ed25519 signature of {@code payload}, base64. */
    String sign(String payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signing.getPrivate());
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the evidence seal: " + e.getMessage(), e);
        }
    }

    /** The public key (X.509, base64): recorded in the manifest and in each seal. */
    public String publicKey() { return Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()); }

    @Override
    public String toString() { return "EvidenceKeys[public " + publicKey() + "]"; }
}
