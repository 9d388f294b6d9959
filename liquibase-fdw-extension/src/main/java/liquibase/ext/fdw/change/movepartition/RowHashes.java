package liquibase.ext.fdw.change.movepartition;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Takes the data of {@code COPY (SELECT columns..., row_hash) TO STDOUT} as the source node sends it, in messages
 * of any size, and passes on the same data without the last column: the rows as {@code COPY ... FROM STDIN} on the
 * target expects them. On the way it counts the rows and adds up the per-row hashes the source server computed, in
 * 128 bits (what the target's {@code sum(bigint)} returns, exactly). Understands PostgreSQL's binary format (the
 * hash is an 8-byte field) and its text format (the hash is the last tab-separated field of a line).
 */
final class RowHashes {
    /** Where the rows without their hash go, in chunks of any size. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] data, int offset, int length) throws java.sql.SQLException;
    }

    private static final int FLUSH = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final boolean binary;
    private final Sink sink;
    private byte[] carry = new byte[0];
    private int carried;
    private final byte[] out = new byte[FLUSH + 1024];
    private int pending;
    private boolean headerDone;
    private boolean ended;
    private long rows;
    private long sumLow;
    private long sumHigh;

    RowHashes(boolean binary, Sink sink) {
        this.binary = binary;
        this.sink = sink;
    }

    /** One message of the source's COPY data. */
    void accept(byte[] data) throws java.sql.SQLException {
        byte[] in;
        int length;
        if (carried == 0) {
            in = data;
            length = data.length;
        } else {
            // A row split over messages: parse the unconsumed rest and the new message as one piece.
            ensureCarry(carried + data.length);
            System.arraycopy(data, 0, carry, carried, data.length);
            in = carry;
            length = carried + data.length;
        }
        int consumed = binary ? binary(in, length) : text(in, length);
        int rest = length - consumed;
        if (rest > 0) {
            ensureCarry(rest);
            System.arraycopy(in, consumed, carry, 0, rest);
        }
        carried = rest;
    }

    /** Sends what is still buffered; fails when the source's data ended in the middle of a row. */
    void finish() throws java.sql.SQLException {
        if (carried > 0 || binary && !ended) {
            throw new IllegalStateException("the COPY data of the source ended in the middle of a row");
        }
        flush();
    }

    long rows() {
        return rows;
    }

    /** The exact sum of the rows' hashes, as PostgreSQL prints a numeric. */
    String sum() {
        return BigInteger.valueOf(sumHigh).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(sumLow))).toString();
    }

    private void add(long hash) {
        long low = sumLow + hash;
        sumHigh += (hash >> 63) + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
        rows++;
    }

    /** Consumes whole units (header, rows, trailer) from {@code in}; returns how many bytes. */
    private int binary(byte[] in, int length) throws java.sql.SQLException {
        int at = 0;
        if (!headerDone) {
            if (length < SIGNATURE.length + 8) {
                return 0;
            }
            if (!Arrays.equals(in, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IllegalStateException("the COPY data of the source is not in PostgreSQL's binary format");
            }
            int extension = readInt(in, SIGNATURE.length + 4);
            int header = SIGNATURE.length + 8 + extension;
            if (length < header) {
                return 0;
            }
            emit(in, 0, header);
            headerDone = true;
            at = header;
        }
        while (at + 2 <= length && !ended) {
            int fields = readShort(in, at);
            if (fields == -1) {
                emit(in, at, 2);
                at += 2;
                ended = true;
                break;
            }
            int p = at + 2;
            int lastStart = -1;
            boolean complete = true;
            for (int f = 0; f < fields; f++) {
                if (p + 4 > length) {
                    complete = false;
                    break;
                }
                int size = readInt(in, p);
                if (f == fields - 1) {
                    lastStart = p;
                }
                p += 4 + Math.max(size, 0);
                if (p > length) {
                    complete = false;
                    break;
                }
            }
            if (!complete) {
                break;
            }
            if (fields < 2 || readInt(in, lastStart) != 8) {
                throw new IllegalStateException("a row of the source's COPY data lacks its 8-byte hash");
            }
            add(readLong(in, lastStart + 4));
            ensureRoom(lastStart - at);
            out[pending++] = (byte) ((fields - 1) >> 8);
            out[pending++] = (byte) (fields - 1);
            emit(in, at + 2, lastStart - at - 2);
            at = p;
        }
        return at;
    }

    private int text(byte[] in, int length) throws java.sql.SQLException {
        int at = 0;
        // Text COPY escapes tabs and newlines inside values, and UTF-8 never uses these bytes inside a character.
        for (int end = indexOf(in, (byte) '\n', at, length); end >= 0; end = indexOf(in, (byte) '\n', at, length)) {
            int tab = end - 1;
            while (tab >= at && in[tab] != '\t') {
                tab--;
            }
            if (tab < at) {
                throw new IllegalStateException("a row of the source's COPY data lacks its hash");
            }
            add(Long.parseLong(new String(in, tab + 1, end - tab - 1, java.nio.charset.StandardCharsets.US_ASCII)));
            emit(in, at, tab - at);
            ensureRoom(1);
            out[pending++] = '\n';
            at = end + 1;
        }
        return at;
    }

    private static int indexOf(byte[] in, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void emit(byte[] data, int offset, int length) throws java.sql.SQLException {
        if (length > out.length - pending) {
            flush();
            if (length > out.length) {
                sink.write(data, offset, length);
                return;
            }
        }
        System.arraycopy(data, offset, out, pending, length);
        pending += length;
        if (pending >= FLUSH) {
            flush();
        }
    }

    private void ensureRoom(int bytes) throws java.sql.SQLException {
        if (out.length - pending < bytes) {
            flush();
        }
    }

    private void flush() throws java.sql.SQLException {
        if (pending > 0) {
            sink.write(out, 0, pending);
            pending = 0;
        }
    }

    private void ensureCarry(int size) {
        if (carry.length < size) {
            carry = Arrays.copyOf(carry, Math.max(size, carry.length * 2));
        }
    }

    private static int readShort(byte[] b, int at) {
        return (short) ((b[at] & 0xff) << 8 | b[at + 1] & 0xff);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private static long readLong(byte[] b, int at) {
        return (long) readInt(b, at) << 32 | readInt(b, at + 4) & 0xffffffffL;
    }
}
