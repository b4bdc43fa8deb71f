package org.caseflow.notifications.delivery;

import java.util.UUID;

import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;

/** Sends a notification to an agency on one channel. Each implementation is a plain class. */
interface ChannelSender {

    Channel channel();

    /**
     * Sends, or throws. Must end within the configured timeouts, well inside the delivery lease.
     *
     * @param deliveryId the delivery, stable across its tries
     */
    void send(Notification notification, Agency agency, UUID deliveryId) throws DeliveryFailed;
}
