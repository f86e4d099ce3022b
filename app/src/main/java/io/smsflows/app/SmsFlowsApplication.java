package io.smsflows.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The runnable distribution: Camunda 7 (engine, REST, Cockpit/Tasklist/Admin) with the SMS Flows plugin. */
@SpringBootApplication
public class SmsFlowsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmsFlowsApplication.class, args);
    }
}
