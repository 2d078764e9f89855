package com.stackdesk.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP API settings ({@code stackdesk.api.*}).
 *
 * @param allowedOrigins the sites whose pages may post leads to {@code /api/leads} from a browser
 *     (CORS), e.g. {@code https://www.example.com}; none by default
 */
@ConfigurationProperties("stackdesk.api")
record ApiProperties(@DefaultValue List<String> allowedOrigins) {}
