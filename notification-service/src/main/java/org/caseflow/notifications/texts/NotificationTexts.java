package org.caseflow.notifications.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.caseflow.notifications.directory.Language;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Renders notification texts from the templates in {@code texts/<language>/<template>.mustache}: the
 * first line is the title, the rest the body. Every template exists in every language (checked when
 * loading). Codes such as task keys, step names and risk levels are shown by their label in
 * {@code texts/<language>/labels.properties}.
 *
 * <p>JMustache is logic-less: a template shows the values it is given and can reach nothing else, so
 * what a notification can say is decided here, in {@link #model}, not in each template.
 */
public class NotificationTexts {

    /** The text for a request naming a template that does not exist. */
    public static final String FALLBACK = "notice";

    /** Only codes are shown unlabelled: a value that could be free text is left out. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,60}");

    private static final Map<Language, DateTimeFormatter> DATE_TIME = Map.of(
            Language.SQ, DateTimeFormatter.ofPattern("dd.MM.yyyy 'ora' HH:mm", Language.SQ.locale()),
            Language.EN, DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Language.EN.locale()));

    private final Map<Language, Map<String, Template>> templates = new EnumMap<>(Language.class);
    private final Map<Language, Properties> labels = new EnumMap<>(Language.class);
    private final ZoneId zone;

    public NotificationTexts(ZoneId zone) {
        this(zone, "texts");
    }

    NotificationTexts(ZoneId zone, String location) {
        this.zone = zone;
        Mustache.Compiler compiler = Mustache.compiler().withEscaper(Escapers.NONE).defaultValue("");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Language language : Language.values()) {
            Map<String, Template> compiled = new HashMap<>();
            for (Resource resource : resources(resolver, "classpath*:" + location + "/" + language.code() + "/*.mustache")) {
                String name = resource.getFilename().substring(0, resource.getFilename().length() - ".mustache".length());
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    compiled.put(name, compiler.compile(reader));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the template " + resource, e);
                }
            }
            templates.put(language, compiled);
            labels.put(language, labels(resolver, location + "/" + language.code() + "/labels.properties"));
        }
        Set<String> expected = templates.get(Language.SQ).keySet();
        for (Language language : Language.values()) {
            if (!templates.get(language).keySet().equals(expected)) {
                throw new IllegalStateException("The " + language.code() + " templates " + new TreeSet<>(templates.get(language).keySet())
                        + " are not the Albanian ones " + new TreeSet<>(expected));
            }
        }
        if (!expected.contains(FALLBACK)) {
            throw new IllegalStateException("There is no template " + FALLBACK + " to fall back on");
        }
    }

    /** The names of the templates, the same in every language. */
    public Set<String> templates() {
        return new TreeSet<>(templates.get(Language.SQ).keySet());
    }

    public boolean has(String template) {
        return templates.get(Language.SQ).containsKey(template);
    }

    /** Renders the template in the language; an unknown template renders as {@link #FALLBACK}. */
    public RenderedText render(String template, Language language, TextInput input) {
        Template compiled = templates.get(language).getOrDefault(template, templates.get(language).get(FALLBACK));
        String text = compiled.execute(model(language, input)).replace("\r\n", "\n").strip();
        int endOfTitle = text.indexOf('\n');
        String title = endOfTitle < 0 ? text : text.substring(0, endOfTitle).strip();
        String body = endOfTitle < 0 ? "" : text.substring(endOfTitle + 1).strip().replaceAll("\n{3,}", "\n\n");
        return new RenderedText(title, body);
    }

    /** Everything a template can show. Nothing else of the event reaches a text. */
    private Map<String, Object> model(Language language, TextInput input) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", input.caseId());
        model.put("link", input.link());
        model.put("urgent", input.urgent());
        model.put("agencyName", input.agencyName());
        if (input.dueAt() != null) {
            model.put("dueAt", DATE_TIME.get(language).format(input.dueAt().atZone(zone)));
        }
        model.put("step", label(language, "step", input.eventName(), input.eventName()));
        String taskKey = input.fact("taskKey");
        model.put("task", label(language, "task", taskKey, input.fact("taskName")));
        model.put("riskLevel", codeLabel(language, "risk", input.fact("riskLevel")));
        model.put("deadline", label(language, "deadline", input.fact("deadline"), input.fact("deadline")));
        model.put("kind", label(language, "kind", input.fact("kind"), input.fact("kind")));
        model.put("outcome", codeLabel(language, "outcome", input.fact("outcome")));
        model.put("fromAgency", input.fact("agency"));
        model.put("immediateDanger", "true".equals(input.fact("immediateDanger")));
        model.put("param", input.parameters());
        return model;
    }

    /** The code's label, or the fallback when there is none. */
    private String label(Language language, String kind, String code, String fallback) {
        if (code == null) {
            return fallback;
        }
        return labels.get(language).getProperty(kind + "." + code, fallback);
    }

    /** The code's label, the code itself when it looks like one, else nothing (it could be free text). */
    private String codeLabel(Language language, String kind, String code) {
        if (code == null) {
            return null;
        }
        String label = labels.get(language).getProperty(kind + "." + code);
        if (label != null) {
            return label;
        }
        return CODE.matcher(code).matches() ? code : null;
    }

    private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + pattern, e);
        }
    }

    private static Properties labels(PathMatchingResourcePatternResolver resolver, String path) {
        Properties properties = new Properties();
        Resource resource = resolver.getResource("classpath:" + path);
        if (resource.exists()) {
            try (InputStream in = resource.getInputStream();
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + path, e);
            }
        }
        return properties;
    }
}
