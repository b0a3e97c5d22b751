package org.patchcare.shared.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read (and skipped) and stops with the caller's exception once more than {@code max} have passed,
 * so an upload is refused as soon as it is too large, without reading the rest.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long max;
    private final LongFunction<? extends RuntimeException> tooLarge;
    private long count;

    /** @param tooLarge makes the exception to throw, given {@code max} */
    public SizeLimitedInputStream(InputStream in, long max, LongFunction<? extends RuntimeException> tooLarge) {
        super(in);
        this.max = max;
        this.tooLarge = tooLarge;
    }

    /** Bytes read or skipped so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    private void add(long n) {
        count += n;
        if (count > max) {
            throw tooLarge.apply(max);
        }
    }
}
