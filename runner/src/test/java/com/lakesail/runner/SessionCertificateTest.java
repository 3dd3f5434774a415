package com.lakesail.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCertificateTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void dnsName_isTheSubjectAndTheOnlyDnsSan_validForAWeekAndADay() throws Exception {
        SessionCertificate c = SessionCertificate.generate("K8S-Sessions-abc.elb.us-east-1.amazonaws.com", NOW);
        X509Certificate x = parse(c.certificatePem());

        assertEquals(c.certificate(), x);
        assertEquals("CN=k8s-sessions-abc.elb.us-east-1.amazonaws.com", x.getSubjectX500Principal().getName());
        assertEquals(x.getSubjectX500Principal(), x.getIssuerX500Principal());
        assertEquals(List.of(List.of(2, "k8s-sessions-abc.elb.us-east-1.amazonaws.com")), sans(x));
        assertValidity(x);
        assertEndEntityEcP256(x, c);
    }

    @Test
    void ipLiteral_isAnIpAddressSan() throws Exception {
        X509Certificate v4 = parse(SessionCertificate.generate("127.0.0.1", NOW).certificatePem());
        assertEquals("CN=127.0.0.1", v4.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(7, "127.0.0.1")), sans(v4));
        assertValidity(v4);

        X509Certificate v6 = parse(SessionCertificate.generate("[::1]", NOW).certificatePem());
        assertEquals(1, sans(v6).size());
        assertEquals(7, sans(v6).get(0).get(0));
        assertEquals("0:0:0:0:0:0:0:1", sans(v6).get(0).get(1));
    }

    @Test
    void eachCertificateIsNew() throws Exception {
        SessionCertificate a = SessionCertificate.generate("gate.example", NOW);
        SessionCertificate b = SessionCertificate.generate("gate.example", NOW);
        assertFalse(a.certificate().getPublicKey().equals(b.certificate().getPublicKey()));
        assertFalse(a.certificate().getSerialNumber().equals(b.certificate().getSerialNumber()));
        assertFalse(a.toString().contains("PRIVATE"));
    }

    @Test
    void tlsHost_isTheEndpointsHost_unlessLocalhost() {
        assertEquals("gate.example", SessionCertificate.tlsHost("sc://gate.example:15002"));
        assertEquals("127.0.0.1", SessionCertificate.tlsHost("sc://127.0.0.1:15002"));
        assertEquals("[::1]", SessionCertificate.tlsHost("sc://[::1]:15002"));
        assertNull(SessionCertificate.tlsHost("sc://localhost:15002"));
        assertNull(SessionCertificate.tlsHost(null));
        assertNull(SessionCertificate.tlsHost("not a uri"));
    }

    private static void assertValidity(X509Certificate x) {
        assertEquals(NOW.plus(Duration.ofDays(8)), x.getNotAfter().toInstant());
        assertEquals(NOW.minus(SessionCertificate.BACKDATE), x.getNotBefore().toInstant());
        assertTrue(Duration.between(x.getNotBefore().toInstant(), x.getNotAfter().toInstant())
                .compareTo(Duration.ofDays(8)) >= 0);
    }

    private static void assertEndEntityEcP256(X509Certificate x, SessionCertificate c) throws Exception {
        x.verify(x.getPublicKey());
        assertEquals(-1, x.getBasicConstraints());
        assertTrue(x.getKeyUsage()[0], "digitalSignature");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), x.getExtendedKeyUsage());
        assertEquals("SHA256withECDSA", x.getSigAlgName());
        ECPublicKey key = (ECPublicKey) x.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertTrue(c.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(c.certificatePem().length() < 8192);
        // The key is PKCS#8 and belongs to the certificate.
        assertTrue(c.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        String body = c.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature sign = Signature.getInstance("SHA256withECDSA");
        sign.initSign(priv);
        sign.update(new byte[] {1, 2, 3});
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(key);
        verify.update(new byte[] {1, 2, 3});
        assertTrue(verify.verify(signature));
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<List<?>> sans(X509Certificate x) throws Exception {
        Collection<List<?>> names = x.getSubjectAlternativeNames();
        return names == null ? List.of() : List.copyOf(names);
    }
}
