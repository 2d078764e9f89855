package com.stackdesk.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers a missing file under {@code /embed/} with a plain 404. Otherwise Vaadin takes the address
 * for a route: it answers a host page's script request with its own page, or a redirect to the
 * sign-in, and a session cookie, where the host page expects nothing of the kind. What a controller
 * maps (such as {@link EmbedController}'s) and the static files in {@code
 * META-INF/resources/embed/} pass through.
 */
@Configuration(proxyBeanMethods = false)
class EmbedNotFound {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> embedNotFoundFilter(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (isStatic(path) || isMapped(controllers.getObject(), request)) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write("Not found\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        registration.addUrlPatterns("/embed/*");
        registration.setName("embedNotFound");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    private static boolean isMapped(RequestMappingHandlerMapping controllers, HttpServletRequest request) {
        var parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return false;
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    private static boolean isStatic(String path) {
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            return false;
        }
        return EmbedNotFound.class.getResource("/META-INF/resources" + path) != null;
    }
}
