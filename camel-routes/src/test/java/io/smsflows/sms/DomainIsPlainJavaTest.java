package io.smsflows.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SMS domain (codec and segments, numbers) is plain Java: usable and testable without Camel, Spring or Camunda,
 * as the layout promises. Checked on the sources, so a stray import fails the build.
 */
class DomainIsPlainJavaTest {

    private static final List<String> DOMAIN = List.of("codec", "number");
    private static final List<String> FRAMEWORKS = List.of("import org.apache.camel", "import org.springframework",
            "import org.camunda", "import jakarta.", "import javax.sql");

    @Test
    void domain_packages_import_no_framework() throws IOException {
        int files = 0;
        for (String pkg : DOMAIN) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/smsflows/sms", pkg))) {
                for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    assertThat(Files.readAllLines(file)).as(file.toString())
                            .noneMatch(line -> FRAMEWORKS.stream().anyMatch(line::startsWith));
                }
            }
        }
        assertThat(files).isGreaterThan(15);
    }
}
