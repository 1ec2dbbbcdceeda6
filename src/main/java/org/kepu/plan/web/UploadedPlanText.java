package org.kepu.plan.web;

import java.io.IOException;
import org.kepu.plan.text.PlanDocumentReader;
import org.kepu.shared.BadRequestException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The text of an uploaded plan (.docx or .txt, told apart by content), through the parser's document reader. */
@Component
class UploadedPlanText {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final PlanDocumentReader reader;

    UploadedPlanText(PlanDocumentReader reader) {
        this.reader = reader;
    }

    String read(MultipartFile file) {
        if (file.getSize() > MAX_BYTES) {
            throw new BadRequestException("import.error.fileTooLarge", MAX_BYTES / 1024 / 1024);
        }
        try {
            return reader.readFile(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new BadRequestException("import.error.upload");
        }
    }
}
