package com.lakesail.backend.port;

import java.security.interfaces.ECPublicKey;

/**
 * Signs the session tokens the gate checks (ES256 JWTs). Locally a P-256 key in a file of the data
 * directory that only its owner may read; on AWS an asymmetric KMS key (ECC_NIST_P256), whose private
 * half never leaves KMS. The public half is published as the JWKS document gates verify with.
 *
 * <pre>{@code
 * byte[] signature = signer.sign(signingInput);    // JWS form: R ‖ S, 64 bytes
 * }</pre>
 */
public interface TokenSigner {

    /** The public half of the key tokens are signed with (a P-256 key). */
    ECPublicKey publicKey();

    /**
     * The ECDSA P-256 SHA-256 signature of {@code data} with the key, in the JWS form (the 32-byte R
     * and S concatenated), ready to be a compact JWS's third part.
     */
    byte[] sign(byte[] data);
}
