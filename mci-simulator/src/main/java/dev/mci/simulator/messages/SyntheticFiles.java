package dev.mci.simulator.messages;

import dev.mci.simulator.tenant.IdFamily;
import dev.mci.simulator.tenant.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Synthetic attachments of any size for download tests and benchmarks: an attachment id whose
 * decoded index is the size. {@code /api/archive/get-file} serves such an id as a stream of
 * deterministic bytes (one seeded 1 MiB block repeated) written straight to the connection, so even
 * a 1 GiB file never sits in the simulator's memory. They belong to no message.
 */
public final class SyntheticFiles {

  /** The largest size an id can carry. */
  public static final long MAX_SIZE = (1L << 48) - 1;

  private static final int BLOCK = 1 << 20;

  private SyntheticFiles() {}

  /**
   * The attachment id of a synthetic file of {@code size} bytes in {@code tenant}.
   *
   * @throws IllegalArgumentException when the size is negative or above {@link #MAX_SIZE}
   */
  public static String id(Tenant tenant, long size) {
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 0 to " + MAX_SIZE + ", was " + size);
    }
    return tenant.ids().encode(IdFamily.ATTACHMENT, size, ArchiveRefs.SYNTHETIC);
  }

  /** The file name the simulator gives a synthetic file. */
  public static String fileName(long size) {
    return "synthetic-" + size + ".bin";
  }

  /** The bytes of a synthetic file, for tests that check what was downloaded. */
  public static InputStream content(Tenant tenant, long size) {
    byte[] block = block(tenant.seed());
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < size ? block[(int) (position++ % BLOCK)] & 0xFF : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
          return -1;
        }
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(length, BLOCK - inBlock), size - position);
        System.arraycopy(block, inBlock, buffer, offset, n);
        position += n;
        return n;
      }
    };
  }

  /** Writes the file's bytes to {@code out}. */
  static void write(long seed, long size, OutputStream out) throws IOException {
    byte[] block = block(seed);
    long left = size;
    while (left > 0) {
      int n = (int) Math.min(BLOCK, left);
      out.write(block, 0, n);
      left -= n;
    }
  }

  /** 1 MiB of seeded pseudo-random bytes (SplitMix64). */
  private static byte[] block(long seed) {
    byte[] block = new byte[BLOCK];
    long state = seed ^ 0x5F1E_B10C_0000_0001L;
    for (int i = 0; i < BLOCK; i += 8) {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      for (int k = 0; k < 8; k++) {
        block[i + k] = (byte) (z >>> (8 * k));
      }
    }
    return block;
  }
}
