package org.kepu.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into jte's {@link Utf8ByteOutput} and written as bytes with their length, instead of through
 * the servlet's {@code PrintWriter} as the starter's view does. The templates are precompiled with binary static
 * content (pom: {@code binaryStaticContent}), so their fixed HTML is UTF-8 bytes already and only the values are
 * encoded per request. In a profile of the activity list (68 KB of mostly Chinese HTML), 58 % of the request's Java
 * time went into rendering, most of it encoding characters one write at a time (docs/PERFORMANCE.md). A page that
 * fails while rendering now gets the error page instead of half an HTML document.
 */
@Configuration(proxyBeanMethods = false)
class Utf8JteViews {

    /** Replaces the starter's resolver (it backs off when a {@link JteViewResolver} bean exists). */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteViewResolver(engine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new Utf8JteView(engine);
            }
        };
    }

    /** A jte view that buffers the page as UTF-8 bytes and sends it with a Content-Length. */
    static class Utf8JteView extends JteView {

        private final TemplateEngine engine;

        Utf8JteView(TemplateEngine engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            Utf8ByteOutput out = new Utf8ByteOutput();
            engine.render(getUrl(), model, out);
            response.setContentType(getContentType() == null ? "text/html;charset=UTF-8"
                    : getContentType() + ";charset=UTF-8");
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(out.getContentLength());
            response.getOutputStream().write(out.toByteArray());
        }
    }
}
