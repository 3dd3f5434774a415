package com.lakesail.backend.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.port.TokenSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Session tokens signed by an asymmetric KMS key ({@code ECC_NIST_P256}, usage {@code SIGN_VERIFY}):
 * the private half never leaves KMS. {@code kms:Sign} with {@code ECDSA_SHA_256} over the raw signing
 * input returns the signature DER-encoded (an ASN.1 sequence of R and S), which JWS wants as the two
 * 32-byte integers concatenated; {@code kms:GetPublicKey} returns the public key as a DER
 * SubjectPublicKeyInfo, read once per container.
 *
 * <p>The function's role may call exactly these two actions on this key (template.yaml). They go
 * through {@link KmsCalls}, not the generated KMS client, to keep the API function's package lean.
 */
public final class KmsTokenSigner implements TokenSigner {
    /** The JWS form of an ES256 signature: R and S, 32 bytes each. */
    private static final int SIGNATURE_BYTES = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<KmsCalls> kms;
    private final Supplier<String> keyId;
    private volatile ECPublicKey publicKey;

    /**
     * @param kms   KMS, reached on first use
     * @param keyId the key's ARN (or id or alias), read on first use
     */
    public KmsTokenSigner(Supplier<KmsCalls> kms, Supplier<String> keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public ECPublicKey publicKey() {
        ECPublicKey key = publicKey;
        if (key == null) {
            byte[] der;
            try {
                der = Base64.getDecoder().decode(kms.get().call("GetPublicKey",
                        JSON.createObjectNode().put("KeyId", keyId.get())).path("PublicKey").asText());
            } catch (KmsCalls.KmsException | IllegalArgumentException e) {
                throw new IllegalStateException("kms:GetPublicKey on the session signing key failed: " + e.getMessage(), e);
            }
            try {
                key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | ClassCastException e) {
                throw new IllegalStateException("the session signing key is not an ECC_NIST_P256 key", e);
            }
            publicKey = key;
        }
        return key;
    }

    @Override
    public byte[] sign(byte[] data) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(kms.get().call("Sign", JSON.createObjectNode().put("KeyId", keyId.get())
                    .put("Message", Base64.getEncoder().encodeToString(data)).put("MessageType", "RAW")
                    .put("SigningAlgorithm", "ECDSA_SHA_256")).path("Signature").asText());
        } catch (KmsCalls.KmsException | IllegalArgumentException e) {
            throw new IllegalStateException("kms:Sign with the session signing key failed: " + e.getMessage(), e);
        }
        try {
            return ECDSA.transcodeSignatureToConcat(der, SIGNATURE_BYTES);
        } catch (JOSEException e) {
            throw new IllegalStateException("kms:Sign returned a signature that is not DER-encoded ECDSA", e);
        }
    }
}
