package org.caseflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The typed events for what changes a case: screened, risk reassessed, emergency measure taken and
 * ended, plan approved, measure decided, placement started and ended, closed. Each is a record of its
 * own, versioned in {@code schemas/} like every event, so consumers read fields instead of matching
 * step names.
 *
 * <p>A model records one with the step "Record a case change", naming the change and giving a value
 * for each of its fields; {@link #build} makes the record from those values by the schema, so a field
 * added compatibly to a schema needs no code here. Steps published before these types existed (a
 * {@link CaseStepRecorded} named like a change, from an earlier model or an earlier workflow-service
 * still in the topic) are read as the change they meant, by {@link #fromStep}.
 */
public final class CaseChanges {

    /** Every case change type; each is also one of {@link CaseEvents#TYPES}. */
    public static final List<Class<? extends SpecificRecord>> TYPES = List.of(CaseScreened.class, RiskReassessed.class,
            EmergencyMeasureTaken.class, EmergencyMeasureEnded.class, ProtectionPlanApproved.class, ProtectionMeasureDecided.class,
            PlacementStarted.class, PlacementEnded.class, CaseClosed.class);

    /** The field of the case's risk level, which the recording step fills from the case when the model gives none. */
    public static final String RISK_LEVEL = "riskLevel";

    private static final String ENVELOPE = "envelope";

    private static final Map<String, Class<? extends SpecificRecord>> BY_NAME = new HashMap<>();

    static {
        TYPES.forEach(type -> BY_NAME.put(type.getSimpleName(), type));
    }

    /**
     * How a step named like a change said it: which change it was, which field its outcome was, and what
     * else the change takes from the step. The earlier models published these names; nothing new is added here.
     */
    private static final Map<String, EarlierStep> EARLIER_STEPS = Map.of(
            "CaseScreened", new EarlierStep(CaseScreened.class, step -> values(step, "protectionCase",
                    "PROTECTION_CASE".equals(step.getOutcome()), "suggestedRiskLevel", step.getAttributes().get("suggestedRiskLevel"))),
            "RiskReassessed", new EarlierStep(RiskReassessed.class, step -> values(step,
                    RISK_LEVEL, step.getOutcome() != null ? step.getOutcome() : step.getRiskLevel(),
                    "reassessedAt", step.getAttributes().getOrDefault("reassessedAt", "HOME_VISIT"))),
            "EmergencyMeasureTaken", new EarlierStep(EmergencyMeasureTaken.class, step -> values(step, "measure", step.getOutcome())),
            "EmergencyMeasureEnded", new EarlierStep(EmergencyMeasureEnded.class, step -> values(step, "childNow", step.getOutcome())),
            "ProtectionPlanApproved", new EarlierStep(ProtectionPlanApproved.class, step -> values(step, "revised", false)),
            "ProtectionPlanRevised", new EarlierStep(ProtectionPlanApproved.class, step -> values(step, "revised", true)),
            "PlacementStarted", new EarlierStep(PlacementStarted.class, step -> values(step, "measure", step.getOutcome())),
            "CaseClosed", new EarlierStep(CaseClosed.class, step -> values(step, "reason", step.getOutcome())));

    private record EarlierStep(Class<? extends SpecificRecord> type, Function<CaseStepRecorded, Map<String, Object>> values) {
    }

    private CaseChanges() {
    }

    /** The change type of that name, such as CaseScreened. */
    public static Optional<Class<? extends SpecificRecord>> type(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The fields a model gives for the change (all but the envelope), in the schema's order. */
    public static List<Schema.Field> fields(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type).getFields().stream().filter(field -> !ENVELOPE.equals(field.name())).toList();
    }

    /** The fields without a default: a model that records the change must give each. */
    public static List<String> requiredFields(Class<? extends SpecificRecord> type) {
        return fields(type).stream().filter(field -> !field.hasDefaultValue()).map(Schema.Field::name).toList();
    }

    /**
     * Makes the change from the values a model gave, converted to each field's type (text, yes/no,
     * a risk level, a date). Values that are not fields of the change are ignored; a field left out
     * takes its default.
     *
     * @throws InvalidCaseChangeException naming the change and the field, when a field without a
     *                                    default has no value or a value does not fit its field
     */
    public static SpecificRecord build(Class<? extends SpecificRecord> type, Envelope envelope, Map<String, ?> values) {
        Schema schema = SpecificData.get().getSchema(type);
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        record.put(schema.getField(ENVELOPE).pos(), envelope);
        for (Schema.Field field : fields(type)) {
            Object value = values.get(field.name());
            if (value == null || value.toString().isBlank()) {
                if (!field.hasDefaultValue()) {
                    throw new InvalidCaseChangeException(type.getSimpleName() + " needs a value for '" + field.name() + "'");
                }
                record.put(field.pos(), SpecificData.get().getDefaultValue(field));
            } else {
                record.put(field.pos(), convert(type, field, value));
            }
        }
        return record;
    }

    /**
     * The change a step named like one meant (CaseScreened, CaseClosed...), with the step's envelope and
     * event id, so a consumer that has seen one does not take the other; empty for any other step.
     */
    public static Optional<SpecificRecord> fromStep(CaseStepRecorded step) {
        EarlierStep earlier = EARLIER_STEPS.get(step.getName());
        if (earlier == null) {
            return Optional.empty();
        }
        Envelope envelope = Envelope.newBuilder(step.getEnvelope()).setEventType(earlier.type().getSimpleName()).build();
        return Optional.of(build(earlier.type(), envelope, earlier.values().apply(step)));
    }

    /** The change's fields as text (ids, codes and decisions only), for timelines and routing. */
    public static Map<String, String> facts(SpecificRecord change) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Schema.Field field : change.getSchema().getFields()) {
            Object value = change.get(field.pos());
            if (!ENVELOPE.equals(field.name()) && value != null) {
                facts.put(field.name(), value.toString());
            }
        }
        return facts;
    }

    /**
     * The decision the change records, as one code, for a case file's list of decisions and for routes
     * and texts that show an outcome: whether the report is a protection case, the new risk level, a
     * plan APPROVED or REVISED, else the change's first field (the measure, where the child is now, the
     * closure reason).
     */
    public static String outcome(SpecificRecord change) {
        if (change instanceof CaseScreened screened) {
            return screened.getProtectionCase() ? "PROTECTION_CASE" : "NOT_A_PROTECTION_CASE";
        }
        if (change instanceof RiskReassessed reassessed) {
            return reassessed.getRiskLevel().name();
        }
        if (change instanceof ProtectionPlanApproved approved) {
            return approved.getRevised() ? "REVISED" : "APPROVED";
        }
        Object first = change.get(fields(change.getClass()).get(0).pos());
        return first == null ? null : first.toString();
    }

    /** The case's risk level the change carries, null before the screening. */
    public static String riskLevel(SpecificRecord change) {
        Schema.Field field = change.getSchema().getField(RISK_LEVEL);
        Object level = field == null ? null : change.get(field.pos());
        return level == null ? null : level.toString();
    }

    /** Whether the event is one of the case changes. */
    public static boolean isChange(SpecificRecord event) {
        return TYPES.contains(event.getClass());
    }

    private static Map<String, Object> values(CaseStepRecorded step, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put(RISK_LEVEL, step.getRiskLevel());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    private static Object convert(Class<? extends SpecificRecord> type, Schema.Field field, Object value) {
        Schema schema = nonNull(field.schema());
        String where = type.getSimpleName() + "." + field.name();
        switch (schema.getType()) {
            case STRING:
                return value.toString();
            case BOOLEAN:
                if (value instanceof Boolean flag) {
                    return flag;
                }
                if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
                    return Boolean.parseBoolean(value.toString());
                }
                throw new InvalidCaseChangeException(where + " is yes or no (true or false), not '" + value + "'");
            case ENUM:
                String symbol = value.toString().trim().toUpperCase();
                if (!schema.getEnumSymbols().contains(symbol)) {
                    throw new InvalidCaseChangeException(where + " is one of " + schema.getEnumSymbols() + ", not '" + value + "'");
                }
                return SpecificData.get().createEnum(symbol, schema);
            case INT:
                if (schema.getLogicalType() instanceof LogicalTypes.Date) {
                    return date(where, value);
                }
                break;
            default:
                break;
        }
        throw new InvalidCaseChangeException(where + " has a type (" + schema + ") a model cannot give");
    }

    private static LocalDate date(String where, Object value) {
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof Date moment) {
            return moment.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof Instant moment) {
            return moment.atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidCaseChangeException(where + " is a day such as 2026-12-01, not '" + value + "'");
        }
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> types = new ArrayList<>(schema.getTypes());
        types.removeIf(member -> member.getType() == Schema.Type.NULL);
        return types.get(0);
    }
}
