package liquibase.ext.fdw.change.movepartition;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Pipes {@code COPY ... TO STDOUT} on one connection into {@code COPY ... FROM STDIN} on another, one message at a
 * time: nothing is buffered beyond the driver's socket buffers. Loaded only once pgjdbc is known to be present.
 */
final class CopyStream {
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

    /** Runs {@code copyOut} on {@code from} into {@code copyIn} on {@code to}; returns the rows the target took. */
    static long pipe(Connection from, String copyOut, Connection to, String copyIn) throws SQLException {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut);
        CopyIn in;
        try {
            in = to.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
        } catch (SQLException | RuntimeException e) {
            out.cancelCopy();
            throw e;
        }
        try {
            for (byte[] data = out.readFromCopy(); data != null; data = out.readFromCopy()) {
                in.writeToCopy(data, 0, data.length);
            }
            return in.endCopy();
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
