package io.smsflows.sms.link;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Short links: {@code {{link:https://shop.example/bf}}} in a text becomes {@code <base>/s/<code>}, a code of its own
 * for each message, so a click says who clicked. Codes are random (SecureRandom, base 62), never derived from the
 * URL or the number. Only URLs written in a text are stored, and {@code /s/<code>} redirects only to a stored one:
 * no open redirect.
 */
public class ShortLinks {

    /** {@code {{link:<http(s) URL>}}}; the URL ends at whitespace or the closing braces. */
    public static final Pattern LINK = Pattern.compile("\\{\\{\\s*link:\\s*(\\S+?)\\s*}}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link to store with its message. */
    public record NewLink(String code, String targetUrl, String messageId, String batchId, String recipient) {
    }

    /** A stored link. */
    public record Link(String code, String targetUrl, String messageId, String batchId, Instant expiresAt) {
    }

    /** The text with its links shortened, and the links to store. */
    public record Shortened(String text, List<NewLink> links) {
    }

    private final JdbcTemplate jdbc;
    private final LinkProperties config;
    private final Clock clock;
    private final String prefix;

    public ShortLinks(JdbcTemplate jdbc, LinkProperties config, Clock clock) {
        if (config.getCodeLength() < 6 || config.getCodeLength() > 16) {
            throw new IllegalArgumentException("smsflows.links.code-length must be 6 to 16");
        }
        URI base = URI.create(config.getBaseUrl().trim());
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("smsflows.links.base-url must be an http(s) URL with a host, e.g. "
                    + "https://s.shop.example, not '" + config.getBaseUrl() + "'");
        }
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
        this.prefix = config.getBaseUrl().trim().replaceAll("/+$", "") + "/s/";
    }

    /** Whether a text has links to shorten. */
    public static boolean hasLinks(String text) {
        return text != null && text.contains("{{") && LINK.matcher(text).find();
    }

    /**
     * Replaces every link of the text by a new short link for this message.
     *
     * @throws IllegalArgumentException for a link that is not an absolute http(s) URL (says which)
     */
    public Shortened shorten(String text, String messageId, String batchId, String recipient) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        List<NewLink> links = new ArrayList<>();
        while (m.find()) {
            String target = validTarget(m.group(1));
            String code = newCode();
            links.add(new NewLink(code, target, messageId, batchId, recipient));
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + code));
        }
        m.appendTail(out);
        return new Shortened(out.toString(), links);
    }

    /** The text as it will be sent, for length previews: each link replaced by a short link of the real length. */
    public String preview(String text) {
        return LINK.matcher(text).replaceAll(Matcher.quoteReplacement(prefix + "x".repeat(config.getCodeLength())));
    }

    /** Stores links in the caller's transaction (the one that stores their messages). */
    public void insert(List<NewLink> links) {
        if (links.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Timestamp created = Timestamp.from(now);
        Timestamp expires = Timestamp.from(now.plus(config.getValidFor()));
        jdbc.batchUpdate("insert into sms_link (code, target_url, message_id, batch_id, recipient, created_at, "
                + "expires_at) values (?, ?, ?, ?, ?, ?, ?)", links.stream().map(l -> new Object[] {l.code(),
                l.targetUrl(), l.messageId(), l.batchId(), l.recipient(), created, expires}).toList());
    }

    /** A link that still redirects. */
    public Optional<Link> find(String code) {
        return jdbc.query("select code, target_url, message_id, batch_id, expires_at from sms_link where code = ?",
                (rs, i) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), code).stream()
                .filter(l -> l.expiresAt().isAfter(clock.instant())).findFirst();
    }

    /** Records one request to a link. */
    public void click(String code, String userAgent, boolean bot) {
        jdbc.update("insert into sms_link_click (id, code, clicked_at, user_agent, bot) values (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), code, Timestamp.from(clock.instant()),
                userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length())), bot);
    }

    /** Clicks of a batch's links: every click by a person, unique ones (one per link), and bots and previews. */
    public record Clicks(int links, int clicks, int uniqueClicks, int botRequests) {
    }

    public Clicks clicks(String batchId) {
        Integer links = jdbc.queryForObject("select count(*) from sms_link where batch_id = ?", Integer.class, batchId);
        return jdbc.queryForObject("select count(case when c.bot = false then 1 end), "
                + "count(distinct case when c.bot = false then c.code end), count(case when c.bot = true then 1 end) "
                + "from sms_link_click c join sms_link l on l.code = c.code where l.batch_id = ?",
                (rs, i) -> new Clicks(links == null ? 0 : links, rs.getInt(1), rs.getInt(2), rs.getInt(3)), batchId);
    }

    private static String validTarget(String raw) {
        URI uri;
        try {
            uri = URI.create(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("link '" + raw + "' is not a URL: " + e.getMessage(), e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || raw.length() > 2000) {
            throw new IllegalArgumentException("link '" + raw + "' must be an absolute http(s) URL of at most 2000 "
                    + "characters, e.g. {{link:https://shop.example/bf}}");
        }
        return raw;
    }

    private String newCode() {
        char[] code = new char[config.getCodeLength()];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** A code as {@link #newCode} makes them: anything else is not looked up. */
    public boolean wellFormed(String code) {
        return code != null && code.length() == config.getCodeLength() && code.chars()
                .allMatch(c -> c < 128 && ALPHABET.indexOf(c) >= 0);
    }
}
