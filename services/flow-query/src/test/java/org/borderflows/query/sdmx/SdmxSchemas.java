package org.borderflows.query.sdmx;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official SDMX schemas beside the repository ({@code ../shared/sdmx} from its top directory, or the folder in
 * the system property {@code sdmx.dir}), and validation of SDMX-ML 3.0 messages against them.
 */
public final class SdmxSchemas {
    private SdmxSchemas() {}

    /** The shared SDMX folder; fails naming where it looked when it is missing. */
    public static Path dir() {
        String property = System.getProperty("sdmx.dir");
        if (property != null && Files.isDirectory(Path.of(property, "sdmx-ml-3.0"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("sdmx");
            if (d.getParent() != null
                    && Files.exists(d.resolve("pom.xml"))
                    && !Files.exists(d.getParent().resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("sdmx-ml-3.0"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("the official SDMX schemas are missing: expected ../shared/sdmx beside the"
                + " repository's top directory (searched up from " + start + ") or -Dsdmx.dir=<folder> (was "
                + property + ")");
    }

    /**
     * The errors of an SDMX-JSON message against an official SDMX-JSON schema (empty when valid).
     *
     * @param schemaFile sdmx-json-data-schema.json or sdmx-json-structure-schema.json
     */
    public static java.util.Set<com.networknt.schema.ValidationMessage> validateJson(String message, String schemaFile)
            throws java.io.IOException {
        com.networknt.schema.JsonSchemaFactory factory = com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V201909);
        try (java.io.InputStream in =
                Files.newInputStream(dir().resolve("sdmx-json").resolve(schemaFile))) {
            // The schemas choose between date and date-time by "format" (oneOf): formats must be asserted.
            com.networknt.schema.SchemaValidatorsConfig config = com.networknt.schema.SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            com.networknt.schema.JsonSchema schema = factory.getSchema(in, config);
            return schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(message));
        }
    }

    /** Validates an SDMX-ML 3.0 message against SDMXMessage.xsd (and a DSD-specific schema for data, if given). */
    public static void validateMl30(String message, String dsdSchema) throws SAXException, java.io.IOException {
        File xsdDir = dir().resolve("sdmx-ml-3.0").toFile();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source main = new StreamSource(new File(xsdDir, "SDMXMessage.xsd"));
        Schema schema;
        if (dsdSchema == null) {
            schema = factory.newSchema(main);
        } else {
            // The DSD-specific schema imports the official modules by relative location, as if it sat beside them.
            StreamSource dsd = new StreamSource(new StringReader(dsdSchema));
            dsd.setSystemId(new File(xsdDir, "dsd-specific.xsd").toURI().toString());
            schema = factory.newSchema(new Source[] {main, dsd});
        }
        schema.newValidator().validate(new StreamSource(new StringReader(message)));
    }
}
