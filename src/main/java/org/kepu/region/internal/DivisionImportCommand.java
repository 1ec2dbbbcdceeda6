package org.kepu.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.kepu.shared.KepuException;
import org.kepu.shared.web.PageContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Command line import: {@code java -jar kepu.jar --kepu.import-divisions=<dir or zip>
 * --kepu.import-divisions.root=360734} imports the subtree, prints what it did and exits (status 0, or 1 with
 * every problem listed).
 */
@Component
@Order(10)
@ConditionalOnProperty("kepu.import-divisions")
class DivisionImportCommand implements ApplicationRunner {

    private final DivisionImporter importer;
    private final Environment env;
    private final MessageSource messages;
    private final IntConsumer exit;

    @Autowired
    DivisionImportCommand(DivisionImporter importer, Environment env, MessageSource messages,
            ApplicationContext context) {
        this(importer, env, messages, status -> System.exit(SpringApplication.exit(context, () -> status)));
    }

    DivisionImportCommand(DivisionImporter importer, Environment env, MessageSource messages, IntConsumer exit) {
        this.importer = importer;
        this.env = env;
        this.messages = messages;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        exit.accept(runImport(System.out, System.err));
    }

    int runImport(PrintStream out, PrintStream err) {
        Path source = Path.of(env.getRequiredProperty("kepu.import-divisions"));
        String root = env.getProperty("kepu.import-divisions.root", "");
        try {
            DivisionCsvFiles files;
            if (Files.isDirectory(source)) {
                files = DivisionCsvFiles.fromDirectory(source);
            } else {
                try (InputStream in = Files.newInputStream(source)) {
                    files = DivisionCsvFiles.fromZip(in);
                }
            }
            DivisionImportResult r = importer.importSubtree(files, root);
            out.println(text("division.import.done", r.rootName(), r.rootCode(), r.total(), r.inserted(),
                    r.updated(), r.unchanged()));
            return 0;
        } catch (DivisionImportException e) {
            err.println(text(e.messageKey(), e.args()));
            e.problems().forEach(err::println);
            return 1;
        } catch (KepuException e) {
            err.println(text(e.messageKey(), e.args()));
            return 1;
        } catch (IOException e) {
            err.println(text("division.import.unreadable", source));
            return 1;
        } catch (UncheckedIOException e) {
            err.println(text("division.import.unreadable", source));
            return 1;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
