package io.smsflows.sms.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The form an erased number keeps where it must be kept (its opt-outs): "erased:" and 24 hex digits of a salted
 * SHA-256. The number cannot be read back, but an opt-out still blocks it, since lookups hash the number they are
 * given. The salt is created once per database (sms_privacy), the same for every node.
 */
public class ErasedNumbers {

    private final JdbcTemplate jdbc;
    private volatile String salt;

    public ErasedNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The hashed form of an E.164 number. */
    public String hash(String e164) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt().getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(e164.getBytes(StandardCharsets.UTF_8));
            return "erased:" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String salt() {
        String s = salt;
        if (s == null) {
            s = jdbc.query("select salt from sms_privacy where id = 1", rs -> rs.next() ? rs.getString(1) : null);
            if (s == null) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                try {
                    jdbc.update("insert into sms_privacy (id, salt) values (1, ?)", HexFormat.of().formatHex(random));
                } catch (DuplicateKeyException e) {
                    // another node made it first: use theirs
                }
                s = jdbc.queryForObject("select salt from sms_privacy where id = 1", String.class);
            }
            salt = s;
        }
        return s;
    }
}
