package org.caseflow.notifications.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.delivery.Deliveries;
import org.caseflow.notifications.delivery.Delivery;
import org.caseflow.notifications.delivery.DeliveryStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For operators: the deliveries in a status, such as those given up, most recently changed first. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    List<Delivery> find(@RequestParam(required = false) DeliveryStatus status,
                        @RequestParam(required = false) @Pattern(regexp = Agency.ID_PATTERN, message = "must be an agency id such as cpu") String agency,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deliveries.find(status, agency, limit);
    }
}
