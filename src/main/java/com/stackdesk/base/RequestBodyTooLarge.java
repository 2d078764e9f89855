package com.stackdesk.base;

import java.io.IOException;

/**
 * Thrown while a request body is read once it has gone past the limit for its endpoint; the API
 * answers it with {@code 413}. An {@link IOException} so that whatever reads the body (Jackson, a
 * form parser) gives up at once.
 */
public class RequestBodyTooLarge extends IOException {

    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
