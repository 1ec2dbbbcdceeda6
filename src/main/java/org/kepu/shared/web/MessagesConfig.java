package org.kepu.shared.web;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The application's {@link MessageSource}: the bundles listed in {@code spring.messages.basename}, merged by
 * {@link FlatMessageSource}. The bean is named {@code messageSource}, so Spring Boot's bundle message source backs
 * off and the application context uses this one.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfig {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename}") String basenames) {
        return FlatMessageSource.load(MessagesConfig.class.getClassLoader(),
                Arrays.asList(StringUtils.commaDelimitedListToStringArray(StringUtils.trimAllWhitespace(basenames))),
                PageContext.LOCALE);
    }
}
