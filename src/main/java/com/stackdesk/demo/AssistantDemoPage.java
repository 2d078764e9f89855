package com.stackdesk.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /demo/assistant}: a plain page, not a Vaadin view, that embeds the stack assistant with
 * the snippet an operator pastes into their own site (see the README), to try it in the demo run.
 */
@RestController
@Profile("demo")
class AssistantDemoPage {

    private final String consultancy;

    AssistantDemoPage(@Value("${stackdesk.consultancy-name:Stackdesk}") String consultancy) {
        this.consultancy = consultancy;
    }

    @GetMapping(path = "/demo/assistant", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        var name = HtmlUtils.htmlEscape(consultancy);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Stack assistant · %s</title>
                  <style>
                    body { font: 17px/1.6 Georgia, serif; color: #1f2933; margin: 0; background: #fbfaf7; }
                    main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
                    h1 { font-family: system-ui, sans-serif; line-height: 1.2; }
                  </style>
                </head>
                <body>
                <main>
                  <h1>Which backend stack fits your team?</h1>
                  <p>Go, Node.js, Java, Python, PHP or Ruby: the right choice depends less on benchmarks than on
                    your team, the people you can hire and what the backend will spend its time on. Ask our
                    assistant: a few questions, a recommendation with its reasons, a rough quote, and a call
                    with %s if you like.</p>
                  <div id="stackdesk-assistant" data-stackdesk-assistant></div>
                  <script src="/embed/assistant.js" defer></script>
                </main>
                </body>
                </html>
                """.formatted(name, name);
    }
}
