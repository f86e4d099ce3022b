package io.smsflows.sms.smpp;

import org.apache.camel.CamelContext;
import org.apache.camel.component.smpp.SmppBinding;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppMessage;
import org.apache.camel.component.smpp.SmppMessageType;
import org.jsmpp.bean.DeliverSm;

/**
 * Hands every deliver_sm to the route as it came, unparsed (the jSMPP command is in {@link SmppMessage#getCommand()}).
 *
 * <p>Why: camel-smpp's own binding parses receipt text with jSMPP before the route runs; when that fails (a
 * TLV-only receipt with an empty short_message, a non-standard text) it logs "Cannot create exchange ... ignored"
 * and the SMSC still gets an OK response: the receipt is lost. We parse TLVs and text ourselves
 * ({@link io.smsflows.sms.receipt.DeliveryReceiptParser}), after the receipt is stored.
 */
public class RawDeliverSmBinding extends SmppBinding {

    public RawDeliverSmBinding(SmppConfiguration configuration) {
        super(configuration);
    }

    @Override
    public SmppMessage createSmppMessage(CamelContext camelContext, DeliverSm deliverSm) {
        SmppMessage message = new SmppMessage(camelContext, deliverSm, getConfiguration());
        message.setHeader(SmppConstants.MESSAGE_TYPE, deliverSm.isSmscDeliveryReceipt()
                ? SmppMessageType.DeliveryReceipt.toString() : SmppMessageType.DeliverSm.toString());
        message.setBody(deliverSm.getShortMessage());
        return message;
    }
}
