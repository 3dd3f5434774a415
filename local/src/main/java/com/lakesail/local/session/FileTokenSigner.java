package com.lakesail.local.session;

import com.lakesail.backend.port.TokenSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;

/**
 * The local backend's session signing key: a P-256 key kept as a JWK in
 * {@code <data dir>/keys/session-signing-key.jwk}, readable and writable by its owner only, created on
 * the first start and reused after (so tokens outlive a restart). An in-memory backend signs with a
 * key of its own lifetime.
 */
public final class FileTokenSigner implements TokenSigner {
    static final String FILE = "session-signing-key.jwk";

    private final ECKey key;
    private final ECDSASigner signer;

    private FileTokenSigner(ECKey key) {
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the session signing key cannot sign: " + e.getMessage(), e);
        }
    }

    /** The key in {@code dataDirectory/keys}, created (owner-only) when there is none. */
    public static FileTokenSigner inDirectory(Path dataDirectory) {
        Path dir = dataDirectory.resolve("keys");
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(dir, file);
            }
            return new FileTokenSigner(ECKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the session signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the session signing key " + file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    /** A key that lives as long as this process: for a backend that keeps nothing on disk. */
    public static FileTokenSigner ephemeral() {
        return new FileTokenSigner(generate());
    }

    @Override
    public ECPublicKey publicKey() {
        try {
            return key.toECPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            return signer.sign(new JWSHeader(JWSAlgorithm.ES256), data).decode();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the session signing key: " + e.getMessage(), e);
        }
    }

    /** Written whole and owner-only before it is visible: a reader never sees half a key, nobody else any of it. */
    private static void create(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        Path temp = posix ? Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))) : Files.createTempFile(dir, "key", ".tmp");
        Files.writeString(temp, generate().toJSONString(), StandardCharsets.UTF_8);
        try {
            // A hard link appears whole, and only if no key is there yet.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // Another backend on this directory made it first: use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }
}
