package com.lakesail.gate;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.List;

/**
 * The control plane's public keys, from a JWKS file it keeps up to date: the file is read again
 * when it changes, so a key rotated while a long session runs is picked up.
 */
final class JwksFile implements JWKSource<SecurityContext> {
    private final Path file;
    private FileTime loadedAt;
    private JWKSet keys;

    JwksFile(Path file) {
        this.file = file;
        try {
            reloadIfChanged();
        } catch (KeySourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        reloadIfChanged();
        return selector.select(keys);
    }

    private synchronized void reloadIfChanged() throws KeySourceException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (keys == null || !modified.equals(loadedAt)) {
                keys = JWKSet.parse(Files.readString(file)).toPublicJWKSet();
                loadedAt = modified;
            }
        } catch (IOException | ParseException e) {
            if (keys == null) {
                throw new KeySourceException("cannot read the session gate's keys from " + file + ": " + e.getMessage(), e);
            }
            // Keep the keys read last: a rotation is a write, never a deletion.
        }
    }
}
