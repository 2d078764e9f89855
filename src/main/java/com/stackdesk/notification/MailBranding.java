package com.stackdesk.notification;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the emails look ({@code stackdesk.branding.*}, documented in {@code config/application.properties}):
 * the consultancy's colours and an optional logo; the name is {@code stackdesk.consultancy-name}.
 * The colours go into inline CSS, so only {@code #rgb} or {@code #rrggbb} is accepted: anything
 * else stops the start with a message naming the setting.
 *
 * @param primaryColor the header rule, headings and the button's background
 * @param buttonTextColor the text on the button
 * @param logoUrl an absolute https (or http) address of the logo image, shown above the email
 *     instead of the name in text; empty for none
 * @param footer a line under every email (an address, a phone number); empty for none
 */
@ConfigurationProperties("stackdesk.branding")
public record MailBranding(
        @DefaultValue("#1d4ed8") String primaryColor,
        @DefaultValue("#ffffff") String buttonTextColor,
        @Nullable String logoUrl,
        @Nullable String footer) {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

    public MailBranding {
        check("stackdesk.branding.primary-color", primaryColor);
        check("stackdesk.branding.button-text-color", buttonTextColor);
        logoUrl = logoUrl == null || logoUrl.isBlank() ? null : logoUrl.strip();
        if (logoUrl != null && !(logoUrl.startsWith("https://") || logoUrl.startsWith("http://"))) {
            throw new IllegalArgumentException(
                    "stackdesk.branding.logo-url must be an absolute http(s) address, not " + logoUrl);
        }
        footer = footer == null || footer.isBlank() ? null : footer.strip();
    }

    private static void check(String setting, String color) {
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException(setting + " must be a colour like #1d4ed8, not " + color);
        }
    }

    /** The inline style of the email's call-to-action link, drawn as a button. */
    String buttonStyle() {
        return "display:inline-block;padding:10px 18px;border-radius:6px;font-weight:bold;text-decoration:none;"
                + "background:" + primaryColor + ";color:" + buttonTextColor + ";";
    }
}
