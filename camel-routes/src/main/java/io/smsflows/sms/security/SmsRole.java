package io.smsflows.sms.security;

/**
 * What a caller of our REST API may do. Each role is held through membership in Camunda groups
 * ({@code smsflows.security.roles.*-groups}), managed in Camunda Admin.
 */
public enum SmsRole {

    /** Configuration, API keys, carriers, the suppression list (add and lift, with a reason); every other role too. */
    ADMIN,
    /** Watches and repairs: Cockpit, Tasklist, batch status and cancel, the suppression list with masked numbers. */
    OPERATOR,
    /** Campaigns: approves, edits and picks their winners in Tasklist, reads and cancels them; numbers masked. */
    MARKETER,
    /** The CRM as a machine client: starts journeys and batches, sends journey events, records and queries consent. */
    CRM
}
