package org.kepu.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.AbstractMessageSource;

/**
 * All message bundles of the application merged into one map when it starts. The UI has one language (Simplified
 * Chinese) and each bundle one file, so a message is one hash lookup instead of a walk through fifteen bundles and
 * their locale fallbacks on every call ({@code ctx.t(...)} runs a few hundred times per list page). A key defined
 * in two bundles stops the start, naming both: with one flat map the second definition would silently lose.
 * Messages without arguments are returned as written; with arguments they are formatted by {@link MessageFormat},
 * as Spring's bundle message sources do by default. Bundles are read as UTF-8, so the bundle source's
 * {@code spring.messages.encoding} and {@code fallback-to-system-locale} settings no longer apply.
 */
public final class FlatMessageSource extends AbstractMessageSource {

    private final Map<String, String> messages;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final Locale formatLocale;

    private FlatMessageSource(Map<String, String> messages, Locale formatLocale) {
        this.messages = messages;
        this.formatLocale = formatLocale;
    }

    /**
     * Loads {@code <basename>.properties} (UTF-8) from the class path for each basename, e.g. {@code i18n/activity}.
     *
     * @throws IllegalStateException when a bundle is missing or a key appears in two bundles
     */
    public static FlatMessageSource load(ClassLoader loader, List<String> basenames, Locale formatLocale) {
        Map<String, String> all = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        for (String basename : basenames) {
            String resource = basename.strip() + ".properties";
            Properties p = new Properties();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("message bundle not found on the class path: " + resource);
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read message bundle " + resource, e);
            }
            for (String key : p.stringPropertyNames()) {
                String before = origin.putIfAbsent(key, resource);
                if (before != null) {
                    throw new IllegalStateException(
                            "message key '" + key + "' is defined in both " + before + " and " + resource);
                }
                all.put(key, p.getProperty(key));
            }
        }
        return new FlatMessageSource(Map.copyOf(all), formatLocale);
    }

    /** Number of messages loaded. */
    public int size() {
        return messages.size();
    }

    /**
     * The message for {@code code} as {@link #getMessage(String, Object[], String, Locale)} returns it when there are
     * no arguments (the text as written, no {@code MessageFormat} processing), or null when there is none. Every
     * locale reads the same messages.
     */
    public String text(String code) {
        return messages.get(code);
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        return messages.get(code);
    }

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        String pattern = messages.get(code);
        if (pattern == null) {
            return null;
        }
        // AbstractMessageSource formats under a lock on the returned instance, so one shared instance per key is safe.
        return formats.computeIfAbsent(code, c -> new MessageFormat(pattern, formatLocale));
    }
}
