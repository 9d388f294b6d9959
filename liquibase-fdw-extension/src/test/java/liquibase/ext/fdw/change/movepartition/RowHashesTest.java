package liquibase.ext.fdw.change.movepartition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stream between the nodes: the hash column comes off every row whatever the message boundaries, and the sum
 * is exact past 64 bits. What PostgreSQL itself sends and sums is checked by MovePartitionIT on real servers.
 */
class RowHashesTest {
    private static final long[] HASHES = {Long.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE, 42, Long.MIN_VALUE, 7};

    @Test
    void binaryRowsLoseTheirHashAtAnySplit() throws Exception {
        byte[][] stream = binary(true);
        byte[] expected = binary(false)[0];
        for (int cut = 0; cut <= stream[0].length; cut += cut < 400 || cut > stream[0].length - 400 ? 1 : 101) {
            assertEquals(expected.length, run(true, List.of(Arrays.copyOfRange(stream[0], 0, cut),
                    Arrays.copyOfRange(stream[0], cut, stream[0].length)), expected));
        }
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            run(true, pieces(stream[0], random), expected);
        }
    }

    @Test
    void textRowsLoseTheirHashAtAnySplit() throws Exception {
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < HASHES.length; i++) {
            String row = "2017-01-0" + (i + 1) + "\tcity\\t" + i + "\t\\N\t" + "x".repeat(i * 20000);
            in.append(row).append('\t').append(HASHES[i]).append('\n');
            out.append(row).append('\n');
        }
        byte[] stream = in.toString().getBytes(StandardCharsets.UTF_8);
        byte[] expected = out.toString().getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= stream.length; cut += 97) {
            run(false, List.of(Arrays.copyOfRange(stream, 0, cut), Arrays.copyOfRange(stream, cut, stream.length)), expected);
        }
    }

    @Test
    void dataEndingInsideARowIsRefused() throws Exception {
        byte[] stream = binary(true)[0];
        RowHashes rows = new RowHashes(true, (data, offset, length) -> { });
        rows.accept(Arrays.copyOf(stream, stream.length - 5));
        IllegalStateException e = assertThrows(IllegalStateException.class, rows::finish);
        assertEquals("the COPY data of the source ended in the middle of a row", e.getMessage());
    }

    /** Feeds {@code pieces}, checks the output and the sum; returns the output's length. */
    private static int run(boolean binary, List<byte[]> pieces, byte[] expected) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowHashes rows = new RowHashes(binary, out::write);
        for (byte[] piece : pieces) {
            rows.accept(piece);
        }
        rows.finish();
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(HASHES.length, rows.rows());
        BigInteger sum = BigInteger.ZERO;
        for (long hash : HASHES) {
            sum = sum.add(BigInteger.valueOf(hash));
        }
        assertEquals(sum.toString(), rows.sum());
        return out.size();
    }

    private static List<byte[]> pieces(byte[] stream, Random random) {
        List<byte[]> pieces = new ArrayList<>();
        for (int at = 0; at < stream.length; ) {
            int next = Math.min(stream.length, at + random.nextInt(40));
            pieces.add(Arrays.copyOfRange(stream, at, next));
            at = next;
        }
        return pieces;
    }

    /** PostgreSQL's binary COPY format: a date, a text (NULL in one row, 70 kB in another), and the hash if asked. */
    private static byte[][] binary(boolean withHash) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        for (int i = 0; i < HASHES.length; i++) {
            out.writeShort(withHash ? 3 : 2);
            out.writeInt(4);
            out.writeInt(6210 + i);
            if (i == 2) {
                out.writeInt(-1);
            } else {
                byte[] text = ("city " + i + "x".repeat(i == 4 ? 70_000 : 0)).getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            if (withHash) {
                out.writeInt(8);
                out.writeLong(HASHES[i]);
            }
        }
        out.writeShort(-1);
        return new byte[][] {bytes.toByteArray()};
    }
}
