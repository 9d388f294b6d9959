package liquibase.ext.fdw.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionFactory;
import liquibase.parser.core.yaml.YamlParser;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * What Liquibase's YAML/JSON parser loses for the extension, put back into the parsed map before Liquibase turns it
 * into {@code ParsedNode}s. Liquibase adds each entry of a list of maps to the parent node one key after another, so
 * {@code options: [{name: a, value: '1'}, {action: drop, name: b}]} arrives as name, value, action, name: the entries'
 * ends are gone. Each entry is wrapped here as {@code {option: {...}}}, the form XML gives. And a value the YAML
 * resolver typed as a timestamp arrives as text Liquibase's parser rewrote; it is marked as an
 * {@link UnquotedTimestamp} from the changelog's own nodes, composed a second time without construction.
 * Only the maps of the extension's changes and preconditions are touched.
 */
public final class YamlLayout {
    private static final String OPTIONS = "options";
    private static final String OPTION = "option";

    /** The composed nodes of the changelog being parsed on this thread (parsers are shared singletons). */
    private final ThreadLocal<Node> pending = new ThreadLocal<>();

    /** A parse that may throw Liquibase's parse exception. */
    @FunctionalInterface
    public interface Parse {
        /** Parses the changelog. */
        DatabaseChangeLog run() throws ChangeLogParseException;
    }

    /** Runs {@code parse} with the changelog's nodes at hand for {@link #keep(Object)}. */
    public DatabaseChangeLog parse(String location, ResourceAccessor resourceAccessor, Parse parse)
            throws ChangeLogParseException {
        Node previous = pending.get();
        pending.set(compose(location, resourceAccessor));
        try {
            return parse.run();
        } finally {
            if (previous == null) {
                pending.remove();
            } else {
                pending.set(previous);
            }
        }
    }

    /**
     * Called with the parsed changelog before Liquibase reads it (and again for every map and list below it, which
     * is a no-op): wraps option entries and marks unquoted timestamps of the extension's changes and preconditions.
     */
    public void keep(Object parsed) {
        Node root = pending.get();
        if (root == null) {
            return;
        }
        pending.set(null);
        visit(parsed, root, false, extensionNames());
    }

    private static Node compose(String location, ResourceAccessor resourceAccessor) {
        try {
            Resource resource = resourceAccessor.get(location);
            if (resource == null || !resource.exists()) {
                return null;
            }
            try (InputStream stream = resource.openInputStream()) {
                return new Yaml(new SafeConstructor(YamlParser.createLoaderOptions())).compose(new UnicodeReader(stream));
            }
        } catch (IOException | RuntimeException e) {
            // Liquibase's own parse reports what is wrong with the file.
            return null;
        }
    }

    /** The YAML keys of the extension's change types and preconditions. */
    private static Set<String> extensionNames() {
        Set<String> names = new TreeSet<>();
        ChangeFactory changes = Scope.getCurrentScope().getSingleton(ChangeFactory.class);
        for (String name : changes.getDefinedChanges()) {
            Change change = changes.create(name);
            if (change != null && isExtension(change.getClass())) {
                names.add(name);
            }
        }
        for (Map.Entry<String, Class<? extends Precondition>> precondition
                : PreconditionFactory.getInstance().getPreconditions().entrySet()) {
            if (isExtension(precondition.getValue())) {
                names.add(precondition.getKey());
            }
        }
        return names;
    }

    private static boolean isExtension(Class<?> type) {
        return type.getName().startsWith("liquibase.ext.fdw.");
    }

    @SuppressWarnings("unchecked")
    private static void visit(Object value, Node node, boolean extension, Set<String> names) {
        if (value instanceof Map<?, ?> map && node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || !map.containsKey(key.getValue())) {
                    continue;
                }
                Object child = map.get(key.getValue());
                Node childNode = tuple.getValueNode();
                boolean childExtension = extension || names.contains(key.getValue()) && child instanceof Map;
                if (extension && child instanceof String text && childNode instanceof ScalarNode scalar
                        && scalar.isPlain() && Tag.TIMESTAMP.equals(scalar.getTag())) {
                    ((Map<Object, Object>) map).put(key.getValue(), new UnquotedTimestamp(scalar.getValue(), text));
                    continue;
                }
                visit(child, childNode, childExtension, names);
                if (extension && OPTIONS.equals(key.getValue()) && child instanceof List<?> entries) {
                    wrapOptions((List<Object>) entries);
                }
            }
        } else if (value instanceof List<?> list && node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < list.size() && i < items.size(); i++) {
                visit(list.get(i), items.get(i), extension, names);
            }
        }
    }

    /** {@code [{name: a, value: '1'}]} becomes {@code [{option: {name: a, value: '1'}}]}, XML's shape. */
    private static void wrapOptions(List<Object> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Map<?, ?> entry && !entry.containsKey(OPTION)) {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put(OPTION, entry);
                entries.set(i, wrapped);
            }
        }
    }
}
