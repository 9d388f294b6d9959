/** The catalog checks behind {@code verify}: not API, used by the engine only. */
package liquibase.ext.fdw.topology.verify.internal;
