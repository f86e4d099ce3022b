package io.smsflows.camunda.privacy;

import io.smsflows.sms.consent.ConsentRecords;
import io.smsflows.sms.consent.RecipientGate;
import io.smsflows.sms.consent.SuppressionList;
import io.smsflows.sms.number.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data-subject requests for one number (GDPR articles 15 and 17): everything held for it, and its erasure. Held: the
 * messages sent to it (with their texts unless erased by retention), its replies, consents and their audit trail,
 * opt-outs, conversations, and the process instances that carry the number in a variable ({@value #NUMBER_VARIABLES}),
 * with their business keys and variables. Erasure deletes all of it except the opt-outs, which are kept under a
 * salted hash of the number so that the person is never messaged again by mistake.
 */
public class DataSubjects {

    /** Process variables that hold the customer's number in the shipped models. */
    public static final String NUMBER_VARIABLES = "to, phone";

    private static final Logger LOG = LoggerFactory.getLogger(DataSubjects.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RecipientGate gate;
    private final SuppressionList suppressions;
    private final ConsentRecords consents;
    private final ProcessEngine engine;

    public DataSubjects(JdbcTemplate jdbc, TransactionTemplate transactions, RecipientGate gate,
                        SuppressionList suppressions, ConsentRecords consents, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.gate = gate;
        this.suppressions = suppressions;
        this.consents = consents;
        this.engine = engine;
    }

    /** The process instances that hold the number in a variable, running or finished. */
    private Set<String> instancesOf(String e164) {
        HistoryService history = engine.getHistoryService();
        Set<String> ids = new LinkedHashSet<>();
        for (String name : NUMBER_VARIABLES.split(", ")) {
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .variableValueEquals(name, e164).list()) {
                ids.add(v.getProcessInstanceId());
            }
        }
        return ids;
    }

    /** Rows with the same keys on every database: snake_case columns as camelCase, times as ISO instants. */
    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                Object value = rs.getObject(c);
                if (value instanceof java.sql.Timestamp t) {
                    value = t.toInstant().toString();
                } else if (value instanceof java.time.OffsetDateTime t) {
                    value = t.toInstant().toString();
                }
                row.put(camel(meta.getColumnLabel(c)), value);
            }
            return row;
        }, args);
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }

    /** Everything held for the number. */
    public Map<String, Object> export(String e164) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("phone", e164);
        all.put("messages", rows("select id, created_at, category, sender, body, body_erased_at, "
                + "encoding, parts, status, error_code, submitted_at, done_at, carrier, route_rule, consent_id, "
                + "batch_id, business_key, process_instance_id from sms_message where recipient = ? "
                + "order by created_at", e164));
        all.put("replies", rows("select id, received_at, dest_addr, body, body_erased_at, status "
                + "from sms_inbound where source_addr = ? order by received_at", e164));
        all.put("consents", consents.current(e164));
        all.put("consentHistory", suppressions.history(e164));
        all.put("optOuts", suppressions.active(e164, 1000));
        all.put("conversations", rows("select id, created_at, our_number, process_instance_id, "
                + "business_key, status, closed_at from sms_conversation where recipient = ? order by created_at",
                e164));
        // the campaigns the number is in the audience of (with the fields the CRM gave), and revenue tied to it
        all.put("campaigns", rows("select c.id, c.name, c.created_at, r.variant, r.test_group, r.locale, r.variables, "
                + "r.excluded from sms_campaign_recipient r join sms_campaign c on c.id = r.campaign_id "
                + "where r.recipient = ? order by c.created_at", e164));
        all.put("conversions", rows("select campaign_id, event_id, variant, amount, currency, occurred_at from "
                + "sms_campaign_conversion where recipient = ? order by occurred_at", e164));
        List<Map<String, Object>> instances = new ArrayList<>();
        HistoryService history = engine.getHistoryService();
        for (String id : instancesOf(e164)) {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (pi == null) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", pi.getId());
            view.put("process", pi.getProcessDefinitionKey());
            view.put("businessKey", pi.getBusinessKey());
            view.put("state", pi.getState());
            view.put("startTime", pi.getStartTime());
            view.put("endTime", pi.getEndTime());
            Map<String, Object> variables = new LinkedHashMap<>();
            history.createHistoricVariableInstanceQuery().processInstanceId(id).disableCustomObjectDeserialization()
                    .list().forEach(v -> variables.put(v.getName(), v.getValue()));
            view.put("variables", variables);
            instances.add(view);
        }
        all.put("processInstances", instances);
        return all;
    }

    /** What an erasure did. */
    public record Erasure(int messages, int replies, int consents, int optOutsKept, int processInstances) {
    }

    /**
     * Erases everything held for the number but its opt-outs (kept hashed).
     *
     * @throws IllegalStateException when a journey still runs for the number: end it first (nothing was erased)
     */
    public Erasure erase(String e164, String actor) {
        Set<String> instances = instancesOf(e164);
        List<String> running = engine.getRuntimeService().createProcessInstanceQuery().active().list().stream()
                .map(pi -> pi.getId()).filter(instances::contains).toList();
        if (!running.isEmpty()) {
            throw new IllegalStateException("process instances " + running + " still run for this number: end or "
                    + "cancel them in Cockpit first (nothing was erased)");
        }
        Erasure erasure = transactions.execute(tx -> {
            gate.lockAll(List.of(e164)); // nothing is sent to it meanwhile
            String digits = e164.startsWith("+") ? e164.substring(1) : e164;
            jdbc.update("delete from sms_receipt where source_addr in (?, ?)", e164, digits);
            jdbc.update("delete from sms_receipt where smsc_message_id in (select smsc_message_id from sms_part "
                    + "where message_id in (select id from sms_message where recipient = ?))", e164);
            jdbc.update("delete from sms_receipt where smsc_message_id in (select smsc_message_id from sms_message "
                    + "where recipient = ? and smsc_message_id is not null)", e164);
            jdbc.update("delete from sms_part where message_id in (select id from sms_message where recipient = ?)",
                    e164);
            int messages = jdbc.update("delete from sms_message where recipient = ?", e164);
            int replies = jdbc.update("delete from sms_inbound where source_addr = ?", e164);
            jdbc.update("delete from sms_conversation where recipient = ?", e164);
            int consentRows = jdbc.update("delete from sms_consent where recipient = ?", e164);
            jdbc.update("delete from sms_consent_event where recipient = ?", e164);
            jdbc.update("delete from sms_auto_reply where recipient = ?", e164);
            jdbc.update("delete from sms_batch_rejection where recipient in (?, ?)", e164, digits);
            // campaigns: out of every audience (a recurring campaign's next run does not send to it), conversions and
            // short links kept for the counts without the number
            jdbc.update("delete from sms_campaign_recipient where recipient = ?", e164);
            jdbc.update("update sms_campaign_conversion set recipient = null where recipient = ?", e164);
            jdbc.update("update sms_link set recipient = null where recipient = ?", e164);
            int kept = suppressions.anonymise(e164, actor);
            return new Erasure(messages, replies, consentRows, kept, 0);
        });
        if (!instances.isEmpty()) {
            engine.getHistoryService().deleteHistoricProcessInstancesIfExists(new ArrayList<>(instances));
        }
        LOG.info("Data of {} erased by {}: {} message(s), {} reply(ies), {} consent(s), {} opt-out(s) kept hashed, {} "
                        + "process instance(s)", PhoneNumbers.mask(e164), actor, erasure.messages(), erasure.replies(),
                erasure.consents(), erasure.optOutsKept(), instances.size());
        return new Erasure(erasure.messages(), erasure.replies(), erasure.consents(), erasure.optOutsKept(),
                instances.size());
    }
}
