package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.config.SmsFlowsProperties;
import io.smsflows.sms.number.PhoneNumbers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.bean.ESMClass;

/**
 * Sends a part through the camel-smpp producer route byte for byte: our octets travel as an ISO-8859-1 string
 * (camel-smpp re-encodes non-8-bit bodies with the CamelSmppEncoding charset, and Latin-1 maps every octet to
 * itself), data_coding, esm_class and TLVs are set explicitly, and a pass-through splitter stops camel-smpp from
 * splitting again. So what the codec built is what the SMSC receives.
 */
public class CamelSmppWire implements SmppWire {

    public static final String ROUTE_URI = "direct:sms-smpp-out";

    private final ProducerTemplate producer;
    private final SmsFlowsProperties.Smpp config;

    public CamelSmppWire(ProducerTemplate producer, SmsFlowsProperties.Smpp config) {
        this.producer = producer;
        this.config = config;
    }

    @Override
    public String submit(String sender, String recipient, WirePart part) throws SubmitFailure {
        byte[] tonNpi = SmppAddresses.sourceTonNpi(sender, config);
        Exchange result = producer.send(ROUTE_URI, exchange -> {
            var in = exchange.getIn();
            in.setBody(new String(part.shortMessage(), StandardCharsets.ISO_8859_1));
            in.setHeader(SmppConstants.ENCODING, StandardCharsets.ISO_8859_1.name());
            in.setHeader(SmppConstants.DATA_CODING, part.dataCoding());
            in.setHeader(SmppConstants.ESM_CLASS, new ESMClass(part.esmClass()));
            in.setHeader(SmppConstants.DATA_SPLITTER, new PassThroughSplitter(part.shortMessage().length));
            in.setHeader(SmppConstants.SOURCE_ADDR, SmppAddresses.sourceAddr(sender));
            in.setHeader(SmppConstants.SOURCE_ADDR_TON, tonNpi[0]);
            in.setHeader(SmppConstants.SOURCE_ADDR_NPI, tonNpi[1]);
            in.setHeader(SmppConstants.DEST_ADDR, PhoneNumbers.smppDigits(recipient));
            in.setHeader(SmppConstants.DEST_ADDR_TON, (byte) config.getDestTon());
            in.setHeader(SmppConstants.DEST_ADDR_NPI, (byte) config.getDestNpi());
            // a receipt for every part: the message is delivered only when all parts are
            in.setHeader(SmppConstants.REGISTERED_DELIVERY, (byte) 0x01);
            if (!part.optionalParameters().isEmpty()) {
                in.setHeader(SmppConstants.OPTIONAL_PARAMETER, part.optionalParameters());
            }
        });
        if (result.getException() != null) {
            throw SmppErrors.classify(result.getException());
        }
        Object ids = result.getMessage().getHeader(SmppConstants.ID);
        if (ids instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return list.get(0).toString();
        }
        throw new SubmitFailure(true, "NO_ID", "submit_sm_resp carried no message id", null);
    }
}
