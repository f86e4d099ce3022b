package io.smsflows.camunda.journey;

import io.smsflows.sms.compliance.QuietHours;
import io.smsflows.sms.number.PhoneNumbers;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Sending windows for BPMN, as the bean {@code smsWindows}: a timer can wait for the recipient's window instead of
 * letting the pipeline defer the message, e.g. {@code <timeDate>${smsWindows.nextOpening(phone, "marketing")}</timeDate>},
 * and a gateway can ask {@code ${smsWindows.isOpen(phone, "marketing")}}. Times are the engine's (ClockUtil).
 */
public class SendingWindowExpressions {

    private final QuietHours quietHours;

    public SendingWindowExpressions(QuietHours quietHours) {
        this.quietHours = quietHours;
    }

    /** The first time a message of this category may reach the number: now, or its window's next opening. */
    public Date nextOpening(String phone, String category) {
        PhoneNumbers.Parsed number = PhoneNumbers.parse(phone, null);
        Date now = ClockUtil.getCurrentTime();
        return Date.from(quietHours.nextOpening(number.e164(), number.region(), category, now.toInstant()));
    }

    /** Whether a message of this category may reach the number now. */
    public boolean isOpen(String phone, String category) {
        return !nextOpening(phone, category).after(ClockUtil.getCurrentTime());
    }
}
