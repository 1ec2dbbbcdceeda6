package org.kepu.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * In the tests the application's clock is a {@link MutableClock}. A plain configuration (not a test
 * configuration) so that every test class keeps sharing the one application context.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestClockConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
