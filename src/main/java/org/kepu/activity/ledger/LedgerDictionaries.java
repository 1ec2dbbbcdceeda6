package org.kepu.activity.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.shared.KeyGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Themes and formats from the managed dictionary and the key-group labels, as the ledger shows and reads them. */
@Component
class LedgerDictionaries {

    static final String THEME = "ACTIVITY_THEME";
    static final String FORMAT = "ACTIVITY_FORMAT";

    private final JdbcClient jdbc;
    private final LedgerMessages messages;

    LedgerDictionaries(JdbcClient jdbc, LedgerMessages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** Active items of {@code dict}: code → label, in display order. */
    Map<String, String> items(String dict) {
        Map<String, String> items = new LinkedHashMap<>();
        jdbc.sql("select code, label from dict_item where dict = :dict and active order by sort_order, label")
                .param("dict", dict).query((rs, n) -> items.put(rs.getString(1), rs.getString(2))).list();
        return items;
    }

    /** All items of {@code dict} (inactive ones too, for showing old records): code → label. */
    Map<String, String> allItems(String dict) {
        Map<String, String> items = new LinkedHashMap<>();
        jdbc.sql("select code, label from dict_item where dict = :dict order by sort_order, label")
                .param("dict", dict).query((rs, n) -> items.put(rs.getString(1), rs.getString(2))).list();
        return items;
    }

    /** Key group → label (青少年, 农民, …). */
    Map<KeyGroup, String> keyGroups() {
        Map<KeyGroup, String> labels = new LinkedHashMap<>();
        for (KeyGroup g : KeyGroup.values()) {
            labels.put(g, messages.t("keyGroup." + g.name()));
        }
        return labels;
    }

    List<String> keyGroupLabels() {
        return List.copyOf(keyGroups().values());
    }
}
