package io.smsflows.sms.reply;

import io.smsflows.sms.consent.ConsentProperties;
import io.smsflows.sms.consent.ConsentScopes;
import io.smsflows.sms.consent.ConsentSource;
import io.smsflows.sms.consent.Suppression;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.inbound.InboundMessage;
import io.smsflows.sms.inbound.InboundMessageRepository;
import io.smsflows.sms.number.PhoneNumbers;
import io.smsflows.sms.outbox.OutboundSms;
import io.smsflows.sms.outbox.SmsOutbox;
import io.smsflows.sms.support.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes stored inbound messages, off the SMPP thread, in this order:
 * <ol>
 *   <li>parts of concatenated messages wait for their siblings and are assembled (or, after the reassembly timeout,
 *       processed as the partial message they are);</li>
 *   <li>carrier keywords: an opt-out is stored on the suppression list first, then the unsubscribe journey starts;
 *       START and code words re-subscribe; HELP gets the help text;</li>
 *   <li>the reply goes to the most recent open conversation of that number, classified by the reply-intent
 *       decision; with none, the unsolicited-reply process handles it.</li>
 * </ol>
 * A process that is not ready yet (still waiting for the receipt) gets the reply again after a short delay.
 */
public class ReplyProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyProcessor.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    private static final int MAX_ATTEMPTS = 200;

    private final InboundMessageRepository inbound;
    private final Conversations conversations;
    private final SuppressionList suppressions;
    private final AutoReplies autoReplies;
    private final Keywords keywords;
    private final SmsOutbox outbox;
    private final ReplyListener listener;
    private final TransactionTemplate transactions;
    private final ReplyProperties config;
    private final ConsentProperties consent;
    private final Clock clock;

    public ReplyProcessor(InboundMessageRepository inbound, Conversations conversations, SuppressionList suppressions,
                          AutoReplies autoReplies, SmsOutbox outbox, ReplyListener listener,
                          TransactionTemplate transactions, ReplyProperties config, ConsentProperties consent,
                          Clock clock) {
        this.inbound = inbound;
        this.conversations = conversations;
        this.suppressions = suppressions;
        this.autoReplies = autoReplies;
        this.keywords = new Keywords(config);
        this.outbox = outbox;
        this.listener = listener;
        this.transactions = transactions;
        this.config = config;
        this.consent = consent;
        this.clock = clock;
    }

    /** One round: true if it filled its batch and more may be due. */
    public boolean processDue() {
        Instant now = clock.instant();
        conversations.expire();
        for (InboundMessage timedOut : inbound.waitingSince(now.minus(config.getReassemblyTimeout()))) {
            assemble(timedOut, true);
        }
        List<InboundMessage> claimed = inbound.claimDue(now, now.plus(LEASE), BATCH);
        for (InboundMessage m : claimed) {
            try {
                if (InboundMessage.PART.equals(m.kind())) {
                    assemble(m, false);
                } else {
                    handle(m, false);
                }
            } catch (RuntimeException e) {
                retry(m, "processing failed: " + e);
                LOG.warn("Inbound SMS {} from {}: processing failed, retrying: {}", m.id(), PhoneNumbers.mask(m.from()),
                        e.toString());
            }
        }
        return claimed.size() == BATCH;
    }

    /** Joins the parts of a concatenated message once all are there (or, when {@code timedOut}, those that are). */
    private void assemble(InboundMessage part, boolean timedOut) {
        Instant since = part.receivedAt().minus(config.getReassemblyTimeout()).minus(Duration.ofDays(1));
        List<InboundMessage> siblings = inbound.siblings(part, since);
        if (siblings.stream().noneMatch(p -> p.id().equals(part.id()))) {
            return; // assembled meanwhile, with a sibling that timed out in the same round
        }
        Map<Integer, InboundMessage> bySeq = new TreeMap<>();
        siblings.stream().sorted(Comparator.comparing(InboundMessage::receivedAt))
                .forEach(p -> bySeq.putIfAbsent(p.concatSeq(), p));
        int total = part.concatTotal();
        boolean complete = bySeq.size() == total;
        if (!complete && !timedOut) {
            inbound.waiting(part.id());
            return;
        }
        String text = bySeq.values().stream().map(InboundMessage::text).collect(Collectors.joining());
        String reason = complete ? null : "partial: parts " + missing(bySeq, total) + " of " + total
                + " never arrived within " + config.getReassemblyTimeout();
        String id = UUID.randomUUID().toString();
        InboundMessage assembled = new InboundMessage(id, part.from(), part.to(), text, part.dataCoding(),
                InboundMessage.MESSAGE, "PROCESSING", reason, part.concatRef(), total, null,
                bySeq.values().stream().map(InboundMessage::receivedAt).max(Comparator.naturalOrder()).orElse(part.receivedAt()), 0);
        List<String> ids = siblings.stream().map(InboundMessage::id).toList();
        Boolean won = transactions.execute(status -> {
            if (inbound.assembled(ids, id) != ids.size()) {
                status.setRollbackOnly(); // another node assembled them first
                return false;
            }
            inbound.insert(assembled, null, null);
            return true;
        });
        if (Boolean.TRUE.equals(won)) {
            LOG.info("Inbound SMS {} assembled from {} of {} part(s){}", id, bySeq.size(), total,
                    complete ? "" : " (partial)");
            handle(assembled, !complete);
        }
    }

    private void handle(InboundMessage m, boolean partial) {
        String normalised = ReplyText.normalise(m.text());
        String region = PhoneNumbers.region(m.from());
        KeywordMatch keyword = keywords.match(normalised, region);
        InboundReply reply = new InboundReply(m.id(), m.from(), m.to(), m.text(), normalised, null, null,
                Locales.forRegion(region), m.receivedAt(), partial || m.reason() != null && m.reason().startsWith("partial"));
        switch (keyword.kind()) {
            case OPT_OUT -> optOut(m, reply, keyword.scope());
            case START -> resubscribe(m, reply, keyword.scope());
            case OPT_IN -> optIn(m, reply, keyword.scope());
            case HELP -> help(m, reply);
            case CANCEL -> toConversation(m, reply, true);
            case NONE -> toConversation(m, reply, false);
        }
    }

    private void optOut(InboundMessage m, InboundReply reply, String codeWordScope) {
        String scope = scope(m, codeWordScope);
        // stored first and on its own: whatever happens next, nothing more reaches the number
        Suppression suppression = suppressions.suppress(m.from(), scope, ConsentSource.SMS,
                "keyword " + reply.normalised(), m.text(), m.id(), null);
        InboundReply stop = reply.withIntent(ReplyIntent.of(ReplyIntent.STOP));
        transactions.executeWithoutResult(status -> {
            conversations.closeAll(m.from(), "OPTED_OUT");
            listener.optedOut(stop, suppression);
            inbound.done(m.id(), "DONE", reply.normalised(), ReplyIntent.STOP, null, null);
        });
    }

    private void resubscribe(InboundMessage m, InboundReply reply, String codeWordScope) {
        String scope = scope(m, codeWordScope);
        InboundReply start = reply.withIntent(ReplyIntent.of(ReplyIntent.START));
        transactions.executeWithoutResult(status -> {
            listener.resubscribeRequested(start, scope);
            inbound.done(m.id(), "DONE", reply.normalised(), ReplyIntent.START, null, null);
        });
    }

    private void optIn(InboundMessage m, InboundReply reply, String codeWordScope) {
        InboundReply join = reply.withIntent(ReplyIntent.of(ReplyIntent.OPT_IN));
        transactions.executeWithoutResult(status -> {
            listener.optInRequested(join, scope(m, codeWordScope));
            inbound.done(m.id(), "DONE", reply.normalised(), ReplyIntent.OPT_IN, null, null);
        });
    }

    /** A code word's own scope, else GLOBAL, or the number written to when opt-outs are per sender. */
    private String scope(InboundMessage m, String codeWordScope) {
        if (codeWordScope != null) {
            return codeWordScope;
        }
        return consent.getScope() == ConsentProperties.ScopeMode.SENDER
                ? ConsentScopes.senderKey(m.to()) : Suppression.GLOBAL;
    }

    private void help(InboundMessage m, InboundReply reply) {
        String reason = null;
        if (suppressions.blocking(m.from(), m.to()).isPresent()) {
            reason = "not answered: the number opted out";
        } else {
            OutboundSms answer = new OutboundSms(m.from(), config.getHelpText(), m.to(),
                    OutboundSms.TRANSACTIONAL, "help:" + m.id(), null, null, null, null, null, false);
            try {
                outbox.enqueue(answer);
            } catch (io.smsflows.sms.number.InvalidSenderException e) {
                reason = "not answered: " + e.getMessage();
            }
        }
        inbound.done(m.id(), "DONE", reply.normalised(), ReplyIntent.HELP, null, reason);
    }

    private void toConversation(InboundMessage m, InboundReply reply, boolean cancelWord) {
        List<Conversation> open = conversations.openFor(m.from(), m.to(), clock.instant());
        if (open.isEmpty()) {
            if (cancelWord) {
                optOut(m, reply, null); // CANCEL with nothing to cancel: the customer wants no more messages
                return;
            }
            unsolicited(m, reply);
            return;
        }
        for (Conversation c : open) {
            String locale = c.locale() != null ? c.locale() : reply.locale();
            ReplyIntent intent = cancelWord ? ReplyIntent.of(ReplyIntent.CANCEL) : listener.classify(reply.normalised(), locale);
            InboundReply classified = new InboundReply(reply.id(), reply.from(), reply.to(), reply.text(),
                    reply.normalised(), intent.intent(), intent.choice(), locale, reply.receivedAt(), reply.partial());
            ReplyListener.Delivery delivery = deliver(c, classified, m);
            switch (delivery) {
                case DONE -> {
                    LOG.info("Reply {} from {} correlated as '{}' ({}) into process {}", m.id(),
                            PhoneNumbers.mask(m.from()), c.messageName(), intent.intent(), c.processInstanceId());
                    return;
                }
                case RETRY -> {
                    retry(m, "process " + c.processInstanceId() + " is not waiting for '" + c.messageName() + "' yet");
                    return;
                }
                case GONE -> conversations.close(c.id(), "GONE");
            }
        }
        unsolicited(m, reply); // every open conversation belonged to a finished process
    }

    private ReplyListener.Delivery deliver(Conversation c, InboundReply reply, InboundMessage m) {
        try {
            ReplyListener.Delivery result = transactions.execute(status -> {
                ReplyListener.Delivery d = listener.reply(c, reply);
                if (d == ReplyListener.Delivery.DONE) {
                    conversations.answered(c.id(), m.id());
                    inbound.done(m.id(), "DONE", reply.normalised(), reply.intent(), c.id(), null);
                } else {
                    status.setRollbackOnly();
                }
                return d;
            });
            return result == null ? ReplyListener.Delivery.RETRY : result;
        } catch (org.springframework.transaction.UnexpectedRollbackException e) {
            return ReplyListener.Delivery.RETRY;
        }
    }

    private void unsolicited(InboundMessage m, InboundReply reply) {
        ReplyIntent intent = listener.classify(reply.normalised(), reply.locale());
        InboundReply classified = reply.withIntent(intent);
        boolean autoReply = config.getUnsolicited() == ReplyProperties.UnsolicitedMode.AUTO_REPLY
                && suppressions.blocking(m.from(), m.to()).isEmpty() && autoReplies.claim(m.from());
        transactions.executeWithoutResult(status -> {
            listener.unsolicited(classified, autoReply);
            inbound.done(m.id(), "DONE", reply.normalised(), intent.intent(), null,
                    m.reason() == null ? "no open conversation" : m.reason() + "; no open conversation");
        });
        LOG.info("Inbound SMS {} from {}: no open conversation, unsolicited-reply process started", m.id(),
                PhoneNumbers.mask(m.from()));
    }

    private void retry(InboundMessage m, String reason) {
        int attempts = m.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            // kept, visible, and not retried for ever; an operator can look at sms_inbound
            inbound.done(m.id(), "FAILED", null, null, null, "gave up after " + attempts + " attempts: " + reason);
            LOG.error("Inbound SMS {} from {}: gave up after {} attempts: {}", m.id(), PhoneNumbers.mask(m.from()),
                    attempts, reason);
            return;
        }
        Duration delay = Clocks.backoff(attempts, config.getRetryDelay(), Duration.ofMinutes(1));
        inbound.retry(m.id(), attempts, clock.instant().plus(delay), reason);
    }

    private static String missing(Map<Integer, InboundMessage> bySeq, int total) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= total; i++) {
            if (!bySeq.containsKey(i)) {
                b.append(b.isEmpty() ? "" : ", ").append(i);
            }
        }
        return b.toString();
    }
}
