package io.smsflows.sms.carrier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;

/**
 * The mobile network a number was allocated to, from libphonenumber's carrier data ("Orange", "Vodafone"): the
 * original allocation, so a ported number is named by the network it left.
 */
public final class MobileNetworks {

    private MobileNetworks() {
    }

    /** The network's English name, or "" when the data has none for the number. */
    public static String of(String e164) {
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, null);
            return PhoneNumberToCarrierMapper.getInstance().getNameForValidNumber(number, Locale.ENGLISH);
        } catch (NumberParseException e) {
            return "";
        }
    }
}
