/** Staff views of email: the outbox with its retry button, and the embedded server's mail log. */
@NullMarked
package com.stackdesk.notification.ui;

import org.jspecify.annotations.NullMarked;
