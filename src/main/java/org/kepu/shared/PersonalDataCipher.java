package org.kepu.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data (phones, ID-card numbers) at rest with AES-256-GCM. The key comes from the environment
 * variable {@code KEPU_DATA_KEY} (base64 of 32 bytes) or else from a key file generated once at
 * {@code ${kepu.files.dir}/../keys/data.key}. Ciphertext format: {@code v1:} + base64(12-byte nonce ‖ ciphertext ‖ tag).
 * Losing the key makes the stored values unreadable: back the key up with the database.
 */
@Component
public class PersonalDataCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public PersonalDataCipher(Environment env) {
        this(loadKey(env.getProperty("KEPU_DATA_KEY"),
                Path.of(env.getProperty("kepu.files.dir", "data/files")).toAbsolutePath().normalize()
                        .resolveSibling("keys").resolve("data.key")));
    }

    public PersonalDataCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The data key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The ciphertext of {@code plain}; null and blank stay as they are. */
    public String encrypt(String plain) {
        if (plain == null || plain.isBlank()) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain text of a value made by {@link #encrypt}; fails when it was changed or made with another key. */
    public String decrypt(String stored) {
        if (stored == null || stored.isBlank()) {
            return stored;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            byte[] plain = c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (wrong key or altered data)", e);
        }
    }

    /** A phone number for display: 13812341234 → 138****1234; short numbers keep only their last digits. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        if (p.length() >= 11) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        if (p.length() > 4) {
            return "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
        }
        return "*".repeat(p.length());
    }

    static byte[] loadKey(String envKey, Path keyFile) {
        if (envKey != null && !envKey.isBlank()) {
            return decodeKey(envKey.strip(), "KEPU_DATA_KEY");
        }
        try {
            if (!Files.exists(keyFile)) {
                createKeyFile(keyFile);
            }
            return decodeKey(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the data key " + keyFile, e);
        }
    }

    /** Writes a fresh key to a temporary file and renames it into place, so a reader never sees half a key. */
    private static void createKeyFile(Path keyFile) throws IOException {
        Files.createDirectories(keyFile.getParent());
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String text = Base64.getEncoder().encodeToString(fresh) + "\n";
        Arrays.fill(fresh, (byte) 0);
        Path tmp = Files.createTempFile(keyFile.getParent(), "data.key", ".tmp");
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } // else (Windows) the file inherits the directory's ACL
            Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, keyFile);
        } catch (FileAlreadyExistsException raced) {
            // Another node or test JVM created it first: use theirs.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The data key in " + source + " is not base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException("The data key in " + source + " must be 32 bytes, found " + k.length);
        }
        return k;
    }
}
