package com.stackdesk.base;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The HTTP API ({@code /api/**}) answers every failure in JSON itself, whatever the caller's
 * {@code Accept} header. Left to the servlet container, an error would be forwarded to {@code
 * /error}, which the UI's security answers with a redirect to the login page: a website posting a
 * lead would see a {@code 302} and think nothing of it. This applies before a controller is chosen
 * too (a wrong content type or method), so it is not limited to controller beans; requests outside
 * the API keep Spring's own handling.
 *
 * <p>A caller's mistake gets its 4xx with a message and is logged at debug without a stack trace
 * (nor what the caller sent: it may hold contact details); only the unexpected gets a {@code 500}
 * with an id that is also in the log at error, with its trace.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<Map<String, Object>> answer(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || e instanceof AccessDeniedException
                || e instanceof AuthenticationException) {
            throw e; // the UI's own handling; Spring Security's handlers answer 401 and 403
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the caller went away (say, mid-download): nobody to answer, and not our failure
            log.debug("{} {}: client went away ({})", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        var tooLarge = causeOf(e, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return mistake(
                    request,
                    e,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + tooLarge.limit() + " bytes");
        }
        return switch (e) {
            case MissingServletRequestParameterException missing ->
                mistake(request, e, HttpStatus.BAD_REQUEST, missing.getParameterName() + ": required");
            case MethodArgumentTypeMismatchException mismatch ->
                mistake(
                        request,
                        e,
                        HttpStatus.BAD_REQUEST,
                        mismatch.getName() + ": cannot read " + quoted(mismatch.getValue()));
            case TypeMismatchException mismatch ->
                mistake(
                        request,
                        e,
                        HttpStatus.BAD_REQUEST,
                        mismatch.getPropertyName() + ": cannot read " + quoted(mismatch.getValue()));
            case HttpMessageNotReadableException unreadable ->
                mistake(request, e, HttpStatus.BAD_REQUEST, "The request body is not valid for this endpoint");
            case ErrorResponse spring
            when spring.getStatusCode().is4xxClientError() ->
                mistake(request, e, spring.getStatusCode(), message(spring));
            default -> unexpected(e, request);
        };
    }

    private static ResponseEntity<Map<String, Object>> mistake(
            HttpServletRequest request, Exception e, HttpStatusCode status, String message) {
        // The exception's type only, not its message nor ours: both may quote what the caller sent
        // (a value Jackson or a parameter could not read), and that may be an email address.
        log.debug(
                "{} {}: {}, the caller's mistake ({})",
                request.getMethod(),
                request.getRequestURI(),
                status.value(),
                e.getClass().getSimpleName());
        var builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (e instanceof ErrorResponse spring) {
            builder.headers(spring.getHeaders()); // Allow, Accept, Accept-Post: what would have worked
        }
        return builder.body(Map.of("message", message));
    }

    private static ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        var id = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} {} failed (error id {})", request.getMethod(), request.getRequestURI(), id, e);
        var body = new LinkedHashMap<String, Object>();
        body.put("message", "Something went wrong on our side; please try again in a moment");
        body.put("errorId", id);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static String message(ErrorResponse e) {
        var detail = e.getBody().getDetail();
        return detail != null
                ? detail
                : HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase();
    }

    private static String quoted(@Nullable Object value) {
        var text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
