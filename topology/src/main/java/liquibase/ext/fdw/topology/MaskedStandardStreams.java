package liquibase.ext.fdw.topology;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * For the length of a run, {@code System.out} and {@code System.err} mask every node password line by line:
 * Liquibase's {@code output} change with target STDOUT or STDERR prints there directly, past any log service.
 * Runs take turns in a JVM ({@link TopologyEngine}), so swapping the JVM's streams cannot mix two runs.
 */
final class MaskedStandardStreams implements AutoCloseable {
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream maskedOut;
    private final PrintStream maskedErr;

    MaskedStandardStreams(Redactor redactor) {
        out = System.out;
        err = System.err;
        maskedOut = masked(out, redactor);
        maskedErr = masked(err, redactor);
        System.setOut(maskedOut);
        System.setErr(maskedErr);
    }

    private static PrintStream masked(PrintStream target, Redactor redactor) {
        // Our stream encodes and decodes with one charset; the target re-encodes the text its own way.
        Charset charset = Charset.defaultCharset();
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                line.write(b);
                if (b == '\n') {
                    flushLine();
                }
            }

            @Override
            public synchronized void flush() {
                // A partial line is held back: a secret might be split across two writes.
            }

            @Override
            public synchronized void close() {
                flushLine();
            }

            private void flushLine() {
                target.print(redactor.scrub(line.toString(charset)));
                target.flush();
                line.reset();
            }
        }, true, charset);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        maskedOut.close();
        maskedErr.close();
    }
}
