package io.smsflows.sms.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsflows.sms.config.SmsFlowsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** References are counted per destination in the database: distinct for one number, independent across numbers. */
class RecipientConcatReferencesTest {

    @Test
    void counts_per_destination_and_wraps_at_16_bits() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:refs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SmsFlowsSchema(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        RecipientConcatReferences refs = new RecipientConcatReferences(jdbc, new RecipientGate(ds));

        List<Integer> a = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            a.add(refs.next("+33612345601"));
        }
        assertThat(a).containsExactly(0, 1, 2);
        assertThat(refs.next("+33612345602")).isZero(); // another number has its own sequence

        jdbc.update("update sms_recipient_lock set next_concat_ref = 65535 where recipient = '+33612345601'");
        assertThat(refs.next("+33612345601")).isEqualTo(65535);
        assertThat(refs.next("+33612345601")).isZero();
    }
}
