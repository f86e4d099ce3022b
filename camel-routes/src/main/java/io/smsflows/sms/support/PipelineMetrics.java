package io.smsflows.sms.support;

/**
 * What the pipeline counts for operators (Micrometer in the application, nothing in tests): receipts by state,
 * messages that failed by error code, parts sent again that may have reached the SMSC before.
 */
public interface PipelineMetrics {

    /** A delivery receipt was stored (SMPP or webhook), in its state (DELIVRD, UNDELIV...). */
    void receipt(String state);

    /** Messages ended FAILED with this error code (an SMPP status, a receipt's stat:err, NO_ROUTE...). */
    void failed(String errorCode, int messages);

    /** Parts were sent again although an earlier attempt may have delivered them. */
    void possibleDuplicates(int parts);

    /** A message waited because its number range got too many in a minute (possible SMS pumping). */
    default void burst(String country) {
    }

    /** A journey's questions got answered far less than before (AnswerRates): pumping or a broken journey. */
    default void answerRateDropped(String journey) {
    }

    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void receipt(String state) {
        }

        @Override
        public void failed(String errorCode, int messages) {
        }

        @Override
        public void possibleDuplicates(int parts) {
        }
    };
}
