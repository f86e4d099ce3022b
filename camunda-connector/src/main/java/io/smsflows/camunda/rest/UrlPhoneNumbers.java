package io.smsflows.camunda.rest;

/** Phone numbers as they arrive in a URL path or query string. */
final class UrlPhoneNumbers {

    private UrlPhoneNumbers() {
    }

    /** "+33..." unencoded in a URL arrives as " 33..." ('+' means space in a query string): put the '+' back. */
    static String lenient(String phone) {
        String p = phone.trim();
        return !p.isEmpty() && p.chars().allMatch(Character::isDigit) ? "+" + p : p;
    }
}
