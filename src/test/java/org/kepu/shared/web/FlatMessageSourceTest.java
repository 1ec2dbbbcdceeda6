package org.kepu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class FlatMessageSourceTest {

    private static final ClassLoader LOADER = FlatMessageSourceTest.class.getClassLoader();

    @Test
    void formatsArgumentsAndReturnsPlainMessagesAsWritten() {
        var m = FlatMessageSource.load(LOADER, List.of("flat-messages/a", "flat-messages/b"), PageContext.LOCALE);
        assertThat(m.getMessage("greeting", new Object[] {"张三"}, PageContext.LOCALE)).isEqualTo("你好，张三！");
        assertThat(m.getMessage("other", null, PageContext.LOCALE)).isEqualTo("另一个");
        // without arguments a message is not run through MessageFormat, so a single quote stays
        assertThat(m.getMessage("quote", null, PageContext.LOCALE)).isEqualTo("它's");
        assertThat(m.getMessage("plain", new Object[] {12345}, PageContext.LOCALE)).isEqualTo("百分之12,345");
    }

    @Test
    void pageContextReadsPlainMessagesDirectlyAndAsGetMessageWould() {
        var m = FlatMessageSource.load(LOADER, List.of("flat-messages/a", "flat-messages/b"), PageContext.LOCALE);
        var ctx = new PageContext(null, null, "/", null, m, null);
        for (String key : List.of("other", "quote", "no.such.key")) {
            assertThat(ctx.t(key)).isEqualTo(m.getMessage(key, null, key, PageContext.LOCALE));
        }
        assertThat(ctx.t("quote")).isEqualTo("它's");
        assertThat(ctx.t("no.such.key")).isEqualTo("no.such.key");
        assertThat(ctx.t("greeting", "张三")).isEqualTo("你好，张三！");
    }

    @Test
    void missingKeyGivesTheDefaultOrFails() {
        var m = FlatMessageSource.load(LOADER, List.of("flat-messages/a"), PageContext.LOCALE);
        assertThat(m.getMessage("no.such.key", null, "no.such.key", PageContext.LOCALE)).isEqualTo("no.such.key");
        assertThatThrownBy(() -> m.getMessage("no.such.key", null, PageContext.LOCALE))
                .isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void keyInTwoBundlesStopsTheStartNamingBoth() {
        assertThatThrownBy(() -> FlatMessageSource.load(LOADER, List.of("flat-messages/a", "flat-messages/dup"),
                PageContext.LOCALE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("greeting").hasMessageContaining("flat-messages/a.properties")
                .hasMessageContaining("flat-messages/dup.properties");
    }

    @Test
    void missingBundleStopsTheStart() {
        assertThatThrownBy(() -> FlatMessageSource.load(LOADER, List.of("flat-messages/none"), PageContext.LOCALE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("flat-messages/none.properties");
    }

    /** Every message of the application's bundles reads the same as through Spring's bundle message source. */
    @Test
    void applicationBundlesReadAsThroughResourceBundles() throws Exception {
        Properties app = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        List<String> basenames = Arrays.stream(app.getProperty("spring.messages.basename").split(",")).toList();
        var flat = FlatMessageSource.load(LOADER, basenames, PageContext.LOCALE);
        var bundles = new ResourceBundleMessageSource();
        bundles.setBasenames(basenames.toArray(String[]::new));
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        int compared = 0;
        for (String basename : basenames) {
            Properties p = new Properties();
            try (var in = new java.io.InputStreamReader(LOADER.getResourceAsStream(basename + ".properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            }
            for (String key : p.stringPropertyNames()) {
                Object[] args = {"甲", 2, 3, 4};
                assertThat(flat.getMessage(key, args, Locale.SIMPLIFIED_CHINESE)).as(key)
                        .isEqualTo(bundles.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
                assertThat(flat.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)).as(key)
                        .isEqualTo(bundles.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(flat.size()).isGreaterThan(1000);
    }
}
