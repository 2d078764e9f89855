package com.stackdesk.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP API settings ({@code stackdesk.api.*}).
 *
 * @param allowedOrigins the sites whose pages may post leads to {@code /api/leads} from a browser
 *     (CORS), e.g. {@code https://www.example.com}; none by default
 * @param maxBodySize the largest request body the API reads; larger ones are answered {@code 413}.
 *     A lead's longest text is a few thousand characters, so 64 KB is plenty.
 * @param publicDocs whether anyone may read the OpenAPI description and Swagger UI; off by
 *     default (signed-in staff only), on in the demo run. {@code springdoc.api-docs.enabled=false}
 *     and {@code springdoc.swagger-ui.enabled=false} switch them off altogether.
 */
@ConfigurationProperties("stackdesk.api")
record ApiProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("false") boolean publicDocs) {}
