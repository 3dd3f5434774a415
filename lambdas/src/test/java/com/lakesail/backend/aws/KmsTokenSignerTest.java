package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.testing.lambda.FakeKms;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Session tokens signed by a KMS key, over KMS's JSON protocol (a fake on loopback held to it, reached
 * through the SDK's HTTP client and SigV4 signer): the public key as KMS gives it, signatures that the
 * key verifies in JWS form, throttling tried again, a refusal reported at once.
 */
class KmsTokenSignerTest {
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private FakeKms kms;
    private SdkHttpClient http;
    private KmsTokenSigner signer;

    @BeforeEach
    void setUp() throws Exception {
        kms = FakeKms.start(KEY);
        http = UrlConnectionHttpClient.create();
        KmsCalls calls = new KmsCalls(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")), Region.US_EAST_1, URI.create(kms.endpoint()));
        signer = new KmsTokenSigner(() -> calls, () -> KEY);
    }

    @AfterEach
    void tearDown() {
        kms.close();
        http.close();
    }

    @Test
    void publicKey_whenAsked_isTheKmsKeysReadOnce() {
        assertEquals(kms.publicKey(), signer.publicKey());
        assertEquals(kms.publicKey(), signer.publicKey());
        assertEquals(List.of("TrentService.GetPublicKey"), kms.calls);
    }

    @Test
    void sign_whenKmsSigns_returnsTheJwsFormThatTheKeyVerifies() throws Exception {
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = signer.sign(input);
        assertEquals(64, signature.length, "R and S, 32 bytes each");
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initVerify(kms.publicKey());
        ecdsa.update(input);
        assertTrue(ecdsa.verify(ECDSA.transcodeSignatureToDER(signature)));
        assertEquals(List.of("TrentService.Sign"), kms.calls);
    }

    @Test
    void sign_whenKmsThrottles_triesAgain() {
        kms.throttle = 2;
        assertEquals(64, signer.sign(new byte[] {1, 2, 3}).length);
        assertEquals(3, kms.calls.size());
    }

    @Test
    void sign_whenKmsKeepsThrottling_failsSayingSoAfterThreeAttempts() {
        kms.throttle = 5;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> signer.sign(new byte[] {1}));
        assertTrue(e.getMessage().contains("ThrottlingException"), e.getMessage());
        assertEquals(3, kms.calls.size());
    }

    @Test
    void publicKey_whenKmsRefuses_failsAtOnceWithKmsReason() {
        KmsTokenSigner other = new KmsTokenSigner(() -> new KmsCalls(http, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), Region.US_EAST_1, URI.create(kms.endpoint())),
                () -> KEY + "-other");
        IllegalStateException e = assertThrows(IllegalStateException.class, other::publicKey);
        assertTrue(e.getMessage().contains("NotFoundException") && e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(1, kms.calls.size(), "a refusal is not tried again");
    }
}
