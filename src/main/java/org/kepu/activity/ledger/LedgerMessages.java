package org.kepu.activity.ledger;

import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The ledger's Chinese texts from the message bundles ({@code i18n/ledger.properties}). */
@Component
class LedgerMessages {

    private final MessageSource messages;

    LedgerMessages(MessageSource messages) {
        this.messages = messages;
    }

    String t(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }

    /** 第 5 行「现场参与人数」：应为不小于 0 的整数，实际为"约200" */
    ImportError rowError(int row, LedgerColumn column, String key, Object... args) {
        String detail = t(key, args);
        return new ImportError(row, column.label(), t("ledger.error.row", Integer.toString(row), column.label(), detail));
    }

    ImportError fileError(LedgerFileException e) {
        return new ImportError(0, null, t(e.messageKey(), e.args()));
    }
}
