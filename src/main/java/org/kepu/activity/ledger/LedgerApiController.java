package org.kepu.activity.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel ledger import for API clients: synchronous, all rows or none, errors as JSON. */
@RestController
@Tag(name = "activities", description = "科普活动台账")
class LedgerApiController {

    private final LedgerImportService imports;

    LedgerApiController(LedgerImportService imports) {
        this.imports = imports;
    }

    /** One error: Excel row (0 = the whole file), column header (null = the whole file), Chinese message. */
    record ImportErrorResponse(int row, String column, String message) {
    }

    /** The outcome: {@code imported} rows written, or none and the errors. */
    record ImportResponse(boolean success, int rowsRead, int imported, Long batchId, int errorCount,
            List<ImportErrorResponse> errors) {
    }

    @PostMapping(path = "/api/v1/activities/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入 Excel 活动台账（.xlsx）",
            description = "逐行校验；任一行有错误则不写入任何数据并返回全部错误（HTTP 422）；成功时全部导入为草稿（HTTP 200）。同一文件不能重复导入。")
    ResponseEntity<ImportResponse> importLedger(@RequestParam("file") MultipartFile file) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LedgerImportService.requireImporter(user);
        if (file.isEmpty()) {
            throw new BadRequestException("ledger.import.noFile");
        }
        Path tmp = Files.createTempFile("kepu-ledger-api-", ".xlsx");
        try {
            file.transferTo(tmp);
            ImportResult r = imports.importFile(tmp, LedgerPageController.originalName(file), user);
            var body = new ImportResponse(r.success(), r.rowsRead(), r.imported(), r.batchId(), r.errorCount(),
                    r.errors().stream().map(e -> new ImportErrorResponse(e.row(), e.column(), e.message())).toList());
            return ResponseEntity.status(r.success() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(body);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
