package io.smsflows.sms.smpp;

import java.util.List;
import org.apache.camel.ProducerTemplate;

/**
 * The wire through Camel: the parts go to the {@value SmppRoutes#SUBMIT_PARTS} route, whose splitter submits them in
 * parallel on the bind's window through camel-smpp and gathers the answers in order.
 */
public class CamelSmppWire implements SmppWire {

    private final ProducerTemplate producer;

    public CamelSmppWire(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SubmitResult> submit(List<PartSubmission> parts) {
        if (parts.isEmpty()) {
            return List.of();
        }
        return producer.requestBody(SmppRoutes.SUBMIT_PARTS, parts, List.class);
    }
}
