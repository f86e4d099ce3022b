package io.smsflows.sms.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsflows.sms.crm.CrmSegments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Where a batch started from a process finds its recipients: a value (a list of maps, a JSON array), a CRM segment
 * (paged over HTTP), or a file (CSV, NDJSON or a JSON array; a path, {@code file:} or {@code classpath:}).
 */
public class RecipientSources {

    /** Rows to read, and what to close after reading them. */
    public record Opened(Iterator<BatchRecipient> rows, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private final ObjectMapper json;
    private final CrmSegments segments;
    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    public RecipientSources(ObjectMapper json, CrmSegments segments) {
        this.json = json;
        this.segments = segments;
    }

    /**
     * Exactly one of the three must be given.
     *
     * @throws IllegalArgumentException when none or several are given, or the one given cannot be read
     */
    public Opened open(Object value, String url, String file) {
        int given = (value != null ? 1 : 0) + (url != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give the recipients in exactly one way: 'recipients' (a list), "
                    + "'recipientsUrl' (a CRM segment) or 'recipientsFile' (CSV, NDJSON or JSON)");
        }
        if (url != null) {
            return new Opened(segments.members(url), null);
        }
        if (file != null) {
            return file(file);
        }
        return new Opened(fromValue(value), null);
    }

    private Iterator<BatchRecipient> fromValue(Object value) {
        JsonNode array;
        if (value instanceof Collection<?> || value instanceof Object[]) {
            array = json.valueToTree(value);
        } else {
            // a JSON string, or a Camunda Spin JSON value (its toString is the JSON)
            try {
                array = json.readTree(value.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("'recipients' is neither a list nor a JSON array: "
                        + e.getOriginalMessage());
            }
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("'recipients' must be a list of {to, text?, locale?, variables?}");
        }
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.isObject() ? BatchReaders.recipient(node)
                : BatchRecipient.unreadable("a recipient must be an object with 'to'")).iterator();
    }

    private Opened file(String location) {
        InputStream in;
        try {
            Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
                    ? resources.getResource(location) : null;
            in = resource != null ? resource.getInputStream() : Files.newInputStream(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("recipientsFile '" + location + "' does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("recipientsFile '" + location + "' cannot be read: " + e.getMessage());
        }
        String name = location.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new Opened(BatchReaders.csv(in, null).rows(), in);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return new Opened(BatchReaders.ndjson(in, null, json, null).rows(), in);
        }
        if (name.endsWith(".json")) {
            try (in) {
                return new Opened(fromValue(json.readTree(in).toString()), null);
            } catch (IOException e) {
                throw new IllegalArgumentException("recipientsFile '" + location + "' is not JSON: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("recipientsFile '" + location + "': use a .csv, .ndjson, .jsonl or .json file");
    }
}
