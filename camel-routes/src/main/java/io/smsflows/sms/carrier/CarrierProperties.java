package io.smsflows.sms.carrier;

import io.smsflows.sms.smpp.SmppProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Carriers and the rules that route messages to them, {@code smsflows.carriers.*} and {@code smsflows.routes}.
 * Without carriers, the single SMSC of {@code smsflows.smpp.*} is the carrier {@value #DEFAULT}; without routes,
 * every message goes to the first available carrier in the order they are declared. See docs/carriers.md.
 */
@ConfigurationProperties(prefix = "smsflows")
public class CarrierProperties {

    /** Name of the carrier made of smsflows.smpp.* when no carrier is configured. */
    public static final String DEFAULT = "default";

    /** The carriers by name (used in routes, metrics and message records). */
    private Map<String, Carrier> carriers = new LinkedHashMap<>();
    /** Routing rules; the first whose match fits a message routes it. */
    private List<Route> routes = new ArrayList<>();

    public Map<String, Carrier> getCarriers() { return carriers; }
    public void setCarriers(Map<String, Carrier> carriers) { this.carriers = carriers; }
    public List<Route> getRoutes() { return routes; }
    public void setRoutes(List<Route> routes) { this.routes = routes; }

    /** The configured carriers, or the single SMSC of smsflows.smpp.* as {@value #DEFAULT}. */
    public Map<String, Carrier> effectiveCarriers() {
        return carriers.isEmpty() ? Map.of(DEFAULT, new Carrier()) : carriers;
    }

    /** The configured routes, or one that sends everything to the carriers in their order, failing over. */
    public List<Route> effectiveRoutes() {
        if (!routes.isEmpty()) {
            return routes;
        }
        Route all = new Route();
        all.setName("default");
        all.setTargets(new ArrayList<>(effectiveCarriers().keySet()));
        return List.of(all);
    }

    /** How a carrier is reached. */
    public enum Type { SMPP, HTTP }

    /** The shape of an HTTP provider's API. */
    public enum HttpApi {
        /** JSON in and out, field names configurable (fields.*); status callbacks and inbound messages as JSON */
        GENERIC_JSON,
        /**
         * In the shape of a widely used messaging REST API: a form-encoded POST (To, From, Body, StatusCallback), the
         * id as "sid" in the JSON answer, form-encoded status callbacks (MessageSid, MessageStatus, ErrorCode) and
         * inbound messages (MessageSid, From, To, Body)
         */
        TWILIO_COMPATIBLE
    }

    /** How an HTTP provider signs its webhooks; see docs/carriers.md. */
    public static class Webhook {
        /** Shared secret (from the environment, e.g. SMSFLOWS_CARRIERS_ACMEHTTP_WEBHOOK_SECRET); required. */
        private String secret;
        /** JCA Mac algorithm: HmacSHA256, HmacSHA512 or HmacSHA1. */
        private String algorithm = "HmacSHA256";
        /** Header with the hex HMAC of "timestamp.body" ("v1=" or "sha256=" before it allowed). */
        private String signatureHeader = "X-SmsFlows-Signature";
        /** Header with the Unix time (seconds) the provider signed at. */
        private String timestampHeader = "X-SmsFlows-Timestamp";
        /** Older or newer requests are refused as stale (403). */
        private Duration tolerance = Duration.ofMinutes(5);

        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public String getAlgorithm() { return algorithm; }
        public void setAlgorithm(String algorithm) { this.algorithm = algorithm; }
        public String getSignatureHeader() { return signatureHeader; }
        public void setSignatureHeader(String signatureHeader) { this.signatureHeader = signatureHeader; }
        public String getTimestampHeader() { return timestampHeader; }
        public void setTimestampHeader(String timestampHeader) { this.timestampHeader = timestampHeader; }
        public Duration getTolerance() { return tolerance; }
        public void setTolerance(Duration tolerance) { this.tolerance = tolerance; }
    }

    /** How a route picks among its available targets. */
    public enum Strategy {
        /** the first available target, in order */
        FAILOVER,
        /** spread by weights (a message keeps its carrier across retries while that carrier is available) */
        WEIGHTED,
        /** the available target with the lowest cost-per-part for the recipient's country */
        LEAST_COST
    }

    /** One carrier: an SMSC with its binds, or an HTTP provider. Unset SMPP settings take smsflows.smpp.*. */
    public static class Carrier {
        /** SMPP (camel-smpp) or HTTP (camel-http). */
        private Type type = Type.SMPP;
        /** SMSC host; empty: the built-in simulator when it runs. */
        private String host;
        private Integer port;
        private String systemId;
        /** Password of the binds (from the environment, e.g. SMSFLOWS_CARRIERS_ORANGEFR_PASSWORD). */
        private String password;
        private String systemType;
        private SmppProperties.BindMode bindMode;
        /** Connections to this SMSC; each has its own window and rate. */
        private Integer binds;
        /** submit_sm in flight per bind (SMPP), requests in flight (HTTP, default 10). */
        private Integer window;
        /** The contracted rate per bind (SMPP) or for the provider (HTTP), in parts per second; 0: none. */
        private Double partsPerSecond;
        /** Price of one part by destination country (ISO 3166, e.g. FR: 0.045; "default" for the others). */
        private Map<String, Double> costPerPart = new LinkedHashMap<>();
        /** HTTP: the provider's API. */
        private HttpApi provider = HttpApi.GENERIC_JSON;
        /** HTTP: where messages are POSTed. */
        private String url;
        /** HTTP: the Authorization header's value, "Bearer ..." or "Basic ..." (from the environment). */
        private String authHeader;
        /**
         * HTTP: the status webhook given to the provider with each message (https://{our host}/api/sms/webhooks/
         * {carrier}/status); empty: the provider's account setting applies.
         */
        private String statusCallbackUrl;
        /**
         * HTTP, generic JSON: field names, request (to, from, text, status-callback), answer (id), status callback
         * (message-id, status, error) and inbound message (inbound-id, inbound-from, inbound-to, inbound-text).
         */
        private Map<String, String> fields = new LinkedHashMap<>();
        /** HTTP: how long to wait for the provider's answer. */
        private Duration timeout = Duration.ofSeconds(10);
        /** HTTP: how long a provider that keeps failing is left out of routing before it is tried again. */
        private Duration retryAfter = Duration.ofSeconds(30);
        /** HTTP: webhook signatures. */
        private Webhook webhook = new Webhook();

        public Type getType() { return type; }
        public void setType(Type type) { this.type = type; }
        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public Integer getPort() { return port; }
        public void setPort(Integer port) { this.port = port; }
        public String getSystemId() { return systemId; }
        public void setSystemId(String systemId) { this.systemId = systemId; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getSystemType() { return systemType; }
        public void setSystemType(String systemType) { this.systemType = systemType; }
        public SmppProperties.BindMode getBindMode() { return bindMode; }
        public void setBindMode(SmppProperties.BindMode bindMode) { this.bindMode = bindMode; }
        public Integer getBinds() { return binds; }
        public void setBinds(Integer binds) { this.binds = binds; }
        public Integer getWindow() { return window; }
        public void setWindow(Integer window) { this.window = window; }
        public Double getPartsPerSecond() { return partsPerSecond; }
        public void setPartsPerSecond(Double partsPerSecond) { this.partsPerSecond = partsPerSecond; }
        public Map<String, Double> getCostPerPart() { return costPerPart; }
        public void setCostPerPart(Map<String, Double> costPerPart) { this.costPerPart = costPerPart; }
        public HttpApi getProvider() { return provider; }
        public void setProvider(HttpApi provider) { this.provider = provider; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getAuthHeader() { return authHeader; }
        public void setAuthHeader(String authHeader) { this.authHeader = authHeader; }
        public String getStatusCallbackUrl() { return statusCallbackUrl; }
        public void setStatusCallbackUrl(String statusCallbackUrl) { this.statusCallbackUrl = statusCallbackUrl; }
        public Map<String, String> getFields() { return fields; }
        public void setFields(Map<String, String> fields) { this.fields = fields; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public Duration getRetryAfter() { return retryAfter; }
        public void setRetryAfter(Duration retryAfter) { this.retryAfter = retryAfter; }
        public Webhook getWebhook() { return webhook; }
        public void setWebhook(Webhook webhook) { this.webhook = webhook; }

        /** The price of a part to {@code country}, or null when this carrier has none for it. */
        public Double cost(String country) {
            Double fallback = null;
            for (Map.Entry<String, Double> price : costPerPart.entrySet()) {
                if (price.getKey().equalsIgnoreCase(country)) {
                    return price.getValue();
                }
                if (price.getKey().equalsIgnoreCase("default")) {
                    fallback = price.getValue();
                }
            }
            return fallback;
        }

        /** smsflows.smpp.* with this carrier's own settings over it. */
        public SmppProperties smpp(SmppProperties defaults) {
            SmppProperties merged = new SmppProperties();
            BeanUtils.copyProperties(defaults, merged);
            if (host != null) merged.setHost(host);
            if (port != null) merged.setPort(port);
            if (systemId != null) merged.setSystemId(systemId);
            if (password != null) merged.setPassword(password);
            if (systemType != null) merged.setSystemType(systemType);
            if (bindMode != null) merged.setBindMode(bindMode);
            if (binds != null) merged.setBinds(binds);
            if (window != null) merged.setWindow(window);
            if (partsPerSecond != null) merged.setPartsPerSecond(partsPerSecond);
            return merged;
        }
    }

    /** A routing rule: which messages (match) go to which carriers (targets), picked how (strategy). */
    public static class Route {
        /** Recorded on every message it routes; default "route-N" (N from 1, in order). */
        private String name;
        private Match match = new Match();
        /** Carrier names; empty with least-cost: every carrier. */
        private List<String> targets = new ArrayList<>();
        private Strategy strategy = Strategy.FAILOVER;
        /** With weighted: one positive weight per target. */
        private List<Integer> weights = new ArrayList<>();

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Match getMatch() { return match; }
        public void setMatch(Match match) { this.match = match; }
        public List<String> getTargets() { return targets; }
        public void setTargets(List<String> targets) { this.targets = targets; }
        public Strategy getStrategy() { return strategy; }
        public void setStrategy(Strategy strategy) { this.strategy = strategy; }
        public List<Integer> getWeights() { return weights; }
        public void setWeights(List<Integer> weights) { this.weights = weights; }
    }

    /** What a message must have for a rule; every list given must contain the message's value (empty: any). */
    public static class Match {
        /** ISO 3166 countries of the recipient (FR, DE...). */
        private List<String> country = new ArrayList<>();
        /** E.164 prefixes of the recipient ("+4915"). */
        private List<String> prefix = new ArrayList<>();
        /**
         * The recipient's mobile network as libphonenumber's carrier data names it ("Orange", "Vodafone"). That data
         * knows the range a number was allocated from, not where it was ported to: a ported number matches its
         * original network.
         */
        private List<String> network = new ArrayList<>();
        /** Message categories (transactional, marketing, consent...). */
        private List<String> category = new ArrayList<>();
        /** Senders (source addresses) as they go on the wire. */
        private List<String> sender = new ArrayList<>();

        public List<String> getCountry() { return country; }
        public void setCountry(List<String> country) { this.country = country; }
        public List<String> getPrefix() { return prefix; }
        public void setPrefix(List<String> prefix) { this.prefix = prefix; }
        public List<String> getNetwork() { return network; }
        public void setNetwork(List<String> network) { this.network = network; }
        public List<String> getCategory() { return category; }
        public void setCategory(List<String> category) { this.category = category; }
        public List<String> getSender() { return sender; }
        public void setSender(List<String> sender) { this.sender = sender; }
    }
}
