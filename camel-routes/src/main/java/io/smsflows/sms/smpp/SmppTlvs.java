package io.smsflows.sms.smpp;

import java.util.HashMap;
import java.util.Map;
import org.jsmpp.bean.OptionalParameter;

/** jSMPP optional parameters as tag -> raw value octets, the form our parsers and tests read. */
public final class SmppTlvs {

    private SmppTlvs() {
    }

    public static Map<Short, byte[]> toMap(OptionalParameter[] params) {
        Map<Short, byte[]> result = new HashMap<>();
        if (params != null) {
            for (OptionalParameter p : params) {
                byte[] serialized = p.serialize(); // tag (2) + length (2) + value
                byte[] value = new byte[serialized.length - 4];
                System.arraycopy(serialized, 4, value, 0, value.length);
                result.put(p.tag, value);
            }
        }
        return result;
    }
}
