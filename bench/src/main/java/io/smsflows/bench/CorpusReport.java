package io.smsflows.bench;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.StandardSmsEncoder;
import java.util.Map;
import org.apache.camel.component.smpp.CamelSmppSplitting;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Prints, per corpus text, what each side would send: our encoding and parts, camel-smpp's parts (and whether
 * they decode back to the text). Run: java -cp bench/target/benchmarks.jar io.smsflows.bench.CorpusReport
 */
public final class CorpusReport {

    private CorpusReport() {
    }

    public static void main(String[] args) throws Exception {
        StandardSmsEncoder encoder = new StandardSmsEncoder();
        CamelSmppSplitting camel = new CamelSmppSplitting(new DefaultCamelContext());
        CamelSmppSplitting detecting = new CamelSmppSplitting(new DefaultCamelContext(), true);
        System.out.printf("| %-26s | %5s | ours | camel-smpp default | octets per segment | camel-smpp alphabet=-1 |%n",
                "text", "chars");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, String> e : Corpus.texts().entrySet()) {
            EncodedSms ours = encoder.encode(e.getValue(), EncodingOptions.defaults().withMaxParts(255), 1);
            byte[][] theirs = camel.split(e.getValue());
            StringBuilder sizes = new StringBuilder();
            for (byte[] segment : theirs) {
                sizes.append(sizes.isEmpty() ? "" : ", ").append(segment.length);
            }
            System.out.printf("| %-26s | %5d | %s x%d | x%d | %s | x%d |%n", e.getKey(), e.getValue().length(),
                    ours.alphabet(), ours.segments(), theirs.length, sizes, detecting.split(e.getValue()).length);
        }
    }
}
