package org.finassist.server.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encryption at rest of sensitive columns the law requires to keep (opening sessions: names, ID numbers): AES-256-GCM
 * with a key from configuration ({@code finassist.security.column-key}, base64 of 32 bytes) or, unset, a key file
 * beside the data readable by its owner only, never the database. Values read back without the {@value #PREFIX}
 * marker are rows written before encryption and are returned as they are.
 */
public final class ColumnCipher {

    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public ColumnCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("finassist.security.column-key must be 32 bytes (base64), AES-256");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    static ColumnCipher from(String configured, Path dataDir) {
        if (!configured.isBlank()) {
            return new ColumnCipher(Base64.getDecoder().decode(configured.strip()));
        }
        Path file = dataDir.resolve("column.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.writeString(file, Base64.getEncoder().encodeToString(k));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions apply
                }
            }
            return new ColumnCipher(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the column key " + file, e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a column", e);
        }
    }

    /** The plain value; a tampered value or one sealed with another key fails (GCM authenticates it). */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a column: wrong key or tampered value", e);
        }
    }
}
