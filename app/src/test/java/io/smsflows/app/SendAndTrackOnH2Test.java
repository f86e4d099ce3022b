package io.smsflows.app;

import org.springframework.test.context.TestPropertySource;

/** The end-to-end loop on the embedded default database. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-h2;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=e2e-h2"})
class SendAndTrackOnH2Test extends SendAndTrackEndToEndTest {
}
