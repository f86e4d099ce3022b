package io.smsflows.sms.smpp;

import io.smsflows.sms.inbound.InboundStore;
import io.smsflows.sms.inbound.RawMo;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.receipt.DeliveryReceipt;
import io.smsflows.sms.receipt.DeliveryReceiptParser;
import io.smsflows.sms.receipt.ReceiptStore;
import io.smsflows.sms.receipt.SmscMessageIds;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.smpp.SmppMessage;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stop of every deliver_sm: store it, and only then let camel-smpp answer the SMSC. A receipt becomes a row
 * in sms_receipt ({@link ReceiptStore}: stored with others in one commit, matched later in batches); a
 * mobile-originated message becomes a row in sms_inbound ({@link InboundStore}). If storing fails, the SMSC gets
 * ESME_RX_T_APPN and delivers it again.
 */
public class SmppInboundProcessor implements Processor {

    /** Exchange header telling the route what was stored: "receipt" or "inbound". */
    public static final String KIND = "SmsFlowsKind";

    private static final Logger LOG = LoggerFactory.getLogger(SmppInboundProcessor.class);
    private static final int ESME_RX_T_APPN = 0x64;

    private final ReceiptStore receipts;
    private final InboundStore inbound;
    private final String carrier;

    public SmppInboundProcessor(ReceiptStore receipts, InboundStore inbound) {
        this(receipts, inbound, null);
    }

    private SmppInboundProcessor(ReceiptStore receipts, InboundStore inbound, String carrier) {
        this.receipts = receipts;
        this.inbound = inbound;
        this.carrier = carrier;
    }

    /** The same processor for the binds of one carrier: its receipts' ids are scoped to it, as its submits' are. */
    public SmppInboundProcessor forCarrier(String name) {
        return new SmppInboundProcessor(receipts, inbound, name);
    }

    @Override
    public void process(Exchange exchange) throws ProcessRequestException {
        SmppMessage message = exchange.getIn(SmppMessage.class);
        if (message == null || !(message.getCommand() instanceof DeliverSm deliverSm)) {
            LOG.debug("Ignoring {} on the SMPP receive route", message == null ? null : message.getCommand());
            exchange.getIn().setHeader(KIND, "ignored");
            return;
        }
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                byte[] body = deliverSm.getShortMessage();
                DeliveryReceipt receipt = DeliveryReceiptParser.parse(
                        body == null ? null : new String(body, StandardCharsets.ISO_8859_1), SmppTlvs.toMap(deliverSm.getOptionalParameters()),
                        deliverSm.getSourceAddr(), deliverSm.getDestAddress());
                receipts.store(new DeliveryReceipt(SmscMessageIds.scoped(carrier, receipt.smscMessageId()),
                        receipt.rawMessageId(), receipt.state(), receipt.errorCode(), receipt.submitDate(),
                        receipt.doneDate(), receipt.sourceAddr(), receipt.destAddr(), receipt.rawText()));
                exchange.getIn().setHeader(KIND, "receipt");
            } else {
                storeInbound(deliverSm);
                exchange.getIn().setHeader(KIND, "inbound");
            }
        } catch (RuntimeException e) {
            LOG.error("Could not store deliver_sm from {}; the SMSC will deliver it again: {}",
                    PhoneNumbers.mask(deliverSm.getSourceAddr()), e.toString());
            throw new ProcessRequestException("could not store: " + e.getMessage(), ESME_RX_T_APPN);
        }
    }

    private void storeInbound(DeliverSm deliverSm) {
        inbound.store(new RawMo(deliverSm.getSourceAddr(), deliverSm.getDestAddress(), deliverSm.getDataCoding() & 0xFF,
                deliverSm.getEsmClass() & 0xFF, deliverSm.getShortMessage(),
                SmppTlvs.toMap(deliverSm.getOptionalParameters())));
    }
}
