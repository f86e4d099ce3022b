package io.smsflows.sms.smpp;

import io.smsflows.sms.codec.WirePart;
import io.smsflows.sms.number.PhoneNumbers;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.smpp.SmppConstants;
import org.jsmpp.bean.ESMClass;

/**
 * Turns a {@link PartSubmission} into what the camel-smpp producer sends byte for byte: our octets travel as an
 * ISO-8859-1 string (camel-smpp re-encodes non-8-bit bodies with the CamelSmppEncoding charset, and Latin-1 maps
 * every octet to itself), data_coding, esm_class and TLVs are set explicitly, and a pass-through splitter stops
 * camel-smpp from splitting again. So what the codec built is what the SMSC receives.
 */
public class SubmitSmHeaders implements Processor {

    private final SmppProperties config;

    public SubmitSmHeaders(SmppProperties config) {
        this.config = config;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        PartSubmission submission = in.getBody(PartSubmission.class);
        WirePart part = submission.part();
        byte[] tonNpi = SmppAddresses.sourceTonNpi(submission.sender(), config);
        in.setBody(new String(part.shortMessage(), StandardCharsets.ISO_8859_1));
        in.setHeader(SmppConstants.ENCODING, StandardCharsets.ISO_8859_1.name());
        in.setHeader(SmppConstants.DATA_CODING, part.dataCoding());
        in.setHeader(SmppConstants.ESM_CLASS, new ESMClass(part.esmClass()));
        in.setHeader(SmppConstants.DATA_SPLITTER, new PassThroughSplitter(part.shortMessage().length));
        in.setHeader(SmppConstants.SOURCE_ADDR, SmppAddresses.sourceAddr(submission.sender()));
        in.setHeader(SmppConstants.SOURCE_ADDR_TON, tonNpi[0]);
        in.setHeader(SmppConstants.SOURCE_ADDR_NPI, tonNpi[1]);
        in.setHeader(SmppConstants.DEST_ADDR, PhoneNumbers.smppDigits(submission.recipient()));
        in.setHeader(SmppConstants.DEST_ADDR_TON, (byte) config.getDestTon());
        in.setHeader(SmppConstants.DEST_ADDR_NPI, (byte) config.getDestNpi());
        // a receipt for every part: the message is delivered only when all parts are
        in.setHeader(SmppConstants.REGISTERED_DELIVERY, (byte) 0x01);
        if (!part.optionalParameters().isEmpty()) {
            in.setHeader(SmppConstants.OPTIONAL_PARAMETER, part.optionalParameters());
        }
    }
}
