package io.smsflows.bench;

import io.smsflows.sms.codec.EncodedSms;
import io.smsflows.sms.codec.EncodingOptions;
import io.smsflows.sms.codec.StandardSmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.preview.SmsPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.smpp.CamelSmppSplitting;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = the whole corpus (seed examples, long GSM, emoji-heavy, mixed, short). Compares our encoder
 * (segmentation with finished wire parts), our preview (the same plus price and part texts) and camel-smpp's own
 * encoding and splitting of the same texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SegmentationBenchmark {

    private List<String> texts;
    private StandardSmsEncoder encoder;
    private SmsPreview preview;
    private CamelSmppSplitting camelSmpp;
    private CamelSmppSplitting camelSmppDetecting;
    private EncodingOptions options;

    @Setup
    public void setUp() {
        texts = new ArrayList<>(Corpus.texts().values());
        encoder = new StandardSmsEncoder();
        preview = new SmsPreview(encoder, EncodingPolicy.defaults(), new PricingProperties());
        camelSmpp = new CamelSmppSplitting(new DefaultCamelContext());
        camelSmppDetecting = new CamelSmppSplitting(new DefaultCamelContext(), true);
        options = EncodingOptions.defaults().withMaxParts(255);
    }

    @Benchmark
    public void ourSegmentation(Blackhole bh) {
        for (String text : texts) {
            EncodedSms encoded = encoder.encode(text, options, 42);
            bh.consume(encoded.parts());
        }
    }

    @Benchmark
    public void ourPreview(Blackhole bh) {
        for (String text : texts) {
            bh.consume(preview.preview(new SmsPreview.PreviewRequest(text, null, "FR", null, null, false)));
        }
    }

    /** camel-smpp's default configuration: every text as ISO-8859-1 octets, no alphabet detection. */
    @Benchmark
    public void camelSmppSplitting(Blackhole bh) throws Exception {
        for (String text : texts) {
            bh.consume(camelSmpp.split(text));
        }
    }

    /** camel-smpp with {@code alphabet=-1}: it detects GSM vs UCS-2 itself (the only way it sends UCS-2 at all). */
    @Benchmark
    public void camelSmppSplittingDetectingAlphabet(Blackhole bh) throws Exception {
        for (String text : texts) {
            bh.consume(camelSmppDetecting.split(text));
        }
    }
}
