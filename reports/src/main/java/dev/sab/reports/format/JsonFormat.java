package dev.sab.reports.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sab.reports.model.Results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** results.json, schema {@value Results#SCHEMA}: the complete record of a run, and what every other format is made from. */
public final class JsonFormat implements ReportFormat {
    public static final String FILE = "results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    public void write(Results results, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), toBytes(results));
    }

    public static byte[] toBytes(Results results) throws IOException {
        return MAPPER.writeValueAsBytes(results);
    }

    public static String toJson(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Reads a results file, or a directory holding one.
     *
     * @throws IOException naming the file when it is missing, not JSON, or not of schema {@value Results#SCHEMA}
     */
    public static Results read(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(FILE) : fileOrDir;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no results file");
        }
        Results r;
        try {
            r = MAPPER.readValue(file.toFile(), Results.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a sab results file: " + e.getOriginalMessage(), e);
        }
        if (r == null || !Results.SCHEMA.equals(r.schema())) {
            throw new IOException(file + " has schema '" + (r == null ? null : r.schema()) + "', expected '" + Results.SCHEMA + "'");
        }
        return r;
    }

    /** Parses any JSON value into {@code type}; for trial hand-over between processes. */
    public static <T> T fromJson(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T fromJson(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
