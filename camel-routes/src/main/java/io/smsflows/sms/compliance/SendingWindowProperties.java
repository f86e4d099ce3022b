package io.smsflows.sms.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sending windows (quiet hours), {@code smsflows.windows.*}: per country (ISO 3166) and category, the days and local
 * hours messages may reach a recipient, and each country's public holidays. The defaults below are a starting point
 * (docs/compliance.md says where each comes from), not legal advice: check them for your business.
 */
@ConfigurationProperties(prefix = "smsflows.windows")
public class SendingWindowProperties {

    /** false: no window is applied (every message goes when it is due). */
    private boolean enabled = true;
    /**
     * By country, then category ("all" for every category of the country; "*" works in YAML only as "[*]"): days
     * (MON-SAT, MON,WED, ALL), from, to (HH:mm).
     */
    private Map<String, Map<String, Rule>> rules = defaults();
    /** By country: holidays, "MM-dd" every year or "yyyy-MM-dd" once; no window of the country opens on them. */
    private Map<String, List<String>> holidays = defaultHolidays();

    /** One window. */
    public static class Rule {
        private String days = "MON-SAT";
        private String from = "08:00";
        private String to = "20:00";

        public Rule() {
        }

        Rule(String days, String from, String to) {
            this.days = days;
            this.from = from;
            this.to = to;
        }

        public String getDays() { return days; }
        public void setDays(String days) { this.days = days; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getTo() { return to; }
        public void setTo(String to) { this.to = to; }
    }

    private static Map<String, Map<String, Rule>> defaults() {
        Map<String, Map<String, Rule>> rules = new LinkedHashMap<>();
        rules.put("FR", new LinkedHashMap<>(Map.of("marketing", new Rule("MON-SAT", "08:00", "20:00"))));
        rules.put("US", new LinkedHashMap<>(Map.of("marketing", new Rule("ALL", "08:00", "21:00"))));
        rules.put("CA", new LinkedHashMap<>(Map.of("marketing", new Rule("ALL", "08:00", "21:00"))));
        rules.put("GB", new LinkedHashMap<>(Map.of("marketing", new Rule("MON-SAT", "08:00", "20:00"))));
        rules.put("DE", new LinkedHashMap<>(Map.of("marketing", new Rule("MON-SAT", "08:00", "20:00"))));
        rules.put("ES", new LinkedHashMap<>(Map.of("marketing", new Rule("MON-FRI", "09:00", "21:00"))));
        rules.put("IT", new LinkedHashMap<>(Map.of("marketing", new Rule("MON-SAT", "08:00", "21:00"))));
        rules.put("JP", new LinkedHashMap<>(Map.of("marketing", new Rule("ALL", "09:00", "20:00"))));
        return rules;
    }

    private static Map<String, List<String>> defaultHolidays() {
        Map<String, List<String>> holidays = new LinkedHashMap<>();
        // France: the fixed ones every year, Easter Monday, Ascension and Whit Monday for 2026 and 2027
        holidays.put("FR", new ArrayList<>(List.of("01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11",
                "12-25", "2026-04-06", "2026-05-14", "2026-05-25", "2027-03-29", "2027-05-06", "2027-05-17")));
        holidays.put("DE", new ArrayList<>(List.of("01-01", "05-01", "10-03", "12-25", "12-26", "2026-04-03",
                "2026-04-06", "2026-05-14", "2026-05-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17")));
        holidays.put("GB", new ArrayList<>(List.of("01-01", "12-25", "12-26")));
        holidays.put("ES", new ArrayList<>(List.of("01-01", "01-06", "05-01", "08-15", "10-12", "11-01", "12-06",
                "12-08", "12-25")));
        holidays.put("IT", new ArrayList<>(List.of("01-01", "01-06", "04-25", "05-01", "06-02", "08-15", "11-01",
                "12-08", "12-25", "12-26")));
        return holidays;
    }

    /** The windows as the domain uses them; every mistake is named with its property. */
    public SendingWindows windows() {
        Map<String, SendingWindows.Window> windows = new LinkedHashMap<>();
        if (!enabled) {
            return new SendingWindows(windows);
        }
        rules.forEach((country, byCategory) -> byCategory.forEach((category, rule) -> {
            String where = "smsflows.windows.rules." + country + "." + category;
            Set<MonthDay> everyYear = new HashSet<>();
            Set<LocalDate> dates = new HashSet<>();
            List<String> days = holidays.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(country))
                    .flatMap(e -> e.getValue().stream()).toList();
            for (String h : days) {
                try {
                    if (h.trim().length() == 5) {
                        everyYear.add(MonthDay.parse("--" + h.trim()));
                    } else {
                        dates.add(LocalDate.parse(h.trim()));
                    }
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("smsflows.windows.holidays." + country + ": '" + h
                            + "' is neither MM-dd nor yyyy-MM-dd");
                }
            }
            try {
                String key = category.isBlank() || category.equals("*") || category.equalsIgnoreCase("all") ? "*"
                        : category.toLowerCase(Locale.ROOT);
                windows.put(country.toUpperCase(Locale.ROOT) + ":" + key,
                        new SendingWindows.Window(days(rule.getDays(), where), LocalTime.parse(rule.getFrom()),
                                LocalTime.parse(rule.getTo()), everyYear, dates));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": from and to are HH:mm (" + rule.getFrom() + ", "
                        + rule.getTo() + ")");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }));
        return new SendingWindows(windows);
    }

    static Set<DayOfWeek> days(String spec, String where) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.toUpperCase(Locale.ROOT).split(",")) {
            String p = part.trim();
            if (p.equals("ALL")) {
                return EnumSet.allOf(DayOfWeek.class);
            }
            String[] range = p.split("-");
            DayOfWeek first = day(range[0], where);
            DayOfWeek last = range.length > 1 ? day(range[1], where) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation, String where) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation.trim()) && abbreviation.trim().length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException(where + ".days: '" + abbreviation + "' is not a day (MON, TUE... or ALL)");
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Map<String, Map<String, Rule>> getRules() { return rules; }
    public void setRules(Map<String, Map<String, Rule>> rules) { this.rules = rules; }
    public Map<String, List<String>> getHolidays() { return holidays; }
    public void setHolidays(Map<String, List<String>> holidays) { this.holidays = holidays; }
}
