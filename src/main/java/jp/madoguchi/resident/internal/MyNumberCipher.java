package jp.madoguchi.resident.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import jp.madoguchi.kit.MyNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts 個人番号 at rest (番号法: 安全管理措置) with AES-256-GCM. Each ciphertext is {@code nonce(12) ||
 * ciphertext || tag(16)}; the associated data is the municipality code and the 宛名番号, so a ciphertext moved to
 * another row fails to decrypt.
 *
 * <p>The key comes from {@code madoguchi.resident.my-number-key} (base64 of 32 bytes, environment
 * {@code MADOGUCHI_MY_NUMBER_KEY}). When that is blank, a key is generated once into {@code
 * <data directory>/keys/my-number.key} (owner-only) — fine for the demo and a single machine; a municipality sets
 * the key from its key management. The key and the numbers are never logged; only the key's id (the first 8 hex
 * digits of its SHA-256) is stored beside each ciphertext.
 */
@Component
class MyNumberCipher {

    private static final Logger log = LoggerFactory.getLogger(MyNumberCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;

    MyNumberCipher(@Value("${madoguchi.resident.my-number-key:}") String configuredKey,
            @Value("${madoguchi.database.embedded.data-directory:./madoguchi-data}") Path dataDirectory) {
        byte[] raw = configuredKey.isBlank() ? generatedKey(dataDirectory.resolve("keys").resolve("my-number.key"))
                : decode(configuredKey.strip(), "madoguchi.resident.my-number-key");
        if (raw.length != 32) {
            throw new IllegalStateException("個人番号の暗号鍵は32バイト（AES-256）が必要です（madoguchi.resident.my-number-key）。");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = keyId(raw);
        Arrays.fill(raw, (byte) 0);
    }

    String keyId() {
        return keyId;
    }

    byte[] encrypt(MyNumber number, String municipalityCode, String atenaNumber) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(municipalityCode, atenaNumber));
            byte[] sealed = cipher.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("個人番号を暗号化できません", e);
        }
    }

    MyNumber decrypt(byte[] stored, String storedKeyId, String municipalityCode, String atenaNumber) {
        if (!keyId.equals(storedKeyId)) {
            throw new IllegalStateException("個人番号は別の鍵（ID " + storedKeyId + "）で暗号化されています。現在の鍵の ID は "
                    + keyId + " です（madoguchi.resident.my-number-key）。");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(aad(municipalityCode, atenaNumber));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new MyNumber(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("個人番号の暗号文を復号できません（改ざんまたは鍵の不一致）", e);
        }
    }

    private static byte[] aad(String municipalityCode, String atenaNumber) {
        return (municipalityCode + "/" + atenaNumber).getBytes(StandardCharsets.US_ASCII);
    }

    private static String keyId(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("個人番号の暗号鍵を base64 として読めません（" + where + "）。");
        }
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Path temporary = Files.createTempFile(file.getParent(), "my-number", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(raw), StandardCharsets.US_ASCII);
            try {
                // Atomic: a second process starting at the same moment keeps the first key.
                Files.createLink(file, temporary);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.delete(temporary);
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            Files.delete(temporary);
            log.warn("No madoguchi.resident.my-number-key configured: generated a key file at {} (demo/single machine)",
                    file.toAbsolutePath());
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("個人番号の暗号鍵ファイル " + file + " を読み書きできません。", e);
        }
    }
}
