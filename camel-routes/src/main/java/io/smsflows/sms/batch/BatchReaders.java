package io.smsflows.sms.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads batch uploads as streams, one row at a time, so a million rows never sit in memory:
 * <ul>
 *   <li>JSON: {@code {"category":..., "text":..., "recipients":[{"to":..., "variables":{...}}, ...]}}, the header
 *       fields before {@code recipients};</li>
 *   <li>NDJSON: one recipient object per line; an optional first line without {@code to} is the header;</li>
 *   <li>CSV (RFC 4180, first line = column names): {@code to} required, {@code text} and {@code locale} optional,
 *       every other column a variable.</li>
 * </ul>
 * Header fields of NDJSON and CSV can come as query parameters. A malformed row of NDJSON or CSV is rejected on its
 * own; malformed JSON fails the whole request (its structure is lost).
 */
public final class BatchReaders {

    /** What an upload holds: the header and its rows (read while the batch is accepted). */
    public record Upload(BatchRequest request, Iterator<BatchRecipient> rows) {
    }

    private static final Set<String> HEADER = Set.of("category", "sender", "text", "template", "locale",
            "smartReplacement", "idempotencyKey");
    private static final Set<String> ROW = Set.of("to", "text", "locale", "variables");

    private BatchReaders() {
    }

    /** Header fields given as query parameters (NDJSON, CSV). */
    public static BatchRequest header(Map<String, String> params, String createdBy) {
        Map<String, Object> fields = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!HEADER.contains(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "': the header fields are " + HEADER);
            }
            fields.put(k, v);
        });
        return request(fields, createdBy);
    }

    public static Upload json(InputStream body, ObjectMapper mapper, String createdBy) {
        try {
            JsonParser p = mapper.getFactory().createParser(body);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the body must be a JSON object with the header fields and "
                        + "'recipients' (an array)");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("recipients".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IllegalArgumentException("'recipients' must be an array of {\"to\": ...} objects");
                    }
                    return new Upload(request(fields, createdBy), new JsonRows(p, mapper));
                }
                if (!HEADER.contains(name)) {
                    throw new IllegalArgumentException("unknown field '" + name + "': the fields are " + HEADER
                            + " and 'recipients'");
                }
                if (value.isStructStart()) {
                    throw new IllegalArgumentException("'" + name + "' must be a string or boolean");
                }
                fields.put(name, p.getValueAsString());
            }
            throw new IllegalArgumentException("'recipients' is missing: give an array of {\"to\": \"+33612345678\", "
                    + "\"variables\": {...}} objects");
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Upload ndjson(InputStream body, BatchRequest fromParams, ObjectMapper mapper, String createdBy) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        try {
            String first = nextNonBlank(lines);
            BatchRequest request = fromParams;
            String pending = first;
            if (first != null) {
                JsonNode node = readLine(first, mapper);
                if (node instanceof ObjectNode object && !object.has("to")) {
                    Map<String, Object> fields = new LinkedHashMap<>(asFields(fromParams));
                    object.fields().forEachRemaining(e -> {
                        if (!HEADER.contains(e.getKey())) {
                            throw new IllegalArgumentException("unknown header field '" + e.getKey()
                                    + "' in the first line: the header fields are " + HEADER);
                        }
                        fields.put(e.getKey(), e.getValue().asText());
                    });
                    request = request(fields, createdBy);
                    pending = null;
                }
            }
            return new Upload(request, new NdjsonRows(lines, pending, mapper));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Upload csv(InputStream body, BatchRequest fromParams) {
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        try {
            MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(reader);
            CsvSchema schema = (CsvSchema) rows.getParserSchema();
            if (schema == null || schema.column("to") == null) {
                throw new IllegalArgumentException("the CSV needs a header line with a 'to' column (and optionally "
                        + "'text', 'locale' and one column per variable)");
            }
            return new Upload(fromParams, new CsvRows(rows));
        } catch (IOException e) {
            throw new IllegalArgumentException("the CSV cannot be read: " + e.getMessage(), e);
        }
    }

    private static BatchRequest request(Map<String, Object> f, String createdBy) {
        return BatchRequest.of(str(f, "category"), str(f, "sender"), str(f, "text"), str(f, "template"),
                str(f, "locale"), Boolean.parseBoolean(str(f, "smartReplacement")), str(f, "idempotencyKey"),
                createdBy);
    }

    private static Map<String, Object> asFields(BatchRequest r) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (r == null) {
            return f;
        }
        put(f, "category", r.category());
        put(f, "sender", r.sender());
        put(f, "text", r.text());
        put(f, "template", r.template());
        put(f, "locale", r.locale());
        put(f, "idempotencyKey", r.idempotencyKey());
        if (r.smartReplacement()) {
            f.put("smartReplacement", "true");
        }
        return f;
    }

    private static void put(Map<String, Object> f, String k, String v) {
        if (v != null) {
            f.put(k, v);
        }
    }

    private static String str(Map<String, Object> f, String k) {
        Object v = f.get(k);
        return v == null ? null : v.toString();
    }

    private static IllegalArgumentException malformed(JsonProcessingException e) {
        var at = e.getLocation();
        return new IllegalArgumentException("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
    }

    private static String nextNonBlank(BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static JsonNode readLine(String line, ObjectMapper mapper) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A recipient object, checked field by field (a wrong row is rejected with the reason). */
    public static BatchRecipient recipient(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return BatchRecipient.unreadable("a row must be a JSON object like {\"to\": \"+33612345678\"}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ROW.contains(name)) {
                return BatchRecipient.unreadable("unknown field '" + name + "': a row has " + ROW);
            }
        }
        JsonNode variables = object.get("variables");
        Map<String, Object> vars = new LinkedHashMap<>();
        if (variables != null && !variables.isNull()) {
            if (!variables.isObject()) {
                return BatchRecipient.unreadable("'variables' must be an object of names to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    return BatchRecipient.unreadable("variable '" + e.getKey() + "' must be a string, number or "
                            + "boolean");
                }
                if (!e.getValue().isNull()) {
                    vars.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return new BatchRecipient(text(object, "to"), text(object, "text"), text(object, "locale"), vars, null);
    }

    private static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The elements of the recipients array, read one at a time; fields after the array are refused. */
    private static final class JsonRows implements Iterator<BatchRecipient> {
        private final JsonParser p;
        private final ObjectMapper mapper;
        private Boolean more;

        JsonRows(JsonParser p, ObjectMapper mapper) {
            this.p = p;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (more == null) {
                try {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        JsonToken after = p.nextToken();
                        if (after == JsonToken.FIELD_NAME) {
                            throw new IllegalArgumentException("field '" + p.currentName() + "' comes after "
                                    + "'recipients': put 'recipients' last");
                        }
                        more = false;
                    } else if (t == null) {
                        throw new IllegalArgumentException("malformed JSON: the body ends inside 'recipients'");
                    } else {
                        more = true;
                    }
                } catch (JsonProcessingException e) {
                    throw malformed(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return more;
        }

        @Override
        public BatchRecipient next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            more = null;
            try {
                return recipient(mapper.readTree(p));
            } catch (JsonProcessingException e) {
                throw malformed(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One recipient per line; a line that is not JSON is a rejected row. */
    private static final class NdjsonRows implements Iterator<BatchRecipient> {
        private final BufferedReader lines;
        private final ObjectMapper mapper;
        private String next;
        private boolean read;

        NdjsonRows(BufferedReader lines, String first, ObjectMapper mapper) {
            this.lines = lines;
            this.mapper = mapper;
            this.next = first;
            this.read = first != null;
        }

        @Override
        public boolean hasNext() {
            if (!read) {
                try {
                    next = nextNonBlank(lines);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                read = true;
            }
            return next != null;
        }

        @Override
        public BatchRecipient next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            read = false;
            JsonNode node = readLine(next, mapper);
            return node == null ? BatchRecipient.unreadable("the line is not JSON: one recipient object per line")
                    : recipient(node);
        }
    }

    /** CSV data lines; {@code to}, {@code text}, {@code locale} and one column per variable. */
    private static final class CsvRows implements Iterator<BatchRecipient> {
        private final MappingIterator<Map<String, String>> rows;

        CsvRows(MappingIterator<Map<String, String>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNextValue();
            } catch (IOException e) {
                throw new IllegalArgumentException("the CSV cannot be read: " + e.getMessage(), e);
            }
        }

        @Override
        public BatchRecipient next() {
            Map<String, String> row;
            try {
                row = rows.nextValue();
            } catch (RuntimeException | IOException e) {
                return BatchRecipient.unreadable("the line cannot be read as CSV: " + e.getMessage());
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!List.of("to", "text", "locale").contains(k) && v != null && !v.isEmpty()) {
                    vars.put(k, v);
                }
            });
            return new BatchRecipient(row.get("to"), emptyToNull(row.get("text")), emptyToNull(row.get("locale")),
                    vars, null);
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
