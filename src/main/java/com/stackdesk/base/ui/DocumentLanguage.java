package com.stackdesk.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.springframework.stereotype.Component;

/** Declares the page language, so screen readers pronounce it right (WCAG 3.1.1). */
@Component
class DocumentLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener((IndexHtmlRequestListener) DocumentLanguage::setLanguage);
    }

    private static void setLanguage(IndexHtmlResponse response) {
        var html = response.getDocument().selectFirst("html");
        if (html != null) {
            html.attr("lang", "en");
        }
    }
}
