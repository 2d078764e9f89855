package com.stackdesk.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stack assistant's files are ({@code stackdesk.assistant.*}): a file that does not exist
 * falls back to the default built into the jar ({@code classpath:assistant/...}).
 *
 * @param rules the advisor rules
 * @param rateCard the rate card
 */
@ConfigurationProperties("stackdesk.assistant")
record AssistantProperties(
        @DefaultValue("config/assistant-rules.yml") String rules,
        @DefaultValue("config/rate-card.yml") String rateCard) {}
