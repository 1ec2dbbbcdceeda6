package org.kepu.activity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kepu.shared.web.ErrorAdvice;
import org.springframework.http.ResponseEntity;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

class UploadLimitAdviceTest {

    private final UploadLimitAdvice advice = new UploadLimitAdvice(messages(), new ErrorAdvice(messages()));

    @Test
    void evidenceUploadGoesBackToTheActivityWithAMessage() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/activities/42/evidence");
        FlashMap flash = new FlashMap();
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, flash);
        Object view = advice.tooLarge(new MaxUploadSizeExceededException(20), request);
        assertThat(view).isEqualTo("redirect:/activities/42#evidence");
        assertThat((List<?>) flash.get("warnings")).singleElement().asString().contains("超过 20 MB");
    }

    @Test
    void otherUploadsGetTheShared413() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/activities/import");
        Object response = advice.tooLarge(new MaxUploadSizeExceededException(20), request);
        assertThat(response).isInstanceOf(ResponseEntity.class);
        ResponseEntity<?> entity = (ResponseEntity<?>) response;
        assertThat(entity.getStatusCode().value()).isEqualTo(413);
        assertThat(entity.getBody().toString()).contains("上传的文件太大");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/evidence", "i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
