package io.smsflows.sms.link;

import java.time.Instant;

/**
 * Told of every click by a person (not a bot or preview) on a message's short link; the Camunda integration
 * correlates {@code SmsLinkClicked} into the message's process when it waits for it. Must not throw: a click
 * always gets its redirect.
 */
@FunctionalInterface
public interface LinkClickListener {

    void clicked(ShortLinks.Link link, Instant at);

    LinkClickListener NONE = (link, at) -> { };
}
