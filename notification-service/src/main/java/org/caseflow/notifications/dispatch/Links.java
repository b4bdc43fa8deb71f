package org.caseflow.notifications.dispatch;

import java.util.Map;

import org.caseflow.notifications.NotificationProperties;
import org.caseflow.notifications.routing.RoutableEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriTemplate;

/** Where a notification points: the task, when the event is about one, else the case. */
@Component
class Links {

    private final UriTemplate caseUrl;
    private final UriTemplate taskUrl;

    Links(NotificationProperties properties) {
        this.caseUrl = new UriTemplate(properties.links().caseUrl());
        this.taskUrl = new UriTemplate(properties.links().taskUrl());
    }

    String of(RoutableEvent event) {
        return event.fact("taskId")
                .filter(taskId -> "TaskCreated".equals(event.name()))
                .map(taskId -> taskUrl.expand(Map.of("caseId", event.caseId(), "taskId", taskId)).toString())
                .orElseGet(() -> caseUrl.expand(Map.of("caseId", event.caseId())).toString());
    }
}
