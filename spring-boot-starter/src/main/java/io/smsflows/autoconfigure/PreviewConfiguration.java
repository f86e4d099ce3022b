package io.smsflows.autoconfigure;

import io.smsflows.sms.codec.SmsEncoder;
import io.smsflows.sms.config.EncodingPolicy;
import io.smsflows.sms.preview.PricingProperties;
import io.smsflows.sms.preview.SmsPreview;
import io.smsflows.sms.preview.SmsPreviewController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Length, encoding and cost of a text before sending it, in Java and at {@code /api/sms/preview}. */
@Configuration(proxyBeanMethods = false)
class PreviewConfiguration {

    @Bean
    SmsPreview smsPreview(SmsEncoder encoder, EncodingPolicy encoding, PricingProperties pricing,
                          org.springframework.beans.factory.ObjectProvider<io.smsflows.sms.link.ShortLinks> links) {
        SmsPreview preview = new SmsPreview(encoder, encoding, pricing);
        preview.setShortLinks(links.getIfAvailable());
        return preview;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    SmsPreviewController smsPreviewController(SmsPreview preview) {
        return new SmsPreviewController(preview);
    }
}
