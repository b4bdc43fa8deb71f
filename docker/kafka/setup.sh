#!/bin/bash
# Runs once per start, before the services: each service's SCRAM credential and its ACLs, as the
# broker's super user (docs/operations.md, "Kafka"). Idempotent: credentials are upserted, ACLs added.
set -euo pipefail
bin=/opt/kafka/bin
config=/tmp/admin.properties
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
broker=kafka:9092

credential() {  # credential <principal> <password>
  "$bin/kafka-configs.sh" --bootstrap-server "$broker" --command-config "$config" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" --entity-type users --entity-name "$1"
}
allow() {  # allow <principal> <operation> <resource options...>
  local principal=$1 operation=$2
  shift 2
  "$bin/kafka-acls.sh" --bootstrap-server "$broker" --command-config "$config" --add \
    --allow-principal "User:$principal" --operation "$operation" "$@"
}
service() {  # service <principal> <password> <topic it writes> <topics it reads...>
  local principal=$1 password=$2 writes=$3
  shift 3
  credential "$principal" "$password"
  allow "$principal" Describe --topic caseflow. --resource-pattern-type prefixed
  allow "$principal" Create --topic caseflow. --resource-pattern-type prefixed
  allow "$principal" Write --topic "$writes"
  for topic in "$@"; do
    allow "$principal" Read --topic "$topic"
    allow "$principal" Write --topic "$topic.dlt"
    allow "$principal" Write --topic "$topic.replay.$principal"
    allow "$principal" Read --topic "$topic.replay.$principal"
  done
  allow "$principal" Read --group "$principal" --resource-pattern-type prefixed
}

service case-service "$CASE_SERVICE_KAFKA_PASSWORD" caseflow.case-events caseflow.workflow-events caseflow.notification-events
service workflow-service "$WORKFLOW_SERVICE_KAFKA_PASSWORD" caseflow.workflow-events caseflow.case-events
service notification-service "$NOTIFICATION_SERVICE_KAFKA_PASSWORD" caseflow.notification-events caseflow.case-events caseflow.workflow-events
echo "Kafka credentials and ACLs in place"
