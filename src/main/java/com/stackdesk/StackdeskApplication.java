package com.stackdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StackdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(StackdeskApplication.class, args);
    }
}
