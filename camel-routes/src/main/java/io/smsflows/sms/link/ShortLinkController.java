package io.smsflows.sms.link;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /s/{code}}: public (customers click it), 302 to the link's stored URL and the click recorded; an
 * unknown, malformed or expired code gets a plain 404 page, never a redirect. Link previews and bots (their user
 * agents, and HEAD requests) are recorded as such and not counted as clicks.
 */
@RestController
@RequestMapping("/s")
@io.smsflows.sms.security.PublicEndpoint
public class ShortLinkController {

    /** User agents of crawlers and of the messengers and SMS apps that fetch a link to preview it. */
    private static final Pattern BOTS = Pattern.compile("(?i)bot|crawl|spider|preview|facebookexternalhit|"
            + "whatsapp|telegram|slack|discord|skype|linkedin|embedly|quora|pinterest|vkshare|w3c_validator|"
            + "curl|wget|python-requests|java/|okhttp|go-http-client|headless");
    private static final String NOT_FOUND = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Link not found</title></head><body><p>This link is unknown or has expired.</p></body></html>";

    private final ShortLinks links;
    private final LinkClickListener listener;

    public ShortLinkController(ShortLinks links) {
        this(links, LinkClickListener.NONE);
    }

    public ShortLinkController(ShortLinks links, LinkClickListener listener) {
        this.links = links;
        this.listener = listener;
    }

    @RequestMapping(value = "/{code}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<String> follow(@PathVariable String code, HttpServletRequest request) {
        if (!links.wellFormed(code)) {
            return notFound();
        }
        return links.find(code).map(link -> {
            String agent = request.getHeader(HttpHeaders.USER_AGENT);
            boolean bot = "HEAD".equals(request.getMethod()) || agent == null || BOTS.matcher(agent).find();
            links.click(code, agent, bot);
            if (!bot && link.messageId() != null) {
                listener.clicked(link, java.time.Instant.now());
            }
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(link.targetUrl()))
                    .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").<String>build();
        }).orElseGet(ShortLinkController::notFound);
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore()).body(NOT_FOUND);
    }
}
