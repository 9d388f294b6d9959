package liquibase.ext.fdw.change.movepartition;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Pipes {@code COPY (SELECT columns..., row_hash) TO STDOUT} on one connection into {@code COPY ... FROM STDIN} on
 * another through {@link RowHashes}, which takes the hash column off and adds the hashes up: nothing is buffered
 * beyond one chunk. Loaded only once pgjdbc is known to be present.
 */
final class CopyStream {
    /** Rows the target took, and the rows and the sum of hashes the source sent. */
    record Copied(long taken, long sent, String sentSum) {
    }

    private CopyStream() {
    }

    /** Whether {@code connection} is pgjdbc's (the driver may be absent, or another pool may wrap it). */
    static boolean supports(Connection connection) {
        try {
            Class.forName("org.postgresql.PGConnection", false, CopyStream.class.getClassLoader());
            return connection.isWrapperFor(PGConnection.class);
        } catch (ClassNotFoundException | LinkageError | SQLException e) {
            return false;
        }
    }

    /** Runs {@code copyOut} on {@code from} into {@code copyIn} on {@code to}, in binary or text format. */
    static Copied pipe(Connection from, String copyOut, Connection to, String copyIn, boolean binary) throws SQLException {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut);
        CopyIn in;
        try {
            in = to.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
        } catch (SQLException | RuntimeException e) {
            out.cancelCopy();
            throw e;
        }
        try {
            RowHashes rows = new RowHashes(binary, in::writeToCopy);
            for (byte[] data = out.readFromCopy(); data != null; data = out.readFromCopy()) {
                rows.accept(data);
            }
            rows.finish();
            return new Copied(in.endCopy(), rows.rows(), rows.sum());
        } catch (SQLException | RuntimeException e) {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
    }
}
