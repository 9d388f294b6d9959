package liquibase.ext.fdw.topology;

/**
 * Fault injection for the atomic-mode tests: with the system property {@value #PROPERTY} set to
 * {@code <point>:<count>} (e.g. {@code prepared:2}, {@code committed:0}), the run prints a marker line and stops
 * there for good, so that a test can kill the JVM at that exact point. Unset in normal use, where it does nothing.
 */
final class TestHooks {
    static final String PROPERTY = "fdw.test.atomicPause";
    /** The line printed to standard output when the run stops at a hook. */
    static final String MARKER = "fdw-test-paused ";

    private TestHooks() {
    }

    static void reached(String point, int count) {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || !wanted.equals(point + ":" + count)) {
            return;
        }
        System.out.println(MARKER + wanted);
        System.out.flush();
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                try {
                    forever.wait();
                } catch (InterruptedException e) {
                    // Only a kill ends a paused run.
                }
            }
        }
    }
}
