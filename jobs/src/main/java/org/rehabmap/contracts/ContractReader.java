package org.rehabmap.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rehabmap.config.ConfigError;
import org.rehabmap.contracts.odcs.OdcsContract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binds an ODCS YAML file to {@link OdcsContract}, once, for every layer. A malformed file stops
 * the run with one line naming the file and the field, never a stack trace.
 */
public final class ContractReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ContractReader() {}

    public static OdcsContract read(Path file) {
        String where = "contract " + file.getFileName();
        OdcsContract c;
        try {
            // the tree first, so a syntax error is told apart from a field of the wrong shape
            c = YAML.treeToValue(YAML.readTree(file.toFile()), OdcsContract.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigError(where + ": unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + " (not part of the ODCS v3 subset rehabmap reads; a typo?)");
        } catch (JsonMappingException e) {
            throw new ConfigError(where + ": " + firstLine(e.getOriginalMessage()) + " at " + path(e));
        } catch (JsonProcessingException e) {
            throw new ConfigError(where + " is not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigError("cannot read " + where + ": " + e.getMessage());
        }
        if (c == null) {
            throw new ConfigError(where + " is empty");
        }
        if (!"DataContract".equals(c.kind())) {
            throw new ConfigError(where + ": kind must be DataContract");
        }
        if (c.apiVersion() == null || !c.apiVersion().startsWith("v3")) {
            throw new ConfigError(where + ": apiVersion must be ODCS v3.x");
        }
        if (c.schema().isEmpty()) {
            throw new ConfigError(where + ": schema must list one object");
        }
        return c;
    }

    /** The contract files of one folder, in name order; empty when the folder does not exist. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".odcs.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigError("cannot list contracts in " + dir + ": " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
