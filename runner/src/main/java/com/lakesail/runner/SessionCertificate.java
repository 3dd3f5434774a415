package com.lakesail.runner;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A session gate's own TLS identity: a fresh EC P-256 key and a self-signed certificate for the one
 * name clients reach the gate by. Nothing signs it but itself: a client trusts exactly this
 * certificate (the control plane shows it as the session's {@code endpointCertificate}), the way a
 * pinned key is trusted, so no CA and no DNS validation is needed, and the key never leaves the
 * session server's memory.
 *
 * <ul>
 * <li>subject and issuer {@code CN=<host>}; subject alternative name the host as a DNS name, or as an IP
 *     address when it is an IP literal (what a TLS client checks the name it dialled against);
 * <li>valid from an hour ago (clocks differ) until {@link #VALIDITY} from now: longer than a session may
 *     live;
 * <li>an end-entity certificate for TLS servers: {@code basicConstraints CA:false}, key usage
 *     {@code digitalSignature}, extended key usage {@code serverAuth}.
 * </ul>
 *
 * @param certificate    the certificate
 * @param certificatePem the certificate, PEM ({@code -----BEGIN CERTIFICATE-----})
 * @param privateKeyPem  its private key, PEM, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----})
 */
public record SessionCertificate(X509Certificate certificate, String certificatePem, String privateKeyPem) {
    /** A session's maximum life (a week) and a day to spare. */
    public static final Duration VALIDITY = Duration.ofDays(8);
    /** How far back the certificate is valid from: a client whose clock runs behind accepts it too. */
    public static final Duration BACKDATE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "SessionCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }

    /** The gate's TLS for {@link GateProxy}. */
    public GateProxy.Tls tls() {
        return new GateProxy.Tls(certificatePem, privateKeyPem);
    }

    /** A new key and certificate for {@code host} (a DNS name or an IP literal, IPv6 with or without brackets), valid from {@code now}. */
    public static SessionCertificate generate(String host, Instant now) {
        Objects.requireNonNull(host, "host");
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the gate's certificate needs a host name");
        }
        boolean ip = IPAddress.isValid(name);
        if (!ip) {
            name = name.toLowerCase(Locale.ROOT);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SessionCertificate(certificate, pem("CERTIFICATE", certificate.getEncoded()),
                    pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make the gate's certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The host of a Spark Connect address ({@code sc://host:port}) when clients need TLS to reach it: a
     * Spark Connect client with a token uses plaintext only for {@code localhost}. Null for
     * {@code localhost} or an address without a host.
     */
    public static String tlsHost(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(endpoint).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        return host == null || host.isEmpty() || host.equals("localhost") ? null : host;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
