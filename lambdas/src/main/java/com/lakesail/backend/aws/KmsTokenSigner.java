package com.lakesail.backend.aws;

import com.lakesail.backend.port.TokenSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Session tokens signed by an asymmetric KMS key ({@code ECC_NIST_P256}, usage {@code SIGN_VERIFY}):
 * the private half never leaves KMS. {@code kms:Sign} with {@code ECDSA_SHA_256} over the raw signing
 * input returns the signature DER-encoded (an ASN.1 sequence of R and S), which JWS wants as the two
 * 32-byte integers concatenated; {@code kms:GetPublicKey} returns the public key as a DER
 * SubjectPublicKeyInfo, read once per container.
 *
 * <p>The function's role may call exactly these two actions on this key (template.yaml).
 */
public final class KmsTokenSigner implements TokenSigner {
    /** The JWS form of an ES256 signature: R and S, 32 bytes each. */
    private static final int SIGNATURE_BYTES = 64;

    private final Supplier<KmsClient> kms;
    private final Supplier<String> keyId;
    private volatile ECPublicKey publicKey;

    /**
     * @param kms   the client, built on first use
     * @param keyId the key's ARN (or id or alias), read on first use
     */
    public KmsTokenSigner(Supplier<KmsClient> kms, Supplier<String> keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public ECPublicKey publicKey() {
        ECPublicKey key = publicKey;
        if (key == null) {
            byte[] der;
            try {
                der = kms.get().getPublicKey(r -> r.keyId(keyId.get())).publicKey().asByteArray();
            } catch (SdkException e) {
                throw new IllegalStateException("kms:GetPublicKey on the session signing key failed: " + message(e), e);
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
            der = kms.get().sign(r -> r.keyId(keyId.get()).message(SdkBytes.fromByteArray(data))
                    .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature().asByteArray();
        } catch (SdkException e) {
            throw new IllegalStateException("kms:Sign with the session signing key failed: " + message(e), e);
        }
        try {
            return ECDSA.transcodeSignatureToConcat(der, SIGNATURE_BYTES);
        } catch (JOSEException e) {
            throw new IllegalStateException("kms:Sign returned a signature that is not DER-encoded ECDSA", e);
        }
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null) {
            return s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
