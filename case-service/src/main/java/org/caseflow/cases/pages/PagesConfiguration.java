package org.caseflow.cases.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Albanian unless the reader chose English (the language switch, kept in a cookie) or
 * their browser asks for English before Albanian.
 */
@Configuration
class PagesConfiguration implements WebMvcConfigurer {

    static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    static final List<Locale> LANGUAGES = List.of(ALBANIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("caseflow-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                // Without the header the servlet container answers with its own default, not the reader's.
                return ALBANIAN;
            }
            var asked = request.getLocales();
            while (asked.hasMoreElements()) {
                String language = asked.nextElement().getLanguage();
                for (Locale offered : LANGUAGES) {
                    if (offered.getLanguage().equals(language)) {
                        return offered;
                    }
                }
            }
            return ALBANIAN;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler) throws jakarta.servlet.ServletException {
                // Only the languages the pages have texts in; any other value changes nothing.
                String asked = request.getParameter(getParamName());
                return asked == null || LANGUAGES.stream().noneMatch(offered -> offered.getLanguage().equals(asked))
                        || super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change).addPathPatterns("/cases", "/cases/**", "/login");
    }
}
