package org.caseflow.notifications.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.caseflow.notifications.InvalidField;
import org.caseflow.notifications.NotificationProperties;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.AgencyDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency directory: who is told, in which language, on which channels. */
@RestController
@RequestMapping("/api/agencies")
class AgencyController {

    private final AgencyDirectory directory;
    private final NotificationProperties properties;

    AgencyController(AgencyDirectory directory, NotificationProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @GetMapping
    List<AgencyView> all() {
        return directory.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    AgencyView one(@PathVariable @Pattern(regexp = Agency.ID_PATTERN, message = "must be an agency id such as cpu") String id) {
        return view(directory.get(id));
    }

    @PostMapping
    ResponseEntity<AgencyView> create(@Valid @RequestBody AgencyRequest request) {
        if (request.id() == null) {
            throw new InvalidField("id", "must not be null");
        }
        Agency created = directory.create(request.agency(request.id()));
        return ResponseEntity.created(URI.create("/api/agencies/" + created.id())).body(view(created));
    }

    @PutMapping("/{id}")
    AgencyView update(@PathVariable @Pattern(regexp = Agency.ID_PATTERN, message = "must be an agency id such as cpu") String id,
                      @Valid @RequestBody AgencyRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidField("id", "must be the id in the path, " + id + ", or left out");
        }
        return view(directory.update(request.agency(directory.get(id))));
    }

    private AgencyView view(Agency agency) {
        return AgencyView.of(agency, properties.timeZone());
    }
}
