package org.caseflow.notifications.texts;

import org.caseflow.notifications.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TextsConfiguration {

    @Bean
    NotificationTexts notificationTexts(NotificationProperties properties) {
        return new NotificationTexts(properties.timeZone());
    }
}
