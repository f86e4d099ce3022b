package io.smsflows.sms.batch;

/** More recipients than one batch may carry; nothing of the batch was stored. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int max) {
        super("a batch may carry at most " + max + " recipients (smsflows.batches.max-recipients): split the audience "
                + "into several batches");
    }
}
