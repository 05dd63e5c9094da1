package dev.mci.investigate.findings;

import dev.mci.investigate.cases.CaseMessage;
import dev.mci.investigate.cases.CaseUrl;
import dev.mci.investigate.cases.EvidenceRef;
import dev.mci.investigate.cases.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "The rewritten link decodes to https://login.acme-c0rp.example/…, a host in the sender's domain",
 * or that it could not be decoded.
 */
final class DecodedUrlRule implements FindingRule {

  @Override
  public String name() {
    return "decoded-url";
  }

  @Override
  public List<Observation> observe(CaseFacts facts) {
    Set<String> suspectDomains = new LinkedHashSet<>();
    for (CaseMessage copy : facts.data().located()) {
      String domain = copy.sender().domain();
      if (!domain.isEmpty() && !facts.data().isInternal(domain)) {
        suspectDomains.add(domain);
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (CaseUrl url : facts.data().urls()) {
      if (url.rewritten() == null) {
        continue;
      }
      List<EvidenceRef> evidence = List.of(EvidenceRef.url(url.url()));
      if (url.decodeError() != null) {
        observations.add(
            new Observation(
                Severity.INFO,
                "The rewritten link "
                    + url.rewritten()
                    + " could not be decoded: "
                    + url.decodeError(),
                List.of(EvidenceRef.url(url.rewritten()))));
        continue;
      }
      String host = host(url.url());
      String related = null;
      for (String domain : suspectDomains) {
        if (host.equals(domain) || host.endsWith("." + domain)) {
          related = "a host in the sender's domain " + domain;
        }
      }
      for (String internal : facts.data().internalDomains()) {
        if (related == null && Lookalikes.resembles(host, internal)) {
          related = "a host imitating the internal domain " + internal;
        }
      }
      observations.add(
          new Observation(
              related == null ? Severity.INFO : Severity.MEDIUM,
              "The rewritten link decodes to "
                  + url.url()
                  + (related == null ? "" : ", " + related),
              evidence));
    }
    return observations;
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
