package io.ganglion.telemetry.mqtt;

import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust from a PEM file: every certificate in it ({@code -----BEGIN CERTIFICATE-----} blocks)
 * becomes a trust anchor of an in-memory key store, from which an {@link SSLSocketFactory} for
 * the MQTT client is built. Only these CAs are trusted (not the JVM's default store).
 */
public final class PemTrust {

  private PemTrust() {}

  /** The certificates in {@code pemFile}. */
  public static Collection<? extends Certificate> certificates(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new InvalidInputException("CA file " + pemFile + " holds no certificate; expected PEM blocks "
            + "'-----BEGIN CERTIFICATE-----'");
      }
      return certs;
    } catch (CertificateException e) {
      throw new InvalidInputException("CA file " + pemFile + " is not a PEM certificate file (" + oneLine(e.getMessage())
          + "); expected '-----BEGIN CERTIFICATE-----' blocks", e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read CA file " + pemFile + ": " + oneLine(e.getMessage()), e);
    }
  }

  /** A socket factory that trusts exactly the CA certificates of {@code pemFile}. */
  public static SSLSocketFactory socketFactory(Path pemFile) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certificates(pemFile)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidInputException("cannot build TLS trust from " + pemFile + ": " + oneLine(e.getMessage()), e);
    }
  }

  /** JDK exception messages may span lines; error messages here are one line. */
  private static String oneLine(String s) {
    return s == null ? "no detail" : s.replaceAll("\\s+", " ").trim();
  }
}
