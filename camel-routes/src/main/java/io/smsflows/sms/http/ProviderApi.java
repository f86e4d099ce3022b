package io.smsflows.sms.http;

import io.smsflows.sms.receipt.ReceiptState;
import java.util.Locale;

/** How one HTTP provider's API looks: the request for a message, its answer, its status callbacks and inbound messages. */
public interface ProviderApi {

    /** A request body and its content type. */
    record Request(String contentType, String body) {
    }

    /** A status callback: the provider's message id, its word for the state, and its error code (or null). */
    record Status(String messageId, String status, String errorCode) {
    }

    /** An inbound message (MO) as the provider posts it. */
    record Inbound(String messageId, String from, String to, String text) {
    }

    Request request(String to, String from, String text, String statusCallbackUrl);

    /** The provider's id of an accepted message, from a 2xx answer; null if it has none. */
    String acceptedId(String body);

    /** What the provider says went wrong, from a non-2xx answer (for operators). */
    String errorText(String body);

    /** @throws IllegalArgumentException when the body is not a status callback, saying what is missing */
    Status status(String contentType, byte[] body);

    /** @throws IllegalArgumentException when the body is not an inbound message, saying what is missing */
    Inbound inbound(String contentType, byte[] body);

    /** Providers' status words as receipt states (intermediate ones are ENROUTE). */
    static ReceiptState state(String status) {
        return switch (status == null ? "" : status.trim().toLowerCase(Locale.ROOT)) {
            case "delivered", "delivrd", "read" -> ReceiptState.DELIVERED;
            case "undelivered", "undeliv", "undeliverable" -> ReceiptState.UNDELIVERABLE;
            case "failed", "rejected", "rejectd" -> ReceiptState.REJECTED;
            case "expired" -> ReceiptState.EXPIRED;
            case "deleted", "canceled", "cancelled" -> ReceiptState.DELETED;
            case "queued", "accepted", "sending", "sent", "scheduled", "enroute", "buffered" -> ReceiptState.ENROUTE;
            default -> ReceiptState.UNKNOWN;
        };
    }
}
