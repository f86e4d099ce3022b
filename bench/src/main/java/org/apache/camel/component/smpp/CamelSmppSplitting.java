package org.apache.camel.component.smpp;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * camel-smpp's own encoding and splitting of a submit_sm body, exactly as its producer does it
 * ({@code SmppSmCommand.splitBody}: charset from the configuration, alphabet detection, splitter choice). It lives
 * in camel-smpp's package because {@code splitBody} is protected; benchmark only, never shipped.
 */
public final class CamelSmppSplitting {

    private final SmppSubmitSmCommand command;
    private final CamelContext context;

    public CamelSmppSplitting(CamelContext context) {
        this(context, false);
    }

    /**
     * @param detectAlphabet false: camel-smpp's default configuration (alphabet 0: always ISO-8859-1 octets);
     *                       true: {@code alphabet=-1}, camel-smpp chooses GSM or UCS-2 by its own GSM check
     */
    public CamelSmppSplitting(CamelContext context, boolean detectAlphabet) {
        this.context = context;
        SmppConfiguration configuration = new SmppConfiguration();
        if (detectAlphabet) {
            configuration.setAlphabet((byte) -1);
        }
        this.command = new SmppSubmitSmCommand(null, configuration);
    }

    /** The segments camel-smpp would submit for this text (its default configuration). */
    public byte[][] split(String text) throws SmppException {
        Message message = new DefaultMessage(context);
        message.setBody(text);
        return command.splitBody(message);
    }
}
