package com.stackdesk.base;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The HTTP API answers every failure in JSON itself. Left to the servlet container, an error would
 * be forwarded to {@code /error}, which the UI's security answers with a redirect to the login
 * page: a website posting a lead would see a {@code 302} and think nothing of it. Malformed
 * requests get Spring's own status ({@code 400}, {@code 415}, ...) as a problem detail; anything
 * unexpected a {@code 500} with an id that is also in the log.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's handlers answer 401 and 403
        }
        var id = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} {} failed (error id {})", request.getMethod(), request.getRequestURI(), id, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "message", "Something went wrong on our side; please try again in a moment", "errorId", id));
    }
}
