package org.kepu.activity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

class UploadLimitAdviceTest {

    private final UploadLimitAdvice advice = new UploadLimitAdvice(messages());

    @Test
    void evidenceUploadGoesBackToTheActivityWithAMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/activities/42/evidence");
        FlashMap flash = new FlashMap();
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, flash);
        String view = advice.tooLarge(new MaxUploadSizeExceededException(20), request);
        assertThat(view).isEqualTo("redirect:/activities/42#evidence");
        assertThat((List<?>) flash.get("warnings")).singleElement().asString().contains("超过 20 MB");
    }

    @Test
    void otherUploadsKeepTheDefaultHandling() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ledger/import");
        var e = new MaxUploadSizeExceededException(20);
        assertThatThrownBy(() -> advice.tooLarge(e, request)).isSameAs(e);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/evidence");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
